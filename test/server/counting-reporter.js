// Writes how many browser tests passed and failed to a JSON file, for the one-line summary of `npm test`: the totals,
// and the same counts per engine under `engines` (keyed by the launcher's name: Chrome, Firefox, WebKit).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      /** @type {Record<string, typeof totals>} */
      const engines = {};
      for (const session of sessions) {
        const name = session.browser?.name ?? 'unknown';
        const engine = (engines[name] ??= { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 });
        for (const target of [totals, engine]) {
          count(session.testResults, target);
          if (!session.passed && (session.errors?.length ?? 0) > 0) target.sessionErrors++;
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...totals, engines }));
    },
  };
}
