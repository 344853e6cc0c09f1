#!/usr/bin/env node
// `npm test`: every check, in order, then one plain line `N passed, N failed` for readers of the log.
//   lint → type-check → build → browser tests (web-test-runner) → Node-side tests (bundle budgets, end-to-end).
// Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_HINTS, chosenEngines, missingEngines } from '../tools/browser.mjs';

// The browser tests run in Chromium, Firefox and WebKit (FSD_ENGINES chooses fewer for a local run).
const missing = missingEngines();
if (missing.length) {
  console.error(`Browser tests need ${missing.map((name) => `${name} (${INSTALL_HINTS[name]})`).join(', ')}. FSD_ENGINES=${chosenEngines().filter((name) => !missing.includes(name)).join(',')} runs without.`);
  process.exit(1);
}

const totals = { passed: 0, failed: 0 };
const failures = [];

function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: options.capture ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...options.env } });
  if (options.capture) process.stdout.write(result.stdout ?? '');
  return result;
}

function check(label, command, args) {
  const ok = run(label, command, args).status === 0;
  totals[ok ? 'passed' : 'failed']++;
  if (!ok) failures.push(label);
  return ok;
}

/** Node-side test files: `*.node.test.mjs` anywhere under test/ or packages/*\/test/ (`firefox*.node.test.mjs`: Firefox only). */
function nodeTestFiles() {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules' || name === 'dist') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.node.test.mjs')) files.push(path);
    }
  };
  walk('test');
  for (const pkg of readdirSync('packages')) walk(join('packages', pkg, 'test'));
  return files.sort();
}

check('lint (eslint)', 'npx', ['eslint', '.']);
check('type-check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const built = check('build (rollup)', 'npm', ['run', 'build', '--silent']);

/** @type {Record<string, { passed: number, failed: number, skipped: number, sessionErrors: number }>} per engine, all runs */
const engineTotals = {};
/** @type {string[]} what went wrong and was made good (a file run again), printed at the end */
const notes = [];

/**
 * One run of web-test-runner, counted into the totals: `args` its arguments, `env` more environment. A file whose page
 * never finished (web-test-runner waits testsFinishTimeout, then gives no result for it) runs once more, alone in its
 * engine; both runs are printed, and its first run counts only when the second fails too.
 */
function browserTests(label, args, env = {}) {
  rmSync('.cache/wtr-results.json', { force: true });
  const wtr = run(label, 'npx', ['web-test-runner', ...args], { env });
  const before = { failures: failures.length, notes: notes.length };
  if (existsSync('.cache/wtr-results.json')) {
    const counted = JSON.parse(readFileSync('.cache/wtr-results.json', 'utf8'));
    for (const stuck of counted.unfinished ?? []) {
      const file = stuck.file.replace(process.cwd() + '/', '');
      const engine = { Chrome: 'chromium', Firefox: 'firefox', WebKit: 'webkit' }[stuck.engine];
      if (!engine) continue;
      rmSync('.cache/wtr-results.json', { force: true });
      run(`${stuck.engine} ${file} again, alone: its page did not finish`, 'npx', ['web-test-runner'], { env: { ...env, FSD_ENGINES: engine, FSD_FILES: file } });
      const again = existsSync('.cache/wtr-results.json') ? JSON.parse(readFileSync('.cache/wtr-results.json', 'utf8')) : undefined;
      if (!again || again.failed || again.sessionErrors || again.skipped || !again.passed) continue;
      const line = counted.failures.findIndex((failure) => failure.startsWith(`${stuck.engine} ${stuck.file}: did not run:`));
      notes.push(`${stuck.engine} ${file} did not finish (${counted.failures[line]?.split(': did not run: ')[1]}); alone, ${again.passed} passed`);
      counted.failures.splice(line, 1);
      counted.sessionErrors--;
      counted.passed += again.passed - stuck.passed;
      counted.failed -= stuck.failed;
      const per = counted.engines[stuck.engine];
      Object.assign(per, { passed: per.passed + again.passed - stuck.passed, failed: per.failed - stuck.failed, sessionErrors: per.sessionErrors - 1 });
    }
    notes.push(...(counted.notes ?? []));
    for (const [name, c] of Object.entries(counted.engines ?? {})) {
      const sum = (engineTotals[name] ??= { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 });
      for (const key of Object.keys(sum)) sum[key] += c[key];
    }
    for (const line of counted.failures ?? []) failures.push(`browser test ${line.replace(process.cwd() + '/', '')}`);
    totals.passed += counted.passed;
    totals.failed += counted.failed + counted.sessionErrors + counted.skipped;
    if (counted.failed || counted.sessionErrors) failures.push(`${label}: ${counted.failed} failed, ${counted.sessionErrors} files did not run`);
    if (counted.skipped) failures.push(`${label}: ${counted.skipped} skipped (every test must run)`);
  }
  // A run that failed with nothing counted against it, and no file run again, failed in the runner itself.
  if (wtr.status !== 0 && failures.length === before.failures && notes.length === before.notes) {
    totals.failed++;
    failures.push(`${label}: the runner failed`);
  }
}

const wtrStart = Date.now();
browserTests(`browser tests (web-test-runner: ${chosenEngines().join(', ')})`, []);
// The tests that time the longest stall want the machine to themselves: their group runs alone, one engine at a time.
for (const engine of chosenEngines()) browserTests(`longest stalls (web-test-runner --group responsive: ${engine} alone)`, ['--group', 'responsive'], { FSD_ENGINES: engine });
const wtrSeconds = Math.round((Date.now() - wtrStart) / 1000);
/** @type {string[]} one line per engine, printed again at the end */
const perEngine = Object.entries(engineTotals).map(
  ([name, c]) => `  ${name}: ${c.passed} passed, ${c.failed + c.skipped} failed${c.skipped ? ` (${c.skipped} skipped)` : ''}${c.sessionErrors ? `, ${c.sessionErrors} files did not run` : ''}`,
);

// Node-side tests of one engine (the extension's Firefox build in Firefox) run when that engine is chosen.
const files = nodeTestFiles().filter((file) => !/(^|\/)firefox[^/]*\.node\.test\.mjs$/.test(file) || chosenEngines().includes('firefox'));
if (files.length && built) {
  const node = run('Node-side tests (bundle budgets, end-to-end)', process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', ...files], { capture: true });
  const pass = Number(/^# pass (\d+)/m.exec(node.stdout ?? '')?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(node.stdout ?? '')?.[1] ?? 0);
  const skipped = ['skipped', 'todo'].reduce((sum, kind) => sum + Number(new RegExp(`^# ${kind} (\\d+)`, 'm').exec(node.stdout ?? '')?.[1] ?? 0), 0);
  totals.passed += pass;
  totals.failed += fail + skipped;
  if (skipped) failures.push(`Node-side tests: ${skipped} skipped or todo (every test must run)`);
  if (fail || node.status !== 0) failures.push(`Node-side tests: ${fail} failed`);
  if (node.status !== 0 && fail === 0) totals.failed++;
} else if (files.length) {
  totals.failed += files.length;
  failures.push('Node-side tests: not run, the build failed');
}

console.log('');
if (perEngine.length) console.log(`browser tests per engine (${wtrSeconds} s in all):\n${perEngine.join('\n')}`);
for (const note of notes) console.log(`⚠ ${note}`);
for (const failure of failures) console.log(`✗ ${failure}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
