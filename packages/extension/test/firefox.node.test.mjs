// End-to-end: the extension's Firefox build (the shipped one, as built) in headless Firefox ESR, the system's, driven
// by puppeteer-core over WebDriver BiDi (launchWithExtension(path, { browser: 'firefox' }), the same helper and
// sites as the Chromium tests). One browser for the whole file: the bundled snapshot, the toolbar on members' sites,
// the permission flow and annotation from the popup, and at the end every request Firefox sent to the network.
//
// The permission prompt: headless Firefox shows it to nobody, so `extensions.webextOptionalPermissionPrompts` is
// off here. Firefox then skips only the prompt: `permissions.request()` still checks the origin against
// `optional_host_permissions`, still needs the user's click, and grants through the same path as an accepted prompt.
/* global chrome */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, launchWithExtension, linksPage, startSites, waitFor, TOOLBAR_CASES } from '../../../tools/extension.mjs';
import { partnerRegistryCase } from './partner-registry.mjs';
import { linkBoxes, ownerOf } from '../../../tools/annotation-pages.mjs';

let sites;
let ext;
/** Every page the tests opened in a tab (their URLs): the requests Firefox made for them are the pages', not the extension's. */
const opened = new Set();

const ARTICLE = [
  ['https://www.kaliop.com/', 'Kaliop, agence web'],
  ['http://blog.kaliop.com/article', 'le blog de Kaliop'],
  ['https://notkaliop.com/', 'NotKaliop'],
  ['https://example.org/', 'Example'],
  ['https://www.AWOX.com./produits', 'AwoX'],
];

before(async () => {
  sites = await startSites({ https: true });
  sites.pages.set('/article', linksPage('Midi Libre : le numérique régional', ARTICLE));
  sites.pages.set('*', (url) => linksPage(`Le site de ${url.hostname}`, [['https://www.frenchsouth.digital/', 'FrenchSouth.digital']]));
  ext = await launchWithExtension(join(DIST, 'firefox'), { browser: 'firefox', prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  // Firefox ESR from Debian has only its English UI: choose French as a French browser would get it.
  await ext.inWorker(() => chrome.storage.local.set({ language: 'fr' }));
});
after(async () => {
  await ext?.close();
  await sites?.close();
});

/** Opens `url` in a new tab; resolves with the page and its tab id. */
async function openTab(url) {
  opened.add(new URL(url).href); // as Firefox asks for it: KALIOP.fr as kaliop.fr
  const page = await ext.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await ext.tabIdOf(page.url());
  assert.ok(tabId, `no tab for ${url}`);
  return { page, tabId };
}

/** The popup for a tab, opened as a page (`popup.html?tab=ID`), once it has rendered. */
async function openPopup(tabId) {
  const popup = await ext.browser.newPage();
  await ext.open(popup, 'popup.html', `?tab=${tabId}`);
  await popup.waitForFunction(() => document.querySelector('fsd-extension-popup')?.shadowRoot?.querySelector('h1, #search'));
  return popup;
}

const shadowText = (page, selector) =>
  page.$eval('fsd-extension-popup', (el, s) => [...el.shadowRoot.querySelectorAll(s)].map((n) => n.textContent.replace(/\s+/g, ' ').trim()), selector);
const marked = (page) => page.$$eval('a[data-fsd-member]', (links) => links.map((a) => [a.textContent, a.dataset.fsdMember]).sort());
const annotateButton = (popup) => popup.$eval('fsd-extension-popup', (el) => el.shadowRoot.querySelector('.annotate button').getAttribute('aria-pressed'));

test('Firefox: offline start, the bundled snapshot flags a member site at once, though the cluster’s feed is unreachable', async () => {
  const { page, tabId } = await openTab(sites.url('www.kaliop.com'));
  const badge = await ext.waitForBadge(tabId, '✓');
  assert.equal(badge.title, 'Kaliop : membre de FrenchSouth.digital');
  const logged = () => ext.inWorker(async () => (await chrome.storage.local.get('refreshLog')).refreshLog);
  await waitFor(async () => (await logged())?.['https://www.frenchsouth.digital/feeds/members.json'], 'the install-time refresh to be recorded');
  const entry = (await logged())['https://www.frenchsouth.digital/feeds/members.json'];
  assert.deepEqual([entry.ok, entry.outcome], [false, 'network']);
  // Unreachable by construction: Firefox did ask for the cluster's host, and the proxy (test/server/host-proxy.js) answered nothing.
  assert.ok(ext.requests.some((r) => r.url === 'https://www.frenchsouth.digital:443'), 'the refresh reached for www.frenchsouth.digital');
  const alarms = await ext.inWorker(async () => (await chrome.alarms.getAll()).map((a) => [a.name, a.periodInMinutes]));
  assert.deepEqual(alarms, [['fsd-refresh-registries', 360]]);
  await page.close();
});

test('Firefox: the toolbar flags a member’s site and its subdomains, and nothing on a look-alike, a non-member or a lapsed member; the popup shows the member’s card', async () => {
  for (const [host, text] of TOOLBAR_CASES) {
    const { page, tabId } = await openTab(sites.url(host));
    const badge = await ext.waitForBadge(tabId, text);
    if (!text) assert.equal(badge.title, 'FrenchSouth.digital : membres du cluster', host);
    await page.close();
  }
  const member = await openTab(sites.url('www.kaliop.com', '/produits/'));
  const popup = await openPopup(member.tabId);
  assert.deepEqual(await shadowText(popup, 'h1'), ['Kaliop']);
  const card = (await shadowText(popup, 'article'))[0];
  assert.match(card, /Membre de FrenchSouth\.digital/);
  assert.match(card, /Membre depuis le 5 mai 2015/);
  await popup.close();
  await member.page.close();
});

test('Firefox: no site is granted at install; annotation turned on from the popup asks for that one site, and its links to members get marked', async () => {
  const granted = () => ext.inWorker(async () => (await chrome.permissions.getAll()).origins);
  const registered = () => ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches));
  assert.deepEqual(await granted(), [], 'the shipped build asks for no host at install');

  const { page, tabId } = await openTab(sites.url('www.midilibre-test.fr', '/article'));
  assert.deepEqual(await marked(page), [], 'nothing is marked before the user turns it on');
  const popup = await openPopup(tabId);
  await popup.waitForSelector('fsd-extension-popup >>> .annotate button');
  assert.equal(await annotateButton(popup), 'false');
  await popup.click('fsd-extension-popup >>> .annotate button');
  await waitFor(async () => (await annotateButton(popup)) === 'true', 'the switch to show annotation on');
  await popup.close();
  assert.deepEqual(await granted(), ['*://www.midilibre-test.fr/*'], 'the site asked for, and no other');
  assert.deepEqual(await registered(), [['*://www.midilibre-test.fr/*']]);

  await page.bringToFront();
  await page.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 3, { timeout: 10_000 });
  assert.deepEqual(await marked(page), [
    ['AwoX', 'awox'],
    ['Kaliop, agence web', 'kaliop'],
    ['le blog de Kaliop', 'kaliop'],
  ]);
  // Screen readers: the link's description names the member; the eye: a dot for each member link in the layer.
  assert.equal(await page.$eval('a[data-fsd-member="awox"]', (a) => document.getElementById(a.getAttribute('aria-describedby'))?.textContent), 'Membre de FrenchSouth.digital : AwoX');
  await page.waitForFunction(() => (document.querySelector('fsd-link-marks')?.shadowRoot?.querySelectorAll('.mark:not([hidden])').length ?? 0) === 3, { timeout: 10_000 });
  assert.deepEqual(await page.evaluate(() => [...document.querySelector('fsd-link-marks').shadowRoot.querySelectorAll('.mark:not([hidden])')].map((m) => m.dataset.member).sort()), ['awox', 'kaliop', 'kaliop']);
  // Each dot beside its own link (the layer is placed in the document's coordinates, its marks by their margins):
  // the member named by the dot is the one of the link it belongs to.
  const owners = await page.evaluate(
    (ownerSource, boxesSource) => {
      const ownerOf = new Function(`return (${ownerSource})`)();
      const boxes = new Function(`return (${boxesSource})`)()();
      return [...document.querySelector('fsd-link-marks').shadowRoot.querySelectorAll('.mark:not([hidden])')].map((m) => [m.dataset.member, ownerOf(m.getBoundingClientRect(), boxes)?.dataset.fsdMember ?? null]);
    },
    ownerOf.toString(),
    linkBoxes.toString(),
  );
  assert.deepEqual(owners.map(([member, owner]) => owner === member), [true, true, true], JSON.stringify(owners));
  await page.close();

  // The next visit: the registered script marks the page by itself. Another site, not turned on, is left alone;
  // it is opened first, so that by the time the opted-in page is marked it has had every chance to be marked too.
  const other = await openTab(sites.url('www.other-news.fr', '/article'));
  const again = await openTab(sites.url('www.midilibre-test.fr', '/article?again'));
  await again.page.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 3, { timeout: 10_000 });
  await other.page.bringToFront();
  assert.deepEqual(await marked(other.page), [], 'a site not turned on');
  await other.page.close();
  await again.page.close();
});

// Last: what Firefox sent to the network over the whole run (through the proxy: there is no other way out).
test('Firefox: over the whole run, the extension requested nothing but the feeds', () => {
  const origins = new Set([...opened].map((url) => new URL(url).origin));
  const pages = (url) => opened.has(url) || (origins.has(new URL(url).origin) && new URL(url).pathname === '/favicon.ico');
  const feeds = new Set(['https://www.frenchsouth.digital:443']);
  // dummy.test: where puppeteer-core sends Firefox's own services (Remote Settings, blocklist), answered by nothing.
  const firefox = (url) => new URL(url).hostname === 'dummy.test';
  const rest = ext.requests.filter(({ url }) => !pages(url) && !firefox(url));
  assert.ok(rest.some(({ url }) => feeds.has(url)), 'the feed requests are in the log');
  assert.deepEqual(rest.filter(({ url }) => !feeds.has(url)), []);
});

// After the check of the whole run's requests: this case adds a registry of the user's choosing, and fetches it.
test('Firefox: a partner’s registry added with its key on the options page: its signed feed flags its members; one signed by another key (reported on the options page), altered, unsigned, expired or older is refused, the last good copy still flags', () =>
  partnerRegistryCase(ext, sites));
