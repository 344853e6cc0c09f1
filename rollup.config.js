// Builds every shipped bundle. Each widget has its own entry (`packages/widgets/src/fsd-*.ts`) and the all-in-one
// `fsd-widgets.js`; code they share (Lit, the feed client) goes into hashed chunks loaded by relative URL, so any
// combination of those entries on one page loads Lit once.
//
// The badge is the exception: its entry is built on its own, Lit and the feed client inlined, as one file. Splitting
// it from a chunk shared with the other widgets costs it about 0.4 KB gzipped (import and export lists, and gzip
// compressing two files apart), more than its 12 KB budget leaves. Member sites usually embed the badge alone; a
// page with several widgets loads `fsd-widgets.js`, which holds the badge too.
import { readdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rmSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { litTrustedTypesPlugin } from './build/lit-trusted-types.js';
import { minifyLitLiteralsPlugin } from './build/minify-lit-literals.js';
import { extensionConfigs } from './packages/extension/rollup.config.js';
import { publishConfigs } from './packages/publish/rollup.config.js';
import { developmentKey } from './tools/dev-key.mjs';

const widgetsSrc = 'packages/widgets/src';
// fsd-translations: a few hundred bytes that no page should pay a shared chunk for (src/fsd-translations.ts).
const STANDALONE = ['fsd-member-badge', 'fsd-translations'];
const widgetEntries = Object.fromEntries(
  readdirSync(widgetsSrc)
    .filter((file) => /^fsd-.*\.ts$/.test(file))
    .map((file) => [file.replace(/\.ts$/, ''), `${widgetsSrc}/${file}`])
    .filter(([name]) => !STANDALONE.includes(name)),
);

/**
 * For the examples' build only: the development key (tools/dev-key.mjs) pinned in place of the empty
 * packages/feed/src/development-keys.ts, so that the examples verify the feeds the examples server signs with it.
 */
function developmentKeysPlugin() {
  const { kid, raw } = developmentKey();
  return {
    name: 'fsd-development-keys',
    load(id) {
      return id.replaceAll('\\', '/').endsWith('packages/feed/src/development-keys.ts')
        ? `export const DEVELOPMENT_KEYS = ${JSON.stringify({ [kid]: raw })};`
        : null;
    },
  };
}

const plugins = (development = false) => [
  ...(development ? [developmentKeysPlugin()] : []),
  minifyLitLiteralsPlugin(),
  // Every copy of Lit in our bundles shares one Trusted Types policy (the badge's own copy and the chunks' one).
  litTrustedTypesPlugin(),
  nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['fsd-source', 'production'] }),
  esbuild({ target: 'es2022', minify: true, legalComments: 'none', tsconfig: 'tsconfig.json' }),
];

// The bundles that ship, and the examples' build (the same, with the development key pinned; never published).
const DIST = 'packages/widgets/dist';
const EXAMPLES_DIST = '.cache/examples-dist';
rmSync(DIST, { recursive: true, force: true });
rmSync(EXAMPLES_DIST, { recursive: true, force: true });

const output = (chunkPrefix = '', dir = DIST) => ({
  dir,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: `chunks/${chunkPrefix}[name]-[hash].js`,
  sourcemap: true,
  // A chunk this small costs more in its own request and gzip frame than it saves: rollup folds it into a larger one.
  experimentalMinChunkSize: 1024,
});

const widgetConfigs = (development) => [
  ...STANDALONE.map((name) => ({
    input: { [name]: `${widgetsSrc}/${name}.ts` },
    output: output(`${name.replace(/^fsd-/, '')}-`, development ? EXAMPLES_DIST : DIST),
    plugins: plugins(development),
    preserveEntrySignatures: 'allow-extension',
  })),
  {
    input: widgetEntries,
    output: {
      ...output('', development ? EXAMPLES_DIST : DIST),
      // The modal dialog's code, which the calendar needs only in its details chunk (loaded on demand), in a chunk of
      // its own: below experimentalMinChunkSize, it would be folded into the chunk every entry loads.
      manualChunks: (id) => (id.replaceAll('\\', '/').endsWith('/src/internal/modal.ts') ? 'dialog' : undefined),
    },
    plugins: plugins(development),
    preserveEntrySignatures: 'allow-extension',
  },
];

export default [
  ...widgetConfigs(false),
  // The examples' build: what the examples server serves at /dist/ (tools/server.mjs).
  ...widgetConfigs(true),
  // The browser extension (packages/extension): Chrome and Firefox builds, and their zips.
  ...extensionConfigs(),
  // The publisher (packages/publish): its command for Node, and the staff's check page.
  ...publishConfigs(),
];
