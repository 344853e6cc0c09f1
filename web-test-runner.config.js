// Browser tests: every `*.test.ts` under packages/*/test runs in three engines, each the system's (never a download):
//   chromium: Chrome or Chromium (puppeteer-core over CDP),
//   firefox:  Firefox ESR (puppeteer-core over WebDriver BiDi, the same launcher with `browser: 'firefox'`),
//   webkit:   WebKitGTK's MiniBrowser (its WebKitWebDriver, under Xvfb: test/server/webkit-launcher.js).
// `FSD_ENGINES=chromium,firefox npx web-test-runner --group badge` chooses the engines for a local run; all three by
// default, and in `npm test`. Every group runs in every chosen engine: the extension's unit tests use no chrome.* API
// (its end-to-end tests, which load the built extension, are Node-side and Chromium only).
// Each test file belongs to exactly one group (a file in two groups would run twice); `npx web-test-runner --group badge`
// runs one group alone. A new widget or package adds its own group here.
// Firefox and WebKit reach every host name through test/server/host-proxy.js, as Chromium does with its resolver rules.
// One test file at a time per engine (a WebKitWebDriver holds one session; the heartbeat tests want a quiet machine).
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { INSTALL_HINTS, chosenEngines, chromeArgs, findChrome, findFirefox, findWebKit, firefoxEnv, firefoxPrefs, missingEngines } from './tools/browser.mjs';
import { countingReporter } from './test/server/counting-reporter.js';
import { feedMiddleware } from './test/server/feed-middleware.js';
import { startHostProxy } from './test/server/host-proxy.js';
import { webkitLauncher } from './test/server/webkit-launcher.js';

// A port chosen here, so that the member hosts the badge tests open (http://www.kaliop.com:PORT/…) can be secure
// contexts as the members' https sites are: WebCrypto, which checks feed signatures, exists only there.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const SECURE_TEST_HOSTS = ['www.kaliop.com', 'www.kaliop.com.', 'kaliop.com', 'blog.kaliop.com', 'www.kaliop.fr', 'www.xn--mller-kva.example', 'www.awox.com'];
const secureOrigins = `--unsafely-treat-insecure-origin-as-secure=${SECURE_TEST_HOSTS.map((host) => `http://${host}:${port}`).join(',')}`;

const engines = chosenEngines();
const missing = missingEngines(engines);
if (missing.length) {
  console.error(`Browser tests: ${missing.map((name) => `${name} not found (${INSTALL_HINTS[name]})`).join('; ')}. FSD_ENGINES chooses fewer engines.`);
  process.exit(1);
}
const proxyPort = engines.some((name) => name !== 'chromium') ? await startHostProxy() : 0;

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: [...chromeArgs(), secureOrigins] },
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: findFirefox(),
        headless: true,
        // French first, every host to this machine (test/server/host-proxy.js), the downloads panel shut
        extraPrefsFirefox: {
          ...firefoxPrefs(proxyPort),
          // the member hosts as secure contexts (WebCrypto), as Chromium's --unsafely-treat-insecure-origin-as-secure
          'dom.securecontext.allowlist': SECURE_TEST_HOSTS.join(','),
        },
        // Firefox's own services to nowhere (tools/browser.mjs)
        env: firefoxEnv(),
      },
    }),
  webkit: () => webkitLauncher(findWebKit(), proxyPort),
};

export default {
  rootDir: '.',
  port,
  groups: [
    { name: 'feed', files: 'packages/feed/test/**/*.test.ts' },
    { name: 'badge', files: 'packages/widgets/test/member-badge/**/*.test.ts' },
    { name: 'directory', files: 'packages/widgets/test/member-directory/**/*.test.ts' },
    { name: 'calendar', files: 'packages/widgets/test/event-calendar/**/*.test.ts' },
    { name: 'extension', files: 'packages/extension/test/**/*.test.ts' },
  ],
  nodeResolve: { exportConditions: ['production'], extensions: ['.ts', '.js'] },
  concurrency: 1,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [feedMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: engines.map((name) => launchers[name]()),
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter('.cache/wtr-results.json')],
};
