// The visual tests' server side (packages/widgets/test/visual): @web/test-runner-visual-regression, which takes the
// element's screenshot in Chromium and compares it with pixelmatch, with our places and rules:
//   baselines  packages/widgets/test/visual/baseline/NAME.png, in the repository, reviewed like code;
//   failures   .cache/visual/failed/NAME.png (the new picture) and NAME-diff.png (the differences in red), both named
//              in the failure message; a picture's old ones are removed when it is taken again (not the whole
//              folder at start: other runs on the same checkout load this configuration too);
//   a missing baseline fails the test (the picture taken is written as a failure, never as a baseline);
//   update     only `npm run test:visual:update` (`--update-visual-baseline`) writes baselines: it empties the
//              baseline folder first, so that it then holds exactly the pictures the suite takes.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';

export const BASELINE_DIR = resolve('packages/widgets/test/visual/baseline');
export const FAILED_DIR = resolve('.cache/visual/failed');

/**
 * @param {object} options
 * @param {boolean} options.update write every picture as the new baseline instead of comparing
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function visualRegression({ update }) {
  const paths = (name) => ({
    baseline: join(BASELINE_DIR, `${name}.png`),
    failed: join(FAILED_DIR, `${name}.png`),
    diff: join(FAILED_DIR, `${name}-diff.png`),
  });
  const plugin = visualRegressionPlugin({
    update,
    baseDir: BASELINE_DIR,
    getBaselineName: ({ name }) => paths(name).baseline,
    getFailedName: ({ name }) => paths(name).failed,
    getDiffName: ({ name }) => paths(name).diff,
    // Not one pixel may differ, by any shade: Chromium draws the same page the same way on the same machine.
    // (Pixels pixelmatch finds anti-aliased, at the edges of shapes and letters, are not counted.)
    diffOptions: { threshold: 0 },
    failureThresholdType: 'pixel',
    failureThreshold: 0,
  });
  const shown = (path) => relative(process.cwd(), path);
  return {
    name: 'fsd-visual-regression',
    serverStart() {
      mkdirSync(BASELINE_DIR, { recursive: true });
      if (update) {
        for (const file of readdirSync(BASELINE_DIR)) if (file.endsWith('.png')) rmSync(join(BASELINE_DIR, file));
      }
    },
    async executeCommand(args) {
      if (args.command !== 'visual-diff') return undefined;
      const name = String(args.payload?.name);
      if (!/^[\w.-]+$/.test(name)) return { passed: false, diffPercentage: -1, errorMessage: `a picture's name is letters, digits, dots and dashes: not "${name}"` };
      const { baseline, failed, diff } = paths(name);
      for (const stale of [failed, diff]) rmSync(stale, { force: true });
      const result = await plugin.executeCommand(args);
      if (!result || result.passed) return result;
      const missing = result.errorMessage === 'There was no baseline image to compare against.';
      const errorMessage = missing
        ? `no baseline ${shown(baseline)}: the picture taken is ${shown(failed)}; review it, then write the baselines with \`npm run test:visual:update\``
        : `${result.errorMessage.replace(/\nSee diff for details: .*$/, '')}\n  baseline: ${shown(baseline)}\n  picture:  ${shown(failed)}\n  diff:     ${shown(diff)}`;
      return { ...result, errorMessage };
    },
  };
}
