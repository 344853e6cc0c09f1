// Finds the browsers the tests, benchmarks and screenshots run in: Chrome or Chromium (findChrome), Firefox
// (findFirefox) and WebKit (findWebKit: WebKitGTK's WebKitWebDriver and MiniBrowser, and Xvfb for their display).
// Each one reads an environment variable first (CHROME_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH / MINIBROWSER_PATH /
// XVFB_PATH), then the usual install paths. Also the flags Chromium runs with and launchChromium() (puppeteer-core),
// the preferences Firefox runs with and launchFirefox(). No tool of this project downloads a browser.
// Nothing here but the launch functions needs node_modules: .ci/run looks for browsers before `npm ci`.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * `CHROME_PATH`, else the first usual install path that exists, else `undefined`.
 * @returns {string | undefined} the browser's executable
 */
export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * The first of `paths` that exists; or the environment variable `envName` when set (then `undefined` if that path
 * does not exist, so that a wrong override is reported rather than silently replaced).
 * @param {string} envName
 * @param {string[]} paths
 * @returns {string | undefined}
 */
function find(envName, paths) {
  const override = process.env[envName];
  if (override) return existsSync(override) ? override : undefined;
  return paths.find((path) => existsSync(path));
}

/**
 * `FIREFOX_PATH`, else the usual install paths (Debian's firefox-esr first), else `undefined`.
 * @returns {string | undefined} Firefox's executable
 */
export function findFirefox() {
  return find('FIREFOX_PATH', [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/usr/lib/firefox-esr/firefox-esr',
    '/snap/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ]);
}

/**
 * WebKitGTK's WebDriver, the MiniBrowser it drives, and the virtual display they need on a machine without one
 * (`WEBKIT_DRIVER_PATH`, `MINIBROWSER_PATH`, `XVFB_PATH`, else the Debian paths of webkit2gtk-driver and xvfb).
 * `xvfb` is `undefined` when not found; it is not needed when `DISPLAY` is set.
 * @returns {{ driver: string, miniBrowser: string, xvfb: string | undefined } | undefined} undefined when the driver
 *   or the MiniBrowser is missing
 */
export function findWebKit() {
  const driver = find('WEBKIT_DRIVER_PATH', ['/usr/bin/WebKitWebDriver', '/usr/local/bin/WebKitWebDriver']);
  const miniBrowser = find('MINIBROWSER_PATH', [
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkitgtk-6.0/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  ]);
  const xvfb = find('XVFB_PATH', ['/usr/bin/Xvfb']);
  return driver && miniBrowser ? { driver, miniBrowser, xvfb } : undefined;
}

/** The engines the browser tests run in, in this order; `FSD_ENGINES` (comma-separated) chooses among them. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** What to print when an engine is missing: how to install it. */
export const INSTALL_HINTS = {
  chromium: 'apt-get install -y chromium, or set CHROME_PATH',
  firefox: 'apt-get install -y firefox-esr, or set FIREFOX_PATH',
  webkit: 'apt-get install -y webkit2gtk-driver xvfb, or set WEBKIT_DRIVER_PATH and MINIBROWSER_PATH',
};

/**
 * The engines chosen by `FSD_ENGINES` (e.g. `chromium,firefox`), all of {@link ENGINES} when unset.
 * @returns {string[]}
 * @throws {Error} naming an unknown engine
 */
export function chosenEngines() {
  const raw = process.env.FSD_ENGINES?.trim();
  if (!raw) return [...ENGINES];
  const chosen = raw.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = chosen.filter((name) => !ENGINES.includes(name));
  if (unknown.length) throw new Error(`FSD_ENGINES: unknown engine ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
  return ENGINES.filter((name) => chosen.includes(name));
}

/**
 * The chosen engines that are not installed.
 * @param {string[]} [engines]
 * @returns {string[]}
 */
export function missingEngines(engines = chosenEngines()) {
  const present = { chromium: () => findChrome(), firefox: () => findFirefox(), webkit: () => findWebKit() };
  return engines.filter((name) => !present[name]());
}

/** What to print when there is no browser: how to install one. */
export const NO_CHROME_MESSAGE =
  'No Chrome or Chromium found: install one (Debian/Ubuntu: apt-get install -y chromium) or set CHROME_PATH to its executable.';

/**
 * The browser's path; exits the process with one line saying how to install one when there is none.
 * @returns {string} the browser's executable
 */
export function requireChrome() {
  const path = findChrome();
  if (!path) {
    console.error(NO_CHROME_MESSAGE);
    process.exit(1);
  }
  return path;
}

/**
 * Flags for a headless, quiet, offline Chromium. Every host name resolves to this machine, so that tests can
 * open `http://www.kaliop.com:PORT/` on a local server and nothing ever leaves it; except the cluster's own host,
 * www.frenchsouth.digital, which resolves to nothing (the rules apply in order, the first match wins): its feeds are
 * unreachable whatever listens on ports 80 and 443 of the machine, as the offline-start tests expect.
 * @returns {string[]} command-line flags, `--lang=fr-FR` last
 */
export function chromeArgs() {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-features=HttpsUpgrades,Translate,OptimizationHints,MediaRouter',
    '--host-resolver-rules=MAP www.frenchsouth.digital ~NOTFOUND, MAP * 127.0.0.1, EXCLUDE localhost',
    '--lang=fr-FR',
  ];
}

/**
 * Launches the browser headless over a pipe, with {@link chromeArgs}.
 * @param {object} [options] puppeteer-core launch options, and:
 * @param {string} [options.lang] the browser's language (`en-GB`): replaces `--lang=fr-FR` and sets `LANGUAGE` and
 *   `LANG` in the browser's environment, as the UI language the browser reports comes from there too
 * @param {string[]} [options.args] flags added after {@link chromeArgs}
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchChromium({ lang, args = [], ...options } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const flags = lang ? [...chromeArgs().filter((a) => !a.startsWith('--lang')), `--lang=${lang}`] : chromeArgs();
  const env = lang ? { env: { ...(options.env ?? process.env), LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` } } : {};
  return puppeteer.launch({ executablePath: requireChrome(), headless: true, pipe: true, ...options, ...env, args: [...flags, ...args] });
}

/**
 * Firefox's counterpart of {@link chromeArgs}: French first, every host name sent to this machine through the proxy
 * of test/server/host-proxy.js (plain http and, as tunnels, https; localhost included), no https-first upgrade, and
 * downloads that neither open the downloads panel nor land in ~/Downloads.
 * @param {number} proxyPort the port of test/server/host-proxy.js
 * @returns {Record<string, string | number | boolean>} preferences (puppeteer-core's `extraPrefsFirefox`)
 */
export function firefoxPrefs(proxyPort) {
  return {
    'intl.accept_languages': 'fr-FR, fr',
    'intl.locale.requested': 'fr-FR',
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'dom.security.https_first': false,
    // A download (the directory's CSV export) opens Firefox's downloads panel, which takes the keyboard focus from
    // the page for good (document.hasFocus() false; web-test-runner reuses that page for every later test file): the
    // calendar's subscription menu then did not open on Enter in a whole run. A visitor closes that panel; here it
    // stays shut, and the files go to a temporary folder.
    'browser.download.alwaysOpenPanel': false,
    'browser.download.folderList': 2,
    'browser.download.dir': join(tmpdir(), 'fsd-test-downloads'),
    'browser.download.useDownloadDir': true,
  };
}

/**
 * Firefox's environment: puppeteer-core points Firefox's own services (Remote Settings, the add-on blocklist…) at
 * http://dummy.test/, which a release build honours only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1; without it, Firefox
 * retried firefox.settings.services.mozilla.com some 200 times per start (an extension test's start took 44 s, 15 s
 * with it).
 * @returns {Record<string, string | undefined>}
 */
export function firefoxEnv() {
  return { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' };
}

/**
 * Launches Firefox headless (puppeteer-core over WebDriver BiDi) with {@link firefoxPrefs} and {@link firefoxEnv}.
 * @param {object} options puppeteer-core launch options, and:
 * @param {number} options.proxyPort the port of test/server/host-proxy.js
 * @param {Record<string, string | number | boolean>} [options.prefs] more preferences
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchFirefox({ proxyPort, prefs = {}, ...options }) {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`Firefox not found (${INSTALL_HINTS.firefox})`);
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ browser: 'firefox', executablePath, headless: true, env: firefoxEnv(), ...options, extraPrefsFirefox: { ...firefoxPrefs(proxyPort), ...prefs } });
}
