// Browser tests: every `*.test.ts` under packages/*/test runs in three engines, each the system's (never a download):
//   chromium: Chrome or Chromium (puppeteer-core over CDP),
//   firefox:  Firefox ESR (puppeteer-core over WebDriver BiDi, the same launcher with `browser: 'firefox'`),
//   webkit:   WebKitGTK's MiniBrowser (its WebKitWebDriver, under Xvfb: test/server/webkit-launcher.js).
// `FSD_ENGINES=chromium,firefox npx web-test-runner --group badge` chooses the engines for a local run; all three by
// default, and in `npm test`. Every group runs in every chosen engine: the extension's unit tests use no chrome.* API
// (its end-to-end tests, which load the built extension, are Node-side and Chromium only). The one exception is the
// group `visual` (pictures of the widgets compared with baselines, packages/widgets/test/visual/README.md): Chromium
// only, and not at all when FSD_ENGINES leaves Chromium out. `npm run test:visual:update` (`--group visual
// --update-visual-baseline`) rewrites its baselines, in Chromium whatever FSD_ENGINES says.
// Each test file belongs to exactly one group (a file in two groups would run twice); `npx web-test-runner --group badge`
// runs one group alone. A new widget or package adds its own group here. One file runs twice on purpose: the month
// grid on real calendar exports (event-calendar/real-exports.test.ts), also in the group `viewer-zone`, whose Chromium
// has the zone VIEWER_ZONE for the visitor's computer, so that its times are checked in two visitors' zones.
// Firefox and WebKit reach every host name through test/server/host-proxy.js, as Chromium does with its resolver rules.
// One test file at a time per engine (a WebKitWebDriver holds one session; the heartbeat tests want a quiet machine).
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { INSTALL_HINTS, chosenEngines, chromeArgs, findChrome, findFirefox, findWebKit, firefoxEnv, firefoxPrefs, missingEngines } from './tools/browser.mjs';
import { countingReporter } from './test/server/counting-reporter.js';
import { feedMiddleware } from './test/server/feed-middleware.js';
import { heavyIcsMiddleware } from './test/server/heavy-ics.js';
import { progressMiddleware, progressPlugin, progressScript } from './test/server/progress.js';
import { startHostProxy } from './test/server/host-proxy.js';
import { visualRegression } from './test/server/visual-regression.js';
import { webkitLauncher } from './test/server/webkit-launcher.js';


// The visual baselines are written only on this explicit request, for the visual group alone, in Chromium.
const updateVisual = process.argv.includes('--update-visual-baseline');
const groupArg = process.argv.findIndex((arg) => arg === '--group' || arg.startsWith('--group='));
const group = groupArg < 0 ? undefined : process.argv[groupArg].split('=')[1] ?? process.argv[groupArg + 1];
if (updateVisual && group !== 'visual') {
  console.error('--update-visual-baseline rewrites the visual baselines: run it as `npm run test:visual:update` (--group visual).');
  process.exit(1);
}
const engines = updateVisual ? ['chromium'] : chosenEngines();
if (group === 'visual' && !engines.includes('chromium')) {
  console.error(`The visual group runs in Chromium only, which FSD_ENGINES=${process.env.FSD_ENGINES} leaves out.`);
  process.exit(1);
}
const missing = missingEngines(engines);
if (missing.length) {
  console.error(`Browser tests: ${missing.map((name) => `${name} not found (${INSTALL_HINTS[name]})`).join('; ')}. FSD_ENGINES chooses fewer engines.`);
  process.exit(1);
}
const proxyPort = engines.some((name) => name !== 'chromium') ? await startHostProxy() : 0;

// A port chosen here, so that the member hosts the badge tests open (http://www.kaliop.com:PORT/…) can be secure
// contexts as the members' https sites are: WebCrypto, which checks feed signatures, exists only there. Chosen once
// the host proxy listens: probed before it, the port was once found taken when the test server started (EADDRINUSE),
// most likely by the proxy, which the system can give the port just let go.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const SECURE_TEST_HOSTS = ['www.kaliop.com', 'www.kaliop.com.', 'kaliop.com', 'blog.kaliop.com', 'www.kaliop.fr', 'www.xn--mller-kva.example', 'www.awox.com'];
const secureOrigins = `--unsafely-treat-insecure-origin-as-secure=${SECURE_TEST_HOSTS.map((host) => `http://${host}:${port}`).join(',')}`;

/** Every test file that times the longest stall: a folder `responsive/` in a widget's tests. */
const RESPONSIVE = 'packages/widgets/test/*/responsive/*.test.ts';

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

// One launcher per engine, shared by the groups (a group's `browsers` reuse them: one Chromium for all groups).
const browsers = Object.fromEntries(engines.map((name) => [name, launchers[name]()]));

// A visitor far from Paris and the machine: UTC+13:45 in December, +12:45 from April, a day ahead of New York.
const VIEWER_ZONE = 'Pacific/Chatham';
const viewerZone = browsers.chromium
  ? chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: [...chromeArgs(), secureOrigins] },
      async createPage({ context }) {
        const page = await context.newPage();
        await page.emulateTimezone(VIEWER_ZONE);
        return page;
      },
    })
  : undefined;

// FSD_FILES=a.test.ts,b.test.ts runs those files alone, in the chosen engines (scripts/test.mjs runs a file again so
// when its page never finished).
const onlyFiles = process.env.FSD_FILES?.split(',').filter(Boolean);

export default {
  rootDir: '.',
  port,
  ...(onlyFiles ? { files: onlyFiles } : {}),
  groups: onlyFiles ? [] : [
    { name: 'feed', files: 'packages/feed/test/**/*.test.ts' },
    { name: 'badge', files: 'packages/widgets/test/member-badge/**/*.test.ts' },
    { name: 'directory', files: ['packages/widgets/test/member-directory/**/*.test.ts', `!${RESPONSIVE}`] },
    { name: 'calendar', files: 'packages/widgets/test/event-calendar/*.test.ts' },
    // Tests that time the page's longest stall under a heartbeat (hostile and the heaviest inputs): three engines at
    // once on two cores would put the machine's own delays in their figures. Only when asked for
    // (`--group responsive`), which `npm test` does after the other groups, one engine at a time.
    ...(group === 'responsive' ? [{ name: 'responsive', files: RESPONSIVE }] : []),
    ...(viewerZone ? [{ name: 'viewer-zone', files: 'packages/widgets/test/event-calendar/real-exports.test.ts', browsers: [viewerZone] }] : []),
    // what every widget shares on a host page: languages, headings, narrow containers
    { name: 'embedding', files: 'packages/widgets/test/embedding/**/*.test.ts' },
    { name: 'extension', files: 'packages/extension/test/**/*.test.ts' },
    // Pictures: Chromium only (one engine's rendering, one set of baselines), whatever else FSD_ENGINES chooses.
    ...(browsers.chromium ? [{ name: 'visual', files: 'packages/widgets/test/visual/**/*.test.ts', browsers: [browsers.chromium] }] : []),
  ],
  nodeResolve: { exportConditions: ['fsd-source', 'production'], extensions: ['.ts', '.js'] },
  concurrency: 1,
  // Every file of every engine runs in about 3 minutes; a page that never finishes is given up on at 3 minutes,
  // then run again alone (scripts/test.mjs).
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [progressMiddleware, heavyIcsMiddleware, feedMiddleware],
  // Each test page beats, and names each test as it starts (test/server/progress.js): a file that never finishes is
  // then reported with the test it was on, and whether its page was still alive.
  testRunnerHtml: (framework) => `<!DOCTYPE html><html><head>${progressScript}</head><body><script type="module" src="${framework}"></script></body></html>`,
  plugins: [progressPlugin, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), visualRegression({ update: updateVisual })],
  browsers: Object.values(browsers),
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter('.cache/wtr-results.json')],
};
