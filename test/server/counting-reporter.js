// Writes how many browser tests passed and failed to a JSON file, for the one-line summary of `npm test`: the totals,
// and the same counts per engine under `engines` (keyed by the launcher's name: Chrome, Firefox, WebKit).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { notesOf, progressOf, uncloneableOf } from './progress.js';

/** Counts a session's tests into `totals`, and names each one that failed or was skipped in `named`. */
function count(suite, totals, named, path) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
    if (named && (test.skipped || !test.passed)) {
      named.push(`${[...path, test.name].join(' › ')}${test.skipped ? ' (skipped)' : `: ${test.error?.message?.split('\n')[0] ?? 'failed'}`}`);
    }
  }
  for (const child of suite?.suites ?? []) count(child, totals, named, [...path, child.name]);
}

export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      /** @type {string[]} one line per failed or skipped test, and per file that did not run */
      const failures = [];
      /** @type {Record<string, typeof totals>} */
      const engines = {};
      /** @type {{ engine: string, file: string, passed: number, failed: number }[]} files whose page never finished */
      const unfinished = [];
      /**
       * @type {string[]} lines for the summary: what the tests asked to be told (window.__fsdProgressNote), and the
       * values of a file's results that could not be cloned (sent with their names instead)
       */
      const notes = [];
      for (const session of sessions) {
        const name = session.browser?.name ?? 'unknown';
        const where = `${name} ${session.testFile.replace(process.cwd() + '/', '')}`;
        for (const note of notesOf(name, session.testFile)) notes.push(`${where}: ${note}`);
        const parts = uncloneableOf(name, session.testFile);
        if (parts) notes.push(`the results of ${where} held values that cannot be cloned, sent as their names: ${parts}`);
        const engine = (engines[name] ??= { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 });
        for (const target of [totals, engine]) {
          count(session.testResults, target, target === totals ? failures : undefined, [`${name} ${session.testFile}`]);
          if (!session.passed && (session.errors?.length ?? 0) > 0) target.sessionErrors++;
        }
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          const heard = progressOf(name, session.testFile);
          failures.push(`${name} ${session.testFile}: did not run: ${session.errors[0]?.message?.split('\n')[0] ?? 'error'}${heard ? ` (${heard})` : ''}`);
          if (session.errors.some((error) => /did not finish within/.test(error.message ?? ''))) {
            const own = { passed: 0, failed: 0, skipped: 0 };
            count(session.testResults, own);
            unfinished.push({ engine: name, file: session.testFile, passed: own.passed, failed: own.failed + own.skipped });
          }
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...totals, engines, failures, unfinished, notes }));
    },
  };
}
