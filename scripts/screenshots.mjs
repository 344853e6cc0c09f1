#!/usr/bin/env node
// `npm run screenshots`: takes the README's pictures from the running examples in headless Chromium, so that they
// stay true. Each scripts/screenshots/*.shots.mjs exports `default async ({ browser, origin, shoot }) => …`.
//   node scripts/screenshots.mjs [name-filter]   (after a build: only the files whose name holds the filter)
import { readdirSync } from 'node:fs';
import { openExamples } from '../tools/server.mjs';

const out = new URL('../docs/images/', import.meta.url);
const files = readdirSync(new URL('screenshots/', import.meta.url)).filter((f) => f.endsWith('.shots.mjs') && f.includes(process.argv[2] ?? '')).sort();
const context = await openExamples();
try {
  for (const file of files) {
    const { default: take } = await import(new URL(`screenshots/${file}`, import.meta.url));
    await take({
      ...context,
      /** Saves a PNG of `target` (a page or an element handle) as docs/images/NAME.png. */
      async shoot(target, name) {
        await target.screenshot({ path: new URL(`${name}.png`, out).pathname });
        console.log(`docs/images/${name}.png`);
      },
    });
  }
} finally {
  await context.close();
}
