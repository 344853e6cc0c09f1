// Builds every shipped bundle. Each widget has its own entry (`packages/widgets/src/fsd-*.ts`) and the all-in-one
// `fsd-widgets.js`; code they share (Lit, the feed client) goes into hashed chunks loaded by relative URL, so any
// combination of widgets on one page loads Lit once.
import { readdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rmSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { minifyLitLiteralsPlugin } from './build/minify-lit-literals.js';

const widgetsSrc = 'packages/widgets/src';
const widgetEntries = Object.fromEntries(
  readdirSync(widgetsSrc)
    .filter((file) => /^fsd-.*\.ts$/.test(file))
    .map((file) => [file.replace(/\.ts$/, ''), `${widgetsSrc}/${file}`]),
);

const plugins = () => [
  minifyLitLiteralsPlugin(),
  nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['production'] }),
  esbuild({ target: 'es2022', minify: true, legalComments: 'none', tsconfig: 'tsconfig.json' }),
];

rmSync('packages/widgets/dist', { recursive: true, force: true });

export default [
  {
    input: widgetEntries,
    output: {
      dir: 'packages/widgets/dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: plugins(),
  },
];
