// Builds the extension for Chrome and Firefox from one source: the JavaScript once, then one folder per browser
// with its own manifest, and a zip of each for the stores.
//   dist/chrome/   dist/firefox/   dist/fsd-extension-chrome.zip   dist/fsd-extension-firefox.zip
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { iconPng } from './build/png.js';
import { manifest } from './build/manifest.js';
import { zipFolder } from './build/zip.js';

const root = 'packages/extension';
const src = `${root}/src`;
const dist = `${root}/dist`;
const staging = `${dist}/chrome`;

// Not minified: store reviewers (and curious users) read what runs.
const plugins = () => [
  nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['fsd-source', 'production'], browser: true }),
  commonjs(),
  esbuild({ target: 'es2022', minify: false, legalComments: 'none', tsconfig: 'tsconfig.json' }),
];

/** Copies the static files, writes icons and manifests, then the Firefox folder and both zips. */
function assemble() {
  return {
    name: 'fsd-extension-assemble',
    writeBundle() {
      for (const file of ['popup.html', 'options.html', 'pages.css']) cpSync(`${src}/${file}`, `${staging}/${file}`);
      cpSync(`${src}/_locales`, `${staging}/_locales`, { recursive: true });
      mkdirSync(`${staging}/snapshot`, { recursive: true });
      for (const feed of ['members', 'events']) cpSync(`examples/data/${feed}.json`, `${staging}/snapshot/${feed}.json`);
      mkdirSync(`${staging}/icons`, { recursive: true });
      for (const size of [16, 32, 48, 128]) writeFileSync(`${staging}/icons/icon-${size}.png`, iconPng(size));
      writeFileSync(`${staging}/manifest.json`, `${JSON.stringify(manifest('chrome'), null, 2)}\n`);
      rmSync(`${dist}/firefox`, { recursive: true, force: true });
      cpSync(staging, `${dist}/firefox`, { recursive: true });
      writeFileSync(`${dist}/firefox/manifest.json`, `${JSON.stringify(manifest('firefox'), null, 2)}\n`);
      for (const browser of ['chrome', 'firefox']) writeFileSync(`${dist}/fsd-extension-${browser}.zip`, zipFolder(`${dist}/${browser}`));
    },
  };
}

export function extensionConfigs() {
  rmSync(dist, { recursive: true, force: true });
  return [
    // The background and the content script are classic scripts: one file each, no import.
    ...['background', 'content'].map((name) => ({
      input: `${src}/${name}.ts`,
      output: { file: `${staging}/${name}.js`, format: 'iife', inlineDynamicImports: true },
      plugins: plugins(),
    })),
    {
      input: { popup: `${src}/popup.ts`, options: `${src}/options.ts` },
      output: { dir: staging, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      plugins: [...plugins(), assemble()],
    },
  ];
}

export default extensionConfigs();
