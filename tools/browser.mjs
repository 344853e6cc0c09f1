// Finds the Chrome or Chromium the tests, benchmarks and screenshots run in, the flags they run it with, and
// launches it headless (puppeteer-core). No tool of this project downloads a browser.
// Nothing here but launchChromium() needs node_modules: .ci/run looks for a browser before `npm ci`.
import { existsSync } from 'node:fs';

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
