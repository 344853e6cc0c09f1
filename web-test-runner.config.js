// Browser tests: every `*.test.ts` under packages/*/test runs in headless Chromium (the system's, never a download).
// Each test file belongs to exactly one group (a file in two groups would run twice); `npx web-test-runner --group badge`
// runs one group alone. A new widget or package adds its own group here.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, requireChrome } from './tools/browser.mjs';
import { countingReporter } from './test/server/counting-reporter.js';
import { feedMiddleware } from './test/server/feed-middleware.js';

export default {
  rootDir: '.',
  groups: [
    { name: 'feed', files: 'packages/feed/test/**/*.test.ts' },
    { name: 'badge', files: 'packages/widgets/test/member-badge/**/*.test.ts' },
    { name: 'directory', files: 'packages/widgets/test/member-directory/**/*.test.ts' },
    { name: 'calendar', files: 'packages/widgets/test/event-calendar/**/*.test.ts' },
    { name: 'extension', files: 'packages/extension/test/**/*.test.ts' },
  ],
  nodeResolve: { exportConditions: ['production'], extensions: ['.ts', '.js'] },
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [feedMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: requireChrome(), headless: true, args: chromeArgs() },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter('.cache/wtr-results.json')],
};
