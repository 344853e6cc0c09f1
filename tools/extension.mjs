// What the extension's end-to-end tests, benchmark and screenshots share: a local web server that plays every
// site (member sites, look-alikes, the feeds) and a headless Chromium or Firefox with the built extension loaded.
// Host names reach the server through Chromium's host resolver rules (tools/browser.mjs maps every host to
// 127.0.0.1, ports kept), or Firefox's proxy (test/server/host-proxy.js, the same mapping), so that
// `http://www.kaliop.com:PORT/` is a member's site as far as the browser knows.
/* global chrome */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GECKO_ID, manifest } from '../packages/extension/build/manifest.js';
import { startHostProxy } from '../test/server/host-proxy.js';
import { launchChromium, launchFirefox } from './browser.mjs';

/** The extension's builds: `DIST/chrome`, `DIST/firefox` and their zips (`npm run build`). */
export const DIST = fileURLToPath(new URL('../packages/extension/dist', import.meta.url));

/** The examples' member feed (examples/data/members.json), parsed afresh at each call. */
export const sampleFeed = () => JSON.parse(readFileSync(new URL('../examples/data/members.json', import.meta.url), 'utf8'));

/**
 * Hosts and the toolbar text each must get with the sample feed: a member's subdomain and its domain in capitals
 * (✓); look-alikes, a non-member, and a member whose membership lapsed on 31 December 2024 (nothing).
 */
export const TOOLBAR_CASES = [
  ['blog.kaliop.com', '✓'],
  ['KALIOP.fr', '✓'],
  ['notkaliop.com', ''],
  ['kaliop.com.example.org', ''],
  ['example.org', ''],
  ['www.pixel-nimois.example', ''],
];

/**
 * A page with links.
 * @param {string} title
 * @param {[string, string][]} links `[href, text]` pairs
 * @param {{ script?: string }} [options] `script`: the URL of a script the page loads at the end
 * @returns {string} HTML
 */
export function linksPage(title, links, { script } = {}) {
  const items = links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem} a{color:#0b5a87}</style></head>
<body><main><h1>${title}</h1><ul id="links">${items}</ul></main>${script ? `<script src="${script}"></script>` : ''}</body></html>`;
}

/**
 * Starts the server of every site, on a free port of 127.0.0.1. `feeds` maps a path (`/feeds/members.json`) to
 * `{ body, etag, lastModified, status }`, changed by the tests; `pages` maps a path (or `*`, any other) to HTML or
 * to a function of the URL returning HTML; `files` maps a path to a script or an SVG; every request is logged
 * with its scheme, host and headers. `redirects` maps `host + path` to a URL answered with a 302. With
 * `{ https: true }`, the same sites are also served over https on `httpsPort` (a self-signed certificate: launch
 * the browser with `--ignore-certificate-errors`).
 */
export async function startSites({ https = false } = {}) {
  const feeds = new Map();
  const pages = new Map();
  const files = new Map();
  const log = [];
  let version = 0;
  const redirects = new Map();
  const handle = (scheme) => (request, response) => {
    const url = new URL(request.url, `${scheme}://${request.headers.host}`);
    log.push({ scheme, host: url.hostname, path: url.pathname, ifNoneMatch: request.headers['if-none-match'], ifModifiedSince: request.headers['if-modified-since'], referer: request.headers.referer });
    const target = redirects.get(`${url.hostname}${url.pathname}`);
    if (target) return response.writeHead(302, { Location: target, 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' }).end();
    const feed = feeds.get(url.pathname);
    if (feed) {
      const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache', ETag: feed.etag, 'Last-Modified': feed.lastModified };
      if (feed.status === 200 && request.headers['if-none-match'] === feed.etag) return response.writeHead(304, headers).end();
      return response.writeHead(feed.status, headers).end(feed.body);
    }
    if (files.has(url.pathname)) {
      // Images as fsd-publish's host headers serve them under feeds/: readable from any origin (the popup fetches logos).
      const headers = url.pathname.endsWith('.svg') ? { 'Content-Type': 'image/svg+xml', 'Access-Control-Allow-Origin': '*' } : { 'Content-Type': 'text/javascript' };
      return response.writeHead(200, headers).end(files.get(url.pathname));
    }
    const page = pages.get(url.pathname) ?? pages.get('*');
    if (page) return response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(typeof page === 'function' ? page(url) : page);
    response.writeHead(404).end();
  };
  const server = createServer(handle('http'));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  let secure;
  if (https) {
    // A certificate made for this run (openssl); the browser is told to accept it (--ignore-certificate-errors).
    const dir = mkdtempSync(join(tmpdir(), 'fsd-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=fsd-test'], { stdio: 'ignore' });
    secure = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, handle('https'));
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => secure.listen(0, '127.0.0.1', r));
  }
  const httpsPort = secure?.address().port;
  return {
    port,
    httpsPort,
    log,
    pages,
    files,
    /** `host + path` → the URL a request there is redirected to (302). */
    redirects,
    /** Publishes a feed at `path` (JSON value or raw text); returns its URL on the given host. */
    setFeed(path, body, { status = 200, host = 'feeds.frenchsouth.test' } = {}) {
      version++;
      feeds.set(path, { body: typeof body === 'string' ? body : JSON.stringify(body), status, etag: `"v${version}"`, lastModified: new Date(Date.now() - 1000 * (100 - version)).toUTCString() });
      return `http://${host}:${port}${path}`;
    },
    url: (host, path = '/') => `http://${host}:${port}${path}`,
    /** The same sites over https (startSites({ https: true }) only). */
    httpsUrl: (host, path = '/') => `https://${host}:${httpsPort}${path}`,
    close: () => Promise.all([server, secure].filter(Boolean).map((s) => new Promise((r) => s.close(r)))),
  };
}

/**
 * A copy of a built extension whose manifest also grants `hosts` up front: headless Chromium shows the
 * permission prompt to nobody, so this is how the annotation path runs for real in tests. Same code otherwise.
 * @param {'chrome' | 'firefox'} [browser] which build to copy
 * @param {string[]} [hosts] host permissions granted at install
 * @returns {{ dir: string, remove: () => void }} the copy's folder, and `remove()` to delete it
 */
export function grantedCopy(browser = 'chrome', hosts = ['*://*/*']) {
  const dir = mkdtempSync(join(tmpdir(), 'fsd-extension-'));
  cpSync(join(DIST, browser), dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest(browser, { hostPermissions: hosts }), null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The host of the extension's pages in Firefox, `moz-extension://FIREFOX_UUID/`: Firefox draws one at random per
 * profile unless the preference `extensions.webextensions.uuids` names it, as the tests do.
 */
export const FIREFOX_UUID = '6f1e7c3a-8b1d-4c2e-9a0f-2d5b7e9c1a34';

/**
 * Launches a browser with the extension at `path` loaded: Chromium ({@link launchChromium}, the Chrome build) or
 * Firefox ({@link launchFirefox} over WebDriver BiDi, `browser.installExtension()`, the Firefox build). Both give the
 * same handle; what differs is said on it.
 * @param {string} path folder of an unpacked build
 * @param {{ browser?: 'chrome' | 'firefox', netLog?: string, lang?: string, args?: string[], prefs?: Record<string, string | number | boolean> }} [options]
 *   `browser`: which browser (`chrome` by default); `netLog` (Chromium): a file where Chromium records every network
 *   request it makes during the whole run (its own NetLog), complete after `close()`; `lang` (Chromium): the
 *   browser's language, as the extension reads it (chrome.i18n.getUILanguage()); `args`: more flags; `prefs`
 *   (Firefox): more preferences
 */
export async function launchWithExtension(path, { browser: kind = 'chrome', ...options } = {}) {
  return kind === 'firefox' ? launchFirefoxWithExtension(path, options) : launchChromiumWithExtension(path, options);
}

/** What both browsers' handles share, given how to reach the extension's APIs (`inWorker`) and its pages. */
function extensionHandle({ browser, id, origin, inWorker, open, close }) {
  const extension = {
    browser,
    id,
    /**
     * Runs a function where the extension's APIs are (`chrome.*`): in Chromium its service worker (restarts
     * followed); in Firefox one of its pages, held open in a tab of its own, since WebDriver BiDi does not reach
     * the background page. Storage, tabs, action, alarms, scripting and runtime messages are the same from there.
     */
    inWorker,
    async tabIdOf(url) {
      return extension.inWorker(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
    },
    badge(tabId) {
      return extension.inWorker(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);
    },
    /** Waits until the tab's badge text is `text`; resolves with the badge. */
    async waitForBadge(tabId, text, timeout = 10_000) {
      const start = Date.now();
      for (;;) {
        const badge = await extension.badge(tabId);
        if (badge.text === text) return badge;
        if (Date.now() - start > timeout) throw new Error(`badge of tab ${tabId} stayed "${badge.text}", expected "${text}"`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Refreshes every registry now, as the options page's button does; resolves with the refresh log. */
    async refreshNow() {
      const page = await browser.newPage();
      await extension.open(page, 'options.html');
      const log = await page.evaluate(() => chrome.runtime.sendMessage({ name: 'refresh', payload: {} }));
      await page.close();
      return log;
    },
    /** The URL of one of the extension's pages, `popup.html` with `?tab=…`. */
    page: (file, query = '') => `${origin}/${file}${query}`,
    /** Opens one of the extension's pages in `page` (a puppeteer Page) and resolves once it has loaded. */
    open: (page, file, query = '') => open(page, extension.page(file, query)),
    close,
  };
  return extension;
}

async function launchChromiumWithExtension(path, { netLog, lang = 'fr-FR', args = [] }) {
  const browser = await launchChromium({ enableExtensions: [path], lang, args: [...(netLog ? [`--log-net-log=${netLog}`] : []), ...args] });
  const workerTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
  const id = new URL(workerTarget.url()).host;
  return extensionHandle({
    browser,
    id,
    origin: `chrome-extension://${id}`,
    async inWorker(fn, ...args) {
      const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`));
      const worker = await target.worker();
      // A worker that is still starting may not have its extension bindings yet.
      for (let i = 0; i < 100 && !(await worker.evaluate(() => typeof chrome !== 'undefined' && !!chrome.storage)); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      return worker.evaluate(fn, ...args);
    },
    open: (page, url) => page.goto(url, { waitUntil: 'load' }),
    close: () => browser.close(),
  });
}

/**
 * Firefox, with the extension installed as a temporary add-on and every host name reaching this machine through
 * test/server/host-proxy.js (its counterpart of Chromium's resolver rules: www.frenchsouth.digital unreachable).
 * The handle's `requests` lists every request Firefox sent to the network, through that proxy, for the whole run
 * (Firefox's counterpart of Chromium's NetLog): `{ method, url }`, an https request as a tunnel `https://host:port`.
 */
async function launchFirefoxWithExtension(path, { args = [], prefs = {} }) {
  /** @type {{ method: string, url: string }[]} */
  const requests = [];
  const proxyPort = await startHostProxy({ log: requests });
  const browser = await launchFirefox({
    proxyPort,
    // The https sites' certificate is made for the run (startSites).
    acceptInsecureCerts: true,
    // WebDriver BiDi navigates a tab to a moz-extension: page only with this flag ("not allowed in this context").
    args: ['--remote-allow-system-access', ...args],
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }), ...prefs },
  });
  const installed = await browser.installExtension(path);
  if (installed !== GECKO_ID) throw new Error(`Firefox installed ${installed}, not ${GECKO_ID}`);
  // Firefox's WebDriver BiDi reports no load event for a moz-extension: page (puppeteer's goto() then times out and
  // page.url() stays about:blank), though scripts run there: navigate without waiting, then watch the page itself.
  const open = async (page, url) => {
    await page.mainFrame().browsingContext.navigate(url, 'none');
    await waitFor(async () => {
      try {
        return await page.evaluate((u) => location.href === u && document.readyState === 'complete' && typeof chrome !== 'undefined', url);
      } catch {
        return false; // between two documents
      }
    }, `${url} to load`);
  };
  /** @type {Promise<import('puppeteer-core').Page> | undefined} */
  let apiPage;
  const handle = extensionHandle({
    browser,
    id: FIREFOX_UUID,
    origin: `moz-extension://${FIREFOX_UUID}`,
    async inWorker(fn, ...args) {
      // The options page: it only reads the copies held and the settings, and asks the network for nothing.
      apiPage ??= browser.newPage().then(async (page) => (await open(page, handle.page('options.html')), page));
      return (await apiPage).evaluate(fn, ...args);
    },
    open,
    close: () => browser.close(),
  });
  return Object.assign(handle, { requests });
}

/** Polls `predicate` (sync or async) every 50 ms until it is truthy; throws, naming `what`, after `timeout` ms. */
export async function waitFor(predicate, what, timeout = 10_000) {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
