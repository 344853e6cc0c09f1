// Builds the publisher (packages/publish) into dist/: the command (`dist/cli.js`, which `npx fsd-publish` runs through
// bin/fsd-publish.mjs) and the programmatic entry (`dist/index.js`), for Node; `@frenchsouth-digital/feed` and ical.js are bundled in,
// the spreadsheet readers (csv-parse, read-excel-file) stay the package's dependencies. The staff's check page
// (`dist/check.js`) is the same validation code bundled for the browser.
import { rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const root = new URL('.', import.meta.url).pathname.replace(/\/$/, '');
const src = `${root}/src`;
const dist = `${root}/dist`;

const external = (id) => /^node:/.test(id) || /^(csv-parse|read-excel-file)(\/|$)/.test(id);

/** csv-parse's Node build uses Node's Buffer; its browser build carries what it needs. */
const browserCsvParse = () => ({
  name: 'fsd-browser-csv-parse',
  resolveId(id, importer) {
    return id === 'csv-parse/sync' ? this.resolve('csv-parse/browser/esm/sync', importer, { skipSelf: true }) : null;
  },
});

export function publishConfigs({ clean = true } = {}) {
  if (clean) rmSync(dist, { recursive: true, force: true });
  return [
    // One file per entry, nothing shared between them: each finds the repository's files from its own place in dist/.
    ...['cli', 'index'].map((name) => ({
      input: { [name]: `${src}/${name}.ts` },
      external,
      output: { dir: dist, format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
      plugins: [
        nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['fsd-source', 'node', 'import'], preferBuiltins: true }),
        esbuild({ target: 'node20', minify: false, legalComments: 'none', tsconfig: 'tsconfig.json' }),
      ],
    })),
    {
      input: { check: `${src}/check-page.ts` },
      onwarn(warning, warn) {
        if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
        warn(warning);
      },
      output: { dir: dist, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/check-[name]-[hash].js', inlineDynamicImports: true },
      plugins: [
        browserCsvParse(),
        nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['fsd-source', 'browser', 'import', 'production'], browser: true }),
        esbuild({ target: 'es2022', minify: true, legalComments: 'none', tsconfig: 'tsconfig.json' }),
      ],
    },
  ];
}

export default publishConfigs();
