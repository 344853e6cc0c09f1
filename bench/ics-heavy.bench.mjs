// The heaviest iCalendar files (issue 12), made as the tests make them (test/server/heavy-ics.js): for each, the
// calendar's time from its creation to the month shown, on a first visit (file fetched, read, kept offline) and a
// return visit (the offline copy), and the longest stall of the page meanwhile (a heartbeat's longest gap); beside a
// reference measured in the same run, the same file only fetched, decoded and cut into lines. Medians of RUNS.
import { mkdirSync, writeFileSync } from 'node:fs';
import { HEAVY_ICS, heavyIcs } from '../test/server/heavy-ics.js';
import { median, twoVisits } from './harness.mjs';

const RUNS = 5;

export default async function ({ browser, origin, report }) {
  const folder = '.cache/bench-data';
  mkdirSync(folder, { recursive: true });
  for (const name of Object.keys(HEAVY_ICS)) {
    const text = heavyIcs(name);
    writeFileSync(`${folder}/heavy-${name}.ics`, text);
    const url = (query) => `${origin}/bench/heavy-calendar.html?src=/bench/data/heavy-${name}.ics${query}`;
    const ours = [];
    const reference = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await twoVisits(browser, url('')));
      reference.push(await twoVisits(browser, url('&reference')));
    }
    const states = new Set(ours.flatMap((r) => [r.first.state, r.second.state]));
    if (states.size !== 1 || !states.has('ready')) throw new Error(`${name}: the calendar ended ${[...states].join(', ')}, not ready`);
    const ref = median(reference.map((r) => r.first.ms));
    const first = median(ours.map((r) => r.first.ms));
    const size = `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB`;
    report(`${name} (${size}): first visit, to the month shown (median of ${RUNS})`, first, 'ms', `${(first / ref).toFixed(1)}× reference`);
    report(`${name}: longest stall of the page on a first visit`, median(ours.map((r) => r.first.stall)), 'ms', 'target under 200');
    report(`${name}: return visit from the offline copy`, median(ours.map((r) => r.second.ms)), 'ms');
    report(`${name}: longest stall on a return visit`, median(ours.map((r) => r.second.stall)), 'ms');
    report(`${name}: reference, fetched, decoded and cut into lines`, ref, 'ms', `longest stall ${Math.round(median(reference.map((r) => r.first.stall)))} ms`);
  }
}
