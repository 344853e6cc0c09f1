#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs against the built bundles in headless Chromium and prints the
// figures (medians; ratios against a reference measured in the same run). Results also go to bench/results/.
//   node bench/run.mjs [name-filter]
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { openExamples } from '../tools/server.mjs';

const filter = process.argv[2] ?? '';
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.mjs') && f.includes(filter))
  .sort();
const results = [];
const report = (bench, name, value, unit, note = '') => {
  results.push({ bench, name, value, unit, note });
  const shown = typeof value === 'number' ? (Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(2)) : value;
  console.log(`  ${name.padEnd(58)} ${String(shown).padStart(10)} ${unit}${note ? `  (${note})` : ''}`);
};

const context = await openExamples();
try {
  for (const file of files) {
    const bench = file.replace(/\.bench\.mjs$/, '');
    console.log(`\n${bench}`);
    const { default: run } = await import(new URL(file, import.meta.url));
    await run({ ...context, report: (...args) => report(bench, ...args) });
  }
} finally {
  await context.close();
}
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/latest.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
