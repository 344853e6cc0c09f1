// End-to-end: the built extension in headless Chromium (the system's), on pages served under member and
// non-member host names. One browser runs the shipped Chrome build for the whole file; Chromium's NetLog
// records every request it makes, checked at the end: the extension contacts no host but the feeds'.
/* global chrome */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, launchWithExtension, linksPage, sampleFeed, startSites } from '../../../tools/extension.mjs';
import { runAxe } from '../../../tools/axe.mjs';
import { requestedUrls } from './netlog.mjs';

let sites;
let ext;
const netLog = join(mkdtempSync(join(tmpdir(), 'fsd-netlog-')), 'net.json');

before(async () => {
  sites = await startSites();
  sites.pages.set('*', (url) => linksPage(`Le site de ${url.hostname}`, [['https://www.frenchsouth.digital/', 'FrenchSouth.digital']]));
  ext = await launchWithExtension(join(DIST, 'chrome'), { netLog });
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
  const cases = [
    ['blog.kaliop.com', '✓'],
    ['KALIOP.fr', '✓'],
    ['notkaliop.com', ''],
    ['kaliop.com.example.org', ''],
    ['example.org', ''],
    ['www.pixel-nimois.example', ''], // a member whose membership lapsed on 31 December 2024
  ];
  for (const [host, text] of cases) {
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

async function waitFor(predicate, what, timeout = 10_000) {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}


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
  assert.equal(badge.title, 'Garonne Logiciels (exemple) : membre de DigitalPlace');
  // An internationalised domain name, typed in Unicode, reaches the browser in punycode: still flagged.
  const idn = await openTab(sites.url('www.café-numérique.example'));
  assert.match(idn.page.url(), /xn--/);
  assert.equal((await ext.waitForBadge(idn.tabId, '✓')).title, 'Le Café Numérique (exemple) : membre de DigitalPlace');
  await idn.page.close();
  const popup = await openPopup(tabId);
  assert.match((await shadowText(popup, 'article'))[0], /Membre de DigitalPlace.*Toulouse/);
  assert.equal(await popup.$eval('fsd-extension-popup', (el) => el.shadowRoot.querySelector('article a').href), 'https://www.digitalplace.fr/annuaire/garonne-logiciels');
  await popup.close();

  // Removing the registry in the options page stops flagging its members.
  const options = await ext.browser.newPage();
  await options.goto(ext.page('options.html'), { waitUntil: 'load' });
  await options.bringToFront();
  await options.waitForSelector('fsd-extension-options >>> .registries li:last-child button');
  assert.match(await options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('.registries li:last-child button').textContent), /Retirer DigitalPlace/);
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
      return node && (node.localName !== 'img' || (node.complete && node.naturalWidth > 0));
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
  // Positive control, opened after: the logo beside the feed loads.
  assert.deepEqual(await logoOf('www.atelier-maison.example'), { img: logoBesideFeed() });
  assert.equal(sites.log.filter((r) => r.path === '/feeds/logos/atelier-maison.svg').length, 1);
  assert.deepEqual(sites.log.filter((r) => r.host === 'cdn.logos-ailleurs.example'), [], 'the host of the other logo learnt nothing');
  await ext.inWorker((list) => chrome.storage.local.set({ registries: list, showLogos: false }), before);
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
    // With logos on, a logo hosted beside its registry's feed (same origin), and no other.
    logoBesideFeed(),
  ]);
  assert.ok(byExtension.some(({ url }) => feeds.has(url)), 'the feed requests are in the log');
  assert.deepEqual(byExtension.filter(({ url }) => !feeds.has(url)), []);
});
