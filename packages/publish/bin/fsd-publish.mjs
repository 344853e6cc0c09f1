#!/usr/bin/env node
// `npx fsd-publish …`: runs the publisher built in ../dist/. In a fresh checkout (or after a change to ../src/) it
// builds it first with the repository's own rollup config, so the command works without a separate compile step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist/cli.js');

/** The newest modification time of the sources (src/ and the feed package's), in ms. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else newest = Math.max(newest, stat.mtimeMs);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, '../feed/src'));
  return newest;
}

if (!existsSync(cli) || statSync(cli).mtimeMs < newestSource()) {
  try {
    const { rollup } = await import('rollup');
    const { publishConfigs } = await import(pathToFileURL(join(root, 'rollup.config.js')).href);
    const cwd = process.cwd();
    process.chdir(join(root, '../..')); // the configs resolve tsconfig.json from the repository's root
    try {
      for (const config of publishConfigs({ clean: false }).filter((config) => 'cli' in config.input || 'check' in config.input)) {
        const bundle = await rollup({ ...config, onwarn: () => {} });
        await bundle.write(config.output);
        await bundle.close();
      }
    } finally {
      process.chdir(cwd);
    }
  } catch (error) {
    console.error(`[FrenchSouth.digital] fsd-publish could not be built: ${error.message}. Run "npm install" then "npm run build" at the root of the repository.`);
    process.exit(70);
  }
}

const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
