// End-to-end: the built extension in headless Chromium (the system's), on pages served under member and
// non-member host names. One browser runs the shipped Chrome build for the whole file; Chromium's NetLog
// records every request it makes, checked at the end: the extension contacts no host but the feeds'.
/* global chrome */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, launchWithExtension, linksPage, sampleFeed, startSites, waitFor, TOOLBAR_CASES } from '../../../tools/extension.mjs';
import { runAxe } from '../../../tools/axe.mjs';
import { requestedUrls } from './netlog.mjs';

let sites;
let ext;
const netLog = join(mkdtempSync(join(tmpdir(), 'fsd-netlog-')), 'net.json');

before(async () => {
  sites = await startSites({ https: true });
  sites.pages.set('*', (url) => linksPage(`Le site de ${url.hostname}`, [['https://www.frenchsouth.digital/', 'FrenchSouth.digital']]));
  // The https sites' certificate is made for the run (tools/extension.mjs).
  ext = await launchWithExtension(join(DIST, 'chrome'), { netLog, args: ['--ignore-certificate-errors'] });
  // Headless Chromium reports an English UI whatever its flags: choose French as a French browser would get it.
  await ext.inWorker(() => chrome.storage.local.set({ language: 'fr' }));
});
after(async () => {
  await ext?.close();
  await sites?.close();
});

/** Opens `url` in a new tab; resolves with the page and its tab id. */
async function openTab(url) {
  const page = await ext.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await ext.tabIdOf(page.url());
  assert.ok(tabId, `no tab for ${url}`);
  return { page, tabId };
}

/** The popup for a tab, opened as a page: `popup.html?tab=ID` (in `timeZone`, if given). Resolves with the page once it has rendered. */
async function openPopup(tabId, timeZone) {
  const popup = await ext.browser.newPage();
  if (timeZone) await popup.emulateTimezone(timeZone);
  await popup.goto(ext.page('popup.html', `?tab=${tabId}`), { waitUntil: 'load' });
  await popup.waitForFunction(() => document.querySelector('fsd-extension-popup')?.shadowRoot?.querySelector('h1, #search'));
  return popup;
}

const DEFAULT_MEMBERS = 'https://www.frenchsouth.digital/feeds/members.json';

const shadowText = (page, selector) =>
  page.$eval('fsd-extension-popup', (el, s) => [...el.shadowRoot.querySelectorAll(s)].map((n) => n.textContent.replace(/\s+/g, ' ').trim()), selector);

test('offline start: the bundled snapshot flags a member site at once, though the cluster’s feed is unreachable', async () => {
  const { page, tabId } = await openTab(sites.url('www.kaliop.com'));
  const badge = await ext.waitForBadge(tabId, '✓');
  assert.equal(badge.title, 'Kaliop : membre de FrenchSouth.digital');
  // The install-time refresh of https://www.frenchsouth.digital/… failed (nothing answers here) and is recorded.
  const logged = () => ext.inWorker(async () => (await chrome.storage.local.get('refreshLog')).refreshLog);
  await waitFor(async () => (await logged())?.['https://www.frenchsouth.digital/feeds/members.json'], 'the install-time refresh to be recorded');
  const log = await logged();
  assert.equal(log?.['https://www.frenchsouth.digital/feeds/members.json']?.ok, false);
  assert.equal(log?.['https://www.frenchsouth.digital/feeds/members.json']?.outcome, 'network');
  // The refresh is scheduled: one alarm, every 6 hours.
  const alarms = await ext.inWorker(async () => (await chrome.alarms.getAll()).map((a) => [a.name, a.periodInMinutes]));
  assert.deepEqual(alarms, [['fsd-refresh-registries', 360]]);
  // Unreachable by construction, not by luck: the cluster's host resolves to nothing here (tools/browser.mjs),
  // where every other host reaches the local server, so whatever listens on ports 80 and 443 cannot answer.
  await assert.rejects(page.goto(sites.url('www.frenchsouth.digital')), /ERR_NAME_NOT_RESOLVED/);
  await page.close();
});

test('the toolbar flags a subdomain of a member, and nothing on a look-alike, a non-member site or a lapsed member', async () => {
  for (const [host, text] of TOOLBAR_CASES) {
    const { page, tabId } = await openTab(sites.url(host));
    const badge = await ext.waitForBadge(tabId, text);
    if (!text) assert.equal(badge.title, 'FrenchSouth.digital : membres du cluster', host);
    await page.close();
  }
});

test('the popup shows the member’s card on its site (or that the membership lapsed), and a search elsewhere', async () => {
  const member = await openTab(sites.url('www.kaliop.com', '/produits/'));
  const popup = await openPopup(member.tabId);
  assert.deepEqual(await shadowText(popup, 'h1'), ['Kaliop']);
  const card = (await shadowText(popup, 'article'))[0];
  assert.match(card, /Membre de FrenchSouth\.digital/);
  assert.doesNotMatch(card, /Registre ajouté/, 'the cluster’s own registry is not one the user added');
  assert.match(card, /Smart Software/);
  assert.match(card, /Montpellier/);
  assert.match(card, /Membre depuis le 5 mai 2015/);
  const profile = await popup.$eval('fsd-extension-popup', (el) => el.shadowRoot.querySelector('article a').href);
  assert.equal(profile, 'https://www.frenchsouth.digital/membres/?membre=kaliop');
  await popup.close();

  const other = await openTab(sites.url('example.org'));
  const search = await openPopup(other.tabId);
  assert.match((await shadowText(search, 'h1.site'))[0], /example\.org n’est pas le site d’un membre/);
  await search.focus('fsd-extension-popup');
  await search.keyboard.press('Tab'); // the options link
  await search.keyboard.press('Tab'); // the annotation switch
  await search.keyboard.press('Tab'); // the search box
  await search.keyboard.type('systemes');
  await search.waitForFunction(() => document.querySelector('fsd-extension-popup').shadowRoot.querySelectorAll('.results li').length > 0);
  assert.deepEqual(await shadowText(search, '.results a'), ['RG Systèmes']);
  assert.equal((await shadowText(search, '.count'))[0], '1 membre');
  await search.close();

  const closed = await openTab(sites.url('www.kaliop.com'));
  await closed.page.close();
  const orphan = await openPopup(closed.tabId);
  assert.deepEqual(await shadowText(orphan, 'h1.site'), ['Cet onglet n’affiche pas de site web.'], 'a popup for a tab closed meanwhile offers the search');
  await orphan.close();

  const lapsed = await openTab(sites.url('www.pixel-nimois.example'));
  const lapsedPopup = await openPopup(lapsed.tabId);
  assert.match((await shadowText(lapsedPopup, 'article'))[0], /Adhésion expirée le 31 décembre 2024/);
  await lapsedPopup.close();
  await lapsed.page.close();
  await member.page.close();
  await other.page.close();
});

test('while it reads its data, the popup says so in words, in the browser’s language', async () => {
  const { page, tabId } = await openTab(sites.url('www.kaliop.com'));
  const popup = await ext.browser.newPage();
  // Holds the popup's first read of its settings until the test lets it go.
  await popup.evaluateOnNewDocument(() => {
    const get = chrome.storage.local.get.bind(chrome.storage.local);
    const released = new Promise((resolve) => (window.__release = resolve));
    chrome.storage.local.get = (...args) => released.then(() => get(...args));
  });
  await popup.goto(ext.page('popup.html', `?tab=${tabId}`), { waitUntil: 'load' });
  await popup.waitForFunction(() => document.querySelector('fsd-extension-popup')?.shadowRoot?.querySelector('[role="status"]'));
  const browserLanguage = await popup.evaluate(() => chrome.i18n.getUILanguage());
  assert.deepEqual(await shadowText(popup, '[role="status"]'), [browserLanguage.startsWith('fr') ? 'Chargement des membres…' : 'Loading the members…']);
  // No heading yet (the popup does not know whether it will show a card or a search): axe's best-practice rule
  // page-has-heading-one is the one it may raise in this state, for a fraction of a second.
  assert.deepEqual((await runAxe(popup)).filter((v) => !v.startsWith('page-has-heading-one:')), []);
  await popup.evaluate(() => window.__release());
  // Then the settings' language (French here) and the card.
  await popup.waitForFunction(() => document.querySelector('fsd-extension-popup').shadowRoot.querySelector('h1'));
  assert.deepEqual(await shadowText(popup, 'h1'), ['Kaliop']);
  assert.equal(await popup.$eval('html', (html) => html.lang), 'fr');
  await popup.close();
  await page.close();
});

test('a subscribed registry refreshes with conditional requests and picks up a changed feed', async () => {
  const feed = sampleFeed();
  const url = sites.setFeed('/feeds/members.json', feed);
  const options = await ext.browser.newPage();
  await options.goto(ext.page('options.html'), { waitUntil: 'load' });
  await options.waitForFunction(() => document.querySelector('fsd-extension-options')?.shadowRoot?.querySelector('#registry-url'));
  // A registry in clear (plain http, not a local server) is refused, politely, and not followed.
  const followed = () => ext.inWorker(() => chrome.storage.local.get('registries').then((r) => r.registries));
  const before = await followed();
  await options.type('fsd-extension-options >>> #registry-url', 'http://registre.example.org/feeds/members.json');
  await options.click('fsd-extension-options >>> form button[type="submit"]');
  await options.waitForFunction(() => document.querySelector('fsd-extension-options').shadowRoot.querySelector('#registry-error').textContent !== '');
  assert.match(
    await options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('#registry-error').textContent),
    /^Ce registre n’est pas servi en https : pour votre sécurité, seule une adresse en https:\/\/ peut être suivie/,
  );
  assert.deepEqual(await followed(), before);
  assert.ok(!sites.log.some((r) => r.host === 'registre.example.org'), 'nothing was asked of the registry in clear');
  await options.$eval('fsd-extension-options', (el) => (el.shadowRoot.querySelector('#registry-url').value = ''));
  // A local test server (a .test host) may be read over http.
  await options.type('fsd-extension-options >>> #registry-url', url);
  await options.click('fsd-extension-options >>> form button[type="submit"]');
  await options.waitForFunction((u) => document.querySelector('fsd-extension-options').shadowRoot.textContent.includes(u), {}, url);
  assert.equal(await options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('#registry-error').textContent), '', 'the error is gone');
  const fetched = () => sites.log.filter((r) => r.path === '/feeds/members.json');
  await waitFor(() => fetched().length === 1, 'the new registry to be fetched');

  const newcomer = { ...feed.members[0], id: 'newcomer', name: 'Newcomer', domains: ['newcomer.org'] };
  sites.setFeed('/feeds/members.json', { ...feed, updated: '2026-11-28T09:00:00+01:00', members: [...feed.members, newcomer] });
  const { page, tabId } = await openTab(sites.url('www.newcomer.org'));
  await ext.waitForBadge(tabId, '');
  await options.bringToFront();
  await options.click('fsd-extension-options >>> button.primary');
  await ext.waitForBadge(tabId, '✓');
  const requests = fetched();
  assert.equal(requests.length, 2);
  assert.equal(requests[1].ifNoneMatch, '"v1"', 'the refresh revalidates with the ETag held');
  await options.waitForFunction(() => /mise à jour réussie \(12 membres\)/.test(document.querySelector('fsd-extension-options').shadowRoot.textContent));
  await options.close();
  await page.close();
});

test('an invalid or older feed does not replace the good one', async () => {
  const feed = sampleFeed();
  const { page, tabId } = await openTab(sites.url('www.newcomer.org'));
  await ext.waitForBadge(tabId, '✓');
  const options = await ext.browser.newPage();
  await options.goto(ext.page('options.html'), { waitUntil: 'load' });
  await options.bringToFront();
  const outcome = () => options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('.registries:not(.events) li:last-child .error')?.textContent ?? '');
  for (const [body, expected] of [
    ['{"version": 1, "members": [', /refusée : ce n’est pas du JSON/],
    [{ ...feed, version: 9 }, /refusée : version inconnue/],
    [{ ...feed, updated: '2015-05-05T20:00:00+02:00', members: feed.members.slice(0, 1) }, /refusée : plus ancienne/],
  ]) {
    sites.setFeed('/feeds/members.json', body);
    await options.waitForSelector('fsd-extension-options >>> button.primary:not([disabled])');
    await options.click('fsd-extension-options >>> button.primary');
    await options.waitForFunction((source) => new RegExp(source).test(document.querySelector('fsd-extension-options').shadowRoot.querySelector('.registries:not(.events) li:last-child')?.textContent ?? ''), {}, expected.source);
    assert.match(await outcome(), expected);
    assert.equal((await ext.badge(tabId)).text, '✓', 'the member added by the good feed is still flagged');
  }
  await options.close();
  await page.close();
});


test('the popup lists the member’s upcoming events, from the events feed', async () => {
  const day = 24 * 3600 * 1000;
  const at = (days) => new Date(Date.now() + days * day).toISOString();
  const events = {
    version: 1,
    updated: new Date().toISOString(),
    categories: [],
    events: [
      { id: 'past', title: 'Atelier passé', start: at(-10), end: at(-10 + 0.1), organizer: { id: 'kaliop', name: 'Kaliop' } },
      { id: 'soon', title: 'Atelier Smart Software : financer sa croissance', start: at(3), end: at(3.1), location: 'Montpellier', organizer: { id: 'kaliop', name: 'Kaliop' }, url: 'https://www.frenchsouth.digital/agenda/financer' },
      { id: 'later', title: 'Hackathon des données ouvertes', start: at(40), end: at(40.3), organizer: { id: 'kaliop', name: 'Kaliop' } },
      { id: 'other', title: 'Atelier Mediacloud', start: at(5), end: at(5.1), organizer: { id: 'awox', name: 'AwoX' } },
    ],
  };
  // The viewer's day, not UTC's: the popup runs in a zone whose date differs from UTC's at this moment (UTC+14
  // late in the UTC day, UTC−11 early in it; half an hour away from either zone's midnight). An all-day event that
  // ended yesterday there is over; one that ends today there is still on.
  const zone = new Date().getUTCHours() * 60 + new Date().getUTCMinutes() >= 10 * 60 + 30 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
  const localToday = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const localYesterday = new Date(Date.parse(`${localToday}T00:00:00Z`) - day).toISOString().slice(0, 10);
  assert.notEqual(localToday, new Date().toISOString().slice(0, 10), `${zone} is on another day than UTC`);
  events.events.push(
    { id: 'ended-yesterday', title: 'Journée finie hier', allDay: true, start: localYesterday, end: localYesterday, organizer: { id: 'kaliop', name: 'Kaliop' } },
    { id: 'today', title: 'Journée portes ouvertes', allDay: true, start: localToday, end: localToday, organizer: { id: 'kaliop', name: 'Kaliop' } },
  );
  const url = sites.setFeed('/feeds/events.json', events);
  // The events feed speaks for the members of the registry on its origin (feeds.frenchsouth.test): that registry
  // lists Kaliop first here.
  const registries = await ext.inWorker(() => chrome.storage.local.get('registries').then((r) => r.registries));
  const local = sites.url('feeds.frenchsouth.test', '/feeds/members.json');
  assert.ok(registries.includes(local), 'the registry of feeds.frenchsouth.test is followed (an earlier test added it)');
  await ext.inWorker((list) => chrome.storage.local.set({ registries: list }), [local, ...registries.filter((r) => r !== local)]);
  await ext.inWorker((u) => chrome.storage.local.set({ eventFeeds: [u] }), url);
  await waitFor(async () => (await ext.inWorker((u) => chrome.storage.local.get('refreshLog').then((r) => r.refreshLog?.[u]?.ok), url)) === true, 'the events feed to be fetched');
  const { page, tabId } = await openTab(sites.url('www.kaliop.com'));
  const popup = await openPopup(tabId, zone);
  assert.deepEqual(await shadowText(popup, '.events h2'), ['Prochains événements']);
  const items = await shadowText(popup, '.events li');
  assert.equal(items.length, 3, 'the first three, soonest first');
  assert.match(items[0], /Journée portes ouvertes/);
  assert.match(items[1], /Atelier Smart Software : financer sa croissance.*Montpellier/);
  assert.match(items[2], /Hackathon des données ouvertes/);
  await popup.close();

  const other = await openTab(sites.url('www.rgsystem.com'));
  const none = await openPopup(other.tabId);
  assert.deepEqual(await shadowText(none, '.events'), [], 'no events section for a member without upcoming events');
  await none.close();
  await page.close();
  await other.page.close();
  await ext.inWorker((list) => chrome.storage.local.set({ registries: list }), registries);
});

test('a second registry (DigitalPlace): its members are flagged, an IDN host included, and shown with their registry', async () => {
  const feed = sampleFeed();
  const digitalplace = {
    ...feed,
    updated: '2026-11-26T09:00:00+01:00',
    cluster: { name: 'DigitalPlace', site: 'https://www.digitalplace.fr/', profileUrl: 'https://www.digitalplace.fr/annuaire/{id}' },
    members: [
      { ...feed.members[6], id: 'garonne-logiciels', name: 'Garonne Logiciels (exemple)', domains: ['garonne-logiciels.example'], city: 'Toulouse' },
      { ...feed.members[6], id: 'cafe-numerique', name: 'Le Café Numérique (exemple)', domains: ['café-numérique.example'], city: 'Toulouse' },
    ],
  };
  const url = sites.setFeed('/feeds/digitalplace.json', digitalplace);
  const before = await ext.inWorker(() => chrome.storage.local.get('registries').then((r) => r.registries));
  await ext.inWorker((list) => chrome.storage.local.set({ registries: list }), [...before, url]);
  const { page, tabId } = await openTab(sites.url('www.garonne-logiciels.example'));
  const badge = await ext.waitForBadge(tabId, '✓');
  // A registry the user added: named by its feed, and always with its host.
  const named = `DigitalPlace (feeds.frenchsouth.test:${sites.port})`;
  assert.equal(badge.title, `Garonne Logiciels (exemple) : membre de ${named}`);
  // An internationalised domain name, typed in Unicode, reaches the browser in punycode: still flagged.
  const idn = await openTab(sites.url('www.café-numérique.example'));
  assert.match(idn.page.url(), /xn--/);
  assert.equal((await ext.waitForBadge(idn.tabId, '✓')).title, `Le Café Numérique (exemple) : membre de ${named}`);
  await idn.page.close();
  const popup = await openPopup(tabId);
  const card = (await shadowText(popup, 'article'))[0];
  assert.ok(card.includes(`Membre de ${named} Registre ajouté dans vos options : FrenchSouth.digital ne répond pas de cette liste.`), card);
  assert.match(card, /Toulouse/);
  assert.equal(await popup.$eval('fsd-extension-popup', (el) => el.shadowRoot.querySelector('article a').href), 'https://www.digitalplace.fr/annuaire/garonne-logiciels');
  await popup.close();

  // Removing the registry in the options page stops flagging its members.
  const options = await ext.browser.newPage();
  await options.goto(ext.page('options.html'), { waitUntil: 'load' });
  await options.bringToFront();
  await options.waitForSelector('fsd-extension-options >>> .registries li:last-child button');
  assert.match(await options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('.registries li:last-child button').textContent), /^\s*Retirer DigitalPlace \(feeds\.frenchsouth\.test:\d+\)\s*$/);
  // Added without its key: said to be unverified; the cluster's own registry is not.
  const notes = await options.$eval('fsd-extension-options', (el) => [...el.shadowRoot.querySelectorAll('.registries:not(.events) li')].map((li) => [li.querySelector('strong').textContent, li.textContent.includes('Liste non vérifiée : registre ajouté sans sa clé')]));
  assert.deepEqual(notes.at(-1), [`DigitalPlace (feeds.frenchsouth.test:${sites.port})`, true]);
  assert.ok(notes.some(([name, unverified]) => name === 'FrenchSouth.digital' && !unverified), JSON.stringify(notes));
  await options.click('fsd-extension-options >>> .registries li:last-child button');
  await page.reload({ waitUntil: 'load' });
  await ext.waitForBadge(tabId, '');
  await options.close();
  await page.close();
});

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><rect width="10" height="10" fill="#0b5a87"/></svg>';
/** A logo hosted beside a registry's feed (same origin): the only kind the popup loads. */
const logoBesideFeed = () => sites.url('feeds.frenchsouth.test', '/feeds/logos/atelier-maison.svg');

test('with logos on, the popup loads a logo only from its registry feed’s origin; a logo hosted elsewhere shows initials, unrequested', async () => {
  const feed = sampleFeed();
  sites.files.set('/feeds/logos/atelier-maison.svg', SVG);
  sites.files.set('/logo.svg', SVG);
  const elsewhere = sites.url('cdn.logos-ailleurs.example', '/logo.svg');
  const registry = {
    ...feed,
    updated: '2026-11-27T09:00:00+01:00',
    cluster: { name: 'Registre des logos', site: 'https://feeds.frenchsouth.test/' },
    members: [
      { ...feed.members[6], id: 'atelier-maison', name: 'Atelier Maison (exemple)', domains: ['atelier-maison.example'], logo: 'logos/atelier-maison.svg' },
      { ...feed.members[6], id: 'studio-ailleurs', name: 'Studio Ailleurs (exemple)', domains: ['studio-ailleurs.example'], logo: elsewhere },
      { ...feed.members[6], id: 'logo-parti', name: 'Logo Parti (exemple)', domains: ['logo-parti.example'], logo: 'logos/moved.svg' },
    ],
  };
  const url = sites.setFeed('/feeds/logos.json', registry);
  const before = await ext.inWorker(() => chrome.storage.local.get('registries').then((r) => r.registries));
  await ext.inWorker((list) => chrome.storage.local.set({ registries: list, showLogos: true }), [...before, url]);
  await waitFor(async () => (await ext.inWorker((u) => chrome.storage.local.get('refreshLog').then((r) => r.refreshLog?.[u]?.ok), url)) === true, 'the logos registry to be fetched');

  const logoOf = async (host) => {
    const { page, tabId } = await openTab(sites.url(host));
    await ext.waitForBadge(tabId, '✓');
    const popup = await openPopup(tabId);
    await popup.waitForFunction(() => {
      const node = document.querySelector('fsd-extension-popup').shadowRoot.querySelector('.logo');
      return node && (node.localName === 'img' ? node.complete && node.naturalWidth > 0 : node.dataset.logo !== 'loading');
    });
    const logo = await popup.$eval('fsd-extension-popup', (el) => {
      const node = el.shadowRoot.querySelector('.logo');
      return node.localName === 'img' ? { img: node.src } : { initials: node.textContent.trim() };
    });
    await popup.close();
    await page.close();
    return logo;
  };
  const other = await logoOf('www.studio-ailleurs.example');
  assert.ok(other.initials, 'a logo hosted elsewhere than the feed is not shown: the initials are');
  // A logo beside the feed whose server redirects it elsewhere: not followed, the initials show.
  sites.redirects.set('feeds.frenchsouth.test/feeds/logos/moved.svg', elsewhere);
  assert.ok((await logoOf('www.logo-parti.example')).initials, 'a logo that redirects elsewhere is not shown');
  assert.equal(sites.log.filter((r) => r.path === '/feeds/logos/moved.svg').length, 1, 'the logo beside the feed was asked for');
  // Positive control, opened after: the logo beside the feed loads, fetched by the popup and shown from a blob.
  const shown = await logoOf('www.atelier-maison.example');
  assert.match(shown.img ?? '', new RegExp(`^blob:chrome-extension://${ext.id}/`));
  assert.equal(sites.log.filter((r) => r.path === '/feeds/logos/atelier-maison.svg').length, 1);
  assert.equal(sites.log.find((r) => r.path === '/feeds/logos/atelier-maison.svg').referer, undefined, 'no referrer sent with the logo');
  assert.deepEqual(sites.log.filter((r) => r.host === 'cdn.logos-ailleurs.example'), [], 'the host of the other logo, and of the redirect, learnt nothing');
  await ext.inWorker((list) => chrome.storage.local.set({ registries: list, showLogos: false }), before);
});


/** Feeds the tests below subscribe to, besides the usual ones: the final network check allows them. */
const moreFeeds = [];

/** Subscribes to `registries` (and `eventFeeds`, if given) as the options page would; resolves once each was fetched. */
async function follow(registries, eventFeeds) {
  await ext.inWorker((r, e) => chrome.storage.local.set(e ? { registries: r, eventFeeds: e } : { registries: r }), registries, eventFeeds);
  const fetched = [...registries, ...(eventFeeds ?? [])].filter((u) => !u.startsWith('https://www.frenchsouth.digital/'));
  for (const url of fetched) {
    await waitFor(async () => (await ext.inWorker((u) => chrome.storage.local.get('refreshLog').then((r) => r.refreshLog?.[u]), url)) !== undefined, `${url} to be fetched`);
  }
}

/** Waits until the tab's toolbar title is `title`. */
async function waitForTitle(tabId, title) {
  let badge;
  await waitFor(async () => (badge = await ext.badge(tabId)).title === title, `the title of tab ${tabId} to be "${title}" (it is "${badge?.title}")`);
  return badge;
}

const subscriptions = () => ext.inWorker(() => chrome.storage.local.get(['registries', 'eventFeeds']));

test('a registry the user added that calls itself FrenchSouth.digital and claims a member’s domain and google.com speaks only under its host, without the member’s events', async () => {
  const saved = await subscriptions();
  const feed = sampleFeed();
  const kaliop = feed.members.find((m) => m.id === 'kaliop');
  // The same id as the real member: events are matched by id, within a registry only.
  const hostile = { ...feed, updated: '2026-11-29T09:00:00+01:00', cluster: { ...feed.cluster, name: 'FrenchSouth.digital' }, members: [{ ...kaliop, domains: ['kaliop.com', 'google.com'] }] };
  const hostileUrl = sites.setFeed('/hostile/members.json', hostile, { host: 'registre-hostile.test' });
  const day = 24 * 3600 * 1000;
  const at = (days) => new Date(Date.now() + days * day).toISOString();
  const events = { version: 1, updated: new Date().toISOString(), categories: [], events: [{ id: 'real', title: 'Atelier de Kaliop', start: at(2), end: at(2.1), organizer: { id: 'kaliop', name: 'Kaliop' } }] };
  // The real member's events, beside the registry that truly lists it (the cluster's stand-in, feeds.frenchsouth.test).
  const eventsUrl = sites.setFeed('/feeds/events.json', events);
  const local = sites.url('feeds.frenchsouth.test', '/feeds/members.json');
  moreFeeds.push(hostileUrl);
  const hostileName = `registre-hostile.test:${sites.port}`;

  await follow([local, hostileUrl], [eventsUrl]);
  const google = await openTab(sites.url('www.google.com'));
  const kaliopSite = await openTab(sites.url('www.kaliop.com'));
  assert.equal((await waitForTitle(google.tabId, `Kaliop : membre de ${hostileName}`)).text, '✓', 'flagged, under the registry’s host alone');
  const popup = await openPopup(google.tabId);
  const card = (await shadowText(popup, 'article'))[0];
  assert.ok(card.includes(`Membre de ${hostileName} Registre ajouté dans vos options`), card);
  assert.doesNotMatch(card, /Membre de FrenchSouth/);
  assert.deepEqual(await shadowText(popup, '.events'), [], 'the real member’s events are not shown for the registry that copied its id');
  await popup.close();
  // Positive control: the same events, on the real member's site, under the registry that lists it.
  const real = await openPopup(kaliopSite.tabId);
  assert.match((await shadowText(real, '.events li'))[0] ?? '', /Atelier de Kaliop/);
  await real.close();

  // Beside the cluster's own registry: the cluster's name only where the cluster's registry speaks.
  await follow([DEFAULT_MEMBERS, hostileUrl], [eventsUrl]);
  assert.equal((await waitForTitle(kaliopSite.tabId, 'Kaliop : membre de FrenchSouth.digital')).text, '✓');
  assert.equal((await waitForTitle(google.tabId, `Kaliop : membre de ${hostileName}`)).text, '✓');
  // Put first, the hostile registry wins the member's domain, and still only under its host.
  await follow([hostileUrl, DEFAULT_MEMBERS], [eventsUrl]);
  assert.equal((await waitForTitle(kaliopSite.tabId, `Kaliop : membre de ${hostileName}`)).text, '✓');
  const options = await ext.browser.newPage();
  await options.goto(ext.page('options.html'), { waitUntil: 'load' });
  await options.waitForFunction(() => document.querySelector('fsd-extension-options')?.shadowRoot?.querySelectorAll('.registries:not(.events) li strong').length === 2);
  assert.deepEqual(await options.$eval('fsd-extension-options', (el) => [...el.shadowRoot.querySelectorAll('.registries:not(.events) li strong')].map((n) => n.textContent)), [hostileName, 'FrenchSouth.digital']);
  await options.close();

  await follow(saved.registries, saved.eventFeeds);
  await google.page.close();
  await kaliopSite.page.close();
});

test('a feed redirected from https to http, or to another site, is refused and said so (console, options page); the copy held stays', async () => {
  const saved = await subscriptions();
  const feed = sampleFeed();
  const good = { ...feed, updated: '2026-11-29T10:00:00+01:00', cluster: { ...feed.cluster, name: 'Registre sûr' }, members: [{ ...feed.members[6], id: 'garde', name: 'Gardé (exemple)', domains: ['garde.example'] }] };
  sites.setFeed('/secure/members.json', good);
  const secure = sites.httpsUrl('feeds-secure.test', '/secure/members.json');
  const changed = { ...good, updated: '2026-11-30T10:00:00+01:00', members: [...good.members, { ...good.members[0], id: 'piege', name: 'Piège (exemple)', domains: ['piege.example'] }] };
  sites.setFeed('/moved/members.json', changed);
  const plain = sites.url('feeds-secure.test', '/moved/members.json');
  const elsewhere = sites.httpsUrl('feeds-ailleurs.test', '/moved/members.json');
  const moved = sites.httpsUrl('feeds-secure.test', '/moved/members.json');
  moreFeeds.push(secure, plain, elsewhere, moved);

  await follow([...saved.registries, secure]);
  const garde = await openTab(sites.url('www.garde.example'));
  await waitForTitle(garde.tabId, `Gardé (exemple) : membre de Registre sûr (feeds-secure.test:${sites.httpsPort})`);
  const piege = await openTab(sites.url('www.piege.example'));

  // The worker's console, where the refresh speaks.
  const worker = await (await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${ext.id}/`))).worker();
  const consoleLines = [];
  worker.on('console', (message) => consoleLines.push(message.text()));

  for (const [target, why] of [
    [plain, `the server redirected the feed from https to http (${plain}); a feed read in clear could have been altered on the way: refused`],
    [elsewhere, `the server redirected the feed to another site (${elsewhere}); only a redirect within https://feeds-secure.test:${sites.httpsPort} is followed: refused`],
  ]) {
    sites.redirects.set('feeds-secure.test/secure/members.json', target);
    const log = await ext.refreshNow();
    assert.equal(log[secure].outcome, 'redirect', target);
    assert.equal(log[secure].message, `${secure}: ${why}`);
    await waitFor(() => consoleLines.some((line) => line.startsWith(`[FrenchSouth.digital] ${secure}: ${why}; showing the copy fetched `)), `the console to name ${target}`);
    const options = await ext.browser.newPage();
    await options.goto(ext.page('options.html'), { waitUntil: 'load' });
    await options.waitForFunction(() => document.querySelector('fsd-extension-options')?.shadowRoot?.querySelector('.registries:not(.events) li:last-child .error'));
    assert.match(await options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('.registries:not(.events) li:last-child').textContent), /refusée : le serveur la redirige en http ou vers un autre site/);
    await options.close();
    assert.equal((await ext.badge(garde.tabId)).text, '✓', 'the copy held still flags its member');
    assert.equal((await ext.badge(piege.tabId)).text, '', 'the redirected feed’s member is not taken');
  }
  // Positive control: a redirect that stays on https and on the feed's origin is followed.
  sites.redirects.set('feeds-secure.test/secure/members.json', moved);
  assert.equal((await ext.refreshNow())[secure].outcome, 'updated');
  await ext.waitForBadge(piege.tabId, '✓');

  sites.redirects.delete('feeds-secure.test/secure/members.json');
  await follow(saved.registries);
  await garde.page.close();
  await piege.page.close();
});

test('a feed dated in the future (a typo) does not block the correction that follows', async () => {
  const saved = await subscriptions();
  const feed = sampleFeed();
  const typo = { ...feed, updated: '2062-11-30T09:00:00+01:00', cluster: { ...feed.cluster, name: 'Registre daté' }, members: [{ ...feed.members[6], id: 'typo', name: 'Typo (exemple)', domains: ['date-typo.example'] }] };
  const url = sites.setFeed('/future/members.json', typo);
  moreFeeds.push(url);
  await follow([...saved.registries, url]);
  const before = await openTab(sites.url('www.date-typo.example'));
  await ext.waitForBadge(before.tabId, '✓');
  const corrected = { ...typo, updated: new Date().toISOString(), members: [{ ...typo.members[0], id: 'corrige', name: 'Corrigé (exemple)', domains: ['corrige.example'] }] };
  sites.setFeed('/future/members.json', corrected);
  assert.equal((await ext.refreshNow())[url].outcome, 'updated', 'the correction, dated now, is taken');
  const after = await openTab(sites.url('www.corrige.example'));
  await ext.waitForBadge(after.tabId, '✓');
  await before.page.reload({ waitUntil: 'load' });
  await ext.waitForBadge(before.tabId, '');
  await follow(saved.registries);
  await before.page.close();
  await after.page.close();
});

test('popup and options pass axe in French and English, light and dark', async () => {
  const member = await openTab(sites.url('www.kaliop.com'));
  const other = await openTab(sites.url('example.org'));
  for (const language of ['fr', 'en']) {
    await ext.inWorker((l) => chrome.storage.local.set({ language: l }), language);
    for (const scheme of ['light', 'dark']) {
      for (const tabId of [member.tabId, other.tabId]) {
        const popup = await ext.browser.newPage();
        await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await popup.goto(ext.page('popup.html', `?tab=${tabId}`), { waitUntil: 'load' });
        await popup.waitForFunction(() => document.querySelector('fsd-extension-popup')?.shadowRoot?.querySelector('h1, #search'));
        assert.equal(await popup.$eval('html', (html) => html.lang), language);
        assert.deepEqual(await runAxe(popup), [], `popup, ${language}, ${scheme}, tab ${tabId}`);
        await popup.close();
      }
      const options = await ext.browser.newPage();
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await options.goto(ext.page('options.html'), { waitUntil: 'load' });
      await options.waitForFunction(() => document.querySelector('fsd-extension-options')?.shadowRoot?.querySelector('h2'));
      const heading = await options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('h2').textContent);
      assert.equal(heading, language === 'fr' ? 'Registres de membres' : 'Member registries');
      assert.deepEqual(await runAxe(options), [], `options, ${language}, ${scheme}`);
      await options.close();
    }
  }
  await ext.inWorker(() => chrome.storage.local.set({ language: 'fr' }));
  await member.page.close();
  await other.page.close();
});

test('shipped manifests ask for no host at install; sites are optional', () => {
  for (const browser of ['chrome', 'firefox']) {
    const manifest = JSON.parse(readFileSync(join(DIST, browser, 'manifest.json'), 'utf8'));
    assert.equal(manifest.host_permissions, undefined, browser);
    assert.deepEqual(manifest.permissions, ['storage', 'alarms', 'tabs', 'scripting'], browser);
    assert.deepEqual(manifest.optional_host_permissions, ['*://*/*'], browser);
    // The extension's pages show images from the extension and blob: URLs only (a logo is fetched, then shown).
    assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self'; object-src 'self'; img-src 'self' blob:", browser);
  }
});

// Last: closes the browser, so that the NetLog is complete.
test('over the whole run, logos on included, the extension requested nothing but the feeds (and a logo beside its feed)', async () => {
  const id = ext.id;
  await ext.close();
  ext = undefined;
  const urls = requestedUrls(netLog);
  const byExtension = urls.filter((r) => `${r.initiator} ${r.isolation}`.includes(`chrome-extension://${id}`));
  const feeds = new Set([
    'https://www.frenchsouth.digital/feeds/members.json',
    'https://www.frenchsouth.digital/feeds/events.json',
    ...['members', 'events', 'digitalplace', 'logos'].map((name) => sites.url('feeds.frenchsouth.test', `/feeds/${name}.json`)),
    // With logos on, a logo hosted beside its registry's feed (same origin), and no other: the one redirected
    // elsewhere was asked for at the feed's origin, its redirect not followed.
    logoBesideFeed(),
    sites.url('feeds.frenchsouth.test', '/feeds/logos/moved.svg'),
    // The feeds the trust tests followed, and the targets of the feed redirects they made: the browser follows a
    // feed's redirect before the client sees where it leads; the answer is then refused unread.
    ...moreFeeds,
  ]);
  assert.ok(byExtension.some(({ url }) => feeds.has(url)), 'the feed requests are in the log');
  assert.deepEqual(byExtension.filter(({ url }) => !feeds.has(url)), []);
});
