// End-to-end: link annotation in real Chromium. The extension is the shipped Chrome build with the hosts granted in
// its manifest (headless Chromium shows the permission prompt to nobody; see grantedCopy in tools/extension.mjs),
// turned on for one site from the popup as a user would.
/* global chrome */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { grantedCopy, launchWithExtension, linksPage, sampleFeed, startSites, waitFor } from '../../../tools/extension.mjs';
import { runAxe } from '../../../tools/axe.mjs';

let sites;
let ext;
let copy;

const LINKS = [
  ['https://www.kaliop.com/', 'Kaliop, agence web'],
  ['http://blog.kaliop.com/article', 'le blog de Kaliop'],
  ['https://notkaliop.com/', 'NotKaliop'],
  ['https://example.org/', 'Example'],
  ['https://www.AWOX.com./produits', 'AwoX'],
  ['mailto:contact@kaliop.com', 'écrire à Kaliop'],
  ['/local', 'une page du journal'],
];

// Links added after load, the way a news site loads comments or "read more" blocks.
const LATER = `
setTimeout(() => {
  const box = document.createElement('div');
  box.id = 'later';
  box.innerHTML = '<p>Voir aussi <a href="https://www.rgsystem.com/">RG Systèmes</a> et <a href="https://www.lemonde.fr/">Le Monde</a>.</p>';
  document.querySelector('main').append(box);
  const item = document.createElement('li');
  item.innerHTML = '<span><a href="https://sanofi.fr/">Sanofi</a></span>';
  document.getElementById('links').append(item);
}, 300);
`;

// A site whose CSS would wreck anything injected into its links.
const HOSTILE = 'a * { display: block !important; width: 300px !important; height: 80px !important; background: red !important; }';

before(async () => {
  sites = await startSites();
  sites.files.set('/later.js', LATER);
  sites.pages.set('/article', () => linksPage('Midi Libre : le numérique régional', LINKS, { script: '/later.js' }).replace('</style>', `${HOSTILE}</style>`));
  sites.pages.set('*', linksPage('Une page', []));
  copy = grantedCopy('chrome');
  ext = await launchWithExtension(copy.dir);
  await ext.inWorker(() => chrome.storage.local.set({ language: 'fr' }));
});
after(async () => {
  await ext?.close();
  await sites?.close();
  copy?.remove();
});

/**
 * The positive signal before asserting that a page was left alone: a control page on `host`, where annotation is on,
 * opened after the page under test, gets its five marks (links added after load included). By then the extension
 * has had every chance to mark the page under test too, had it wrongly run there; a busy machine only delays both.
 */
async function controlMarked(host) {
  const control = await ext.browser.newPage();
  // Its own address (a query), so that no later look-up of a tab by URL can find this closed tab.
  await control.goto(sites.url(host, '/article?control'), { waitUntil: 'load' });
  await control.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 5, { timeout: 10_000 });
  await control.close();
}

const rects = (page) => page.$$eval('a', (links) => links.map((a) => JSON.stringify(a.getBoundingClientRect())));
// Each marked link: its text, its member, and what its description (aria-describedby) says to screen readers.
const marked = (page) =>
  page.$$eval('a[data-fsd-member]', (links) =>
    links.map((a) => [a.textContent, a.dataset.fsdMember, document.getElementById(a.getAttribute('aria-describedby'))?.textContent]),
  );
/** The marks drawn in the annotation's layer, outside the page's flow. */
const drawn = (page) => page.evaluate(() => document.querySelector('fsd-link-marks')?.shadowRoot?.querySelectorAll('.mark:not([hidden])').length ?? 0);

test('turned on from the popup, links to members get a marker and data-fsd-member, the layout does not move', async () => {
  const page = await ext.browser.newPage();
  const url = sites.url('www.midilibre-test.fr', '/article');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#later a');
  const before = await rects(page);
  assert.deepEqual(await marked(page), [], 'nothing is marked before the user turns it on');

  const tabId = await ext.tabIdOf(page.url());
  const popup = await ext.browser.newPage();
  await popup.goto(ext.page('popup.html', `?tab=${tabId}`), { waitUntil: 'load' });
  await popup.waitForSelector('fsd-extension-popup >>> .annotate button');
  assert.equal(await popup.$eval('fsd-extension-popup', (el) => el.shadowRoot.querySelector('.annotate button').getAttribute('aria-pressed')), 'false');
  await popup.click('fsd-extension-popup >>> .annotate button');
  await popup.waitForFunction(() => document.querySelector('fsd-extension-popup').shadowRoot.querySelector('.annotate button').getAttribute('aria-pressed') === 'true');
  await popup.close();

  await page.bringToFront();
  await page.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 5, { timeout: 10_000 });
  assert.deepEqual((await marked(page)).sort(), [
    ['AwoX', 'awox', 'Membre de FrenchSouth.digital : AwoX'],
    ['Kaliop, agence web', 'kaliop', 'Membre de FrenchSouth.digital : Kaliop'],
    ['RG Systèmes', 'rg-systemes', 'Membre de FrenchSouth.digital : RG Systèmes'],
    ['Sanofi', 'sanofi', 'Membre de FrenchSouth.digital : Sanofi'],
    ['le blog de Kaliop', 'kaliop', 'Membre de FrenchSouth.digital : Kaliop'],
  ]);
  assert.deepEqual(await rects(page), before, 'every link keeps its box, even under the page’s hostile CSS');
  const title = await page.$eval('a[data-fsd-member="kaliop"]', (a) => a.textContent);
  assert.equal(title, 'Kaliop, agence web', 'the link’s text is unchanged');
  assert.deepEqual(await runAxe(page), []);

  assert.equal(await page.$$eval('a fsd-link-marks, a fsd-member-mark', (nodes) => nodes.length), 0, 'nothing is inserted into the links');
  await page.waitForFunction(() => document.querySelector('fsd-link-marks')?.shadowRoot?.querySelectorAll('.mark:not([hidden])').length === 5);

  // The page's own behaviour: the marks take no click; a click on the link's last letter, under the mark, is a
  // click on the link, as the page's handler sees it.
  await page.$eval('a[data-fsd-member="kaliop"]', (a) =>
    a.addEventListener('click', (event) => {
      event.preventDefault();
      window.__clicked = a.textContent;
    }),
  );
  const end = await page.$eval('a[data-fsd-member="kaliop"]', (a) => {
    const box = [...a.getClientRects()].at(-1);
    return { x: box.right - 2, y: box.top + 2 };
  });
  assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, end), 'a', 'the layer takes no pointer events');
  await page.mouse.click(end.x, end.y);
  assert.equal(await page.evaluate(() => window.__clicked), 'Kaliop, agence web');
  await page.close();
});

test('on the next visit the registered script marks links by itself, including links added after load', async () => {
  const page = await ext.browser.newPage();
  await page.goto(sites.url('www.midilibre-test.fr', '/article'), { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 5, { timeout: 10_000 });
  const later = await page.$$eval('#later a', (links) => links.map((a) => a.dataset.fsdMember ?? null));
  assert.deepEqual(later, ['rg-systemes', null]);
  // A link whose address changes is checked again.
  await page.$eval('a[href="https://example.org/"]', (a) => (a.href = 'https://www.edf.fr/'));
  await page.waitForFunction(() => document.querySelector('a[href="https://www.edf.fr/"]')?.dataset.fsdMember === 'edf');
  await page.close();
});

// Elements named like the script's state and its API: an element with an id (or a form with a name) shows on the
// page's global object under that name, in the content scripts' world too; a form's named controls show on it.
const CLOBBER = [
  '<div id="__fsdAnnotating"></div><form name="__fsdAnnotating"></form><div id="fsd.annotating"></div>',
  // What the WebExtension polyfill looks for: `browser.runtime.id`.
  '<form id="browser"><input name="runtime" id="clobbered"><input name="storage"><input name="i18n"></form>',
  '<form name="chrome"><input name="runtime" id="clobbered-too"></form>',
  '<img name="known"><img name="queue"><div id="running"></div><div id="sheet"></div><div id="work"></div>',
].join('');

test('a page cannot keep annotation off, or mislead it, with elements named like its state or its API', async () => {
  sites.pages.set(
    '/clobber',
    linksPage('Une page piégée', [
      ['https://www.kaliop.com/', 'Kaliop'],
      ['https://example.org/', 'Example'],
    ]).replace('<main>', `<main>${CLOBBER}`),
  );
  const page = await ext.browser.newPage();
  await page.goto(sites.url('www.midilibre-test.fr', '/clobber'), { waitUntil: 'load' });
  assert.equal(await page.evaluate(() => typeof window.browser), 'object', 'the page’s form does show as window.browser');
  await page.waitForFunction(() => document.querySelector('a[href="https://www.kaliop.com/"]')?.dataset.fsdMember === 'kaliop', { timeout: 10_000 });
  assert.deepEqual(await marked(page), [['Kaliop', 'kaliop', 'Membre de FrenchSouth.digital : Kaliop']], 'annotated correctly: the member only, with its registry');
  await page.close();
});

// A page whose Content-Security-Policy allows no inline style (no style attribute, no <style> element).
const STRICT = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'">
<title>Une page stricte</title><script src="/csp-watch.js"></script></head>
<body><main><h1>Une page stricte</h1><p><a href="https://www.kaliop.com/">Kaliop</a> et <a href="https://example.org/">Example</a></p></main></body></html>`;
const CSP_WATCH = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));`;

test('under a strict Content-Security-Policy (no inline style), the marker keeps its styles and breaks no rule', async () => {
  sites.pages.set('/strict', STRICT);
  sites.files.set('/csp-watch.js', CSP_WATCH);
  const page = await ext.browser.newPage();
  await page.goto(sites.url('www.midilibre-test.fr', '/strict'), { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('fsd-link-marks')?.shadowRoot?.querySelector('.mark:not([hidden])'));
  const box = await page.$eval('fsd-link-marks', (layer) => {
    const style = getComputedStyle(layer);
    const mark = getComputedStyle(layer.shadowRoot.querySelector('.mark:not([hidden])'));
    return { position: style.position, overflow: style.overflow, pointer: style.pointerEvents, attribute: layer.getAttribute('style'), mark: mark.display, radius: mark.borderRadius };
  });
  assert.deepEqual(box, { position: 'absolute', overflow: 'visible', pointer: 'none', attribute: null, mark: 'block', radius: '50%' });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});

test('a site not turned on is left alone', async () => {
  const page = await ext.browser.newPage();
  await page.goto(sites.url('www.other-news.fr', '/article'), { waitUntil: 'load' });
  await page.waitForSelector('#later a');
  await controlMarked('www.midilibre-test.fr');
  await page.bringToFront();
  assert.deepEqual(await marked(page), []);
  const registered = await ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches));
  assert.deepEqual(registered, [['*://www.midilibre-test.fr/*']]);
  await page.close();
});

test('turned off from the popup, the script is unregistered', async () => {
  const page = await ext.browser.newPage();
  await page.goto(sites.url('www.midilibre-test.fr', '/article'), { waitUntil: 'load' });
  const tabId = await ext.tabIdOf(page.url());
  const popup = await ext.browser.newPage();
  await popup.goto(ext.page('popup.html', `?tab=${tabId}`), { waitUntil: 'load' });
  await popup.waitForSelector('fsd-extension-popup >>> .annotate button[aria-pressed="true"]');
  await popup.click('fsd-extension-popup >>> .annotate button');
  await popup.waitForSelector('fsd-extension-popup >>> .annotate button[aria-pressed="false"]');
  await popup.close();
  const start = Date.now();
  let registered;
  do {
    registered = await ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
  } while (registered && Date.now() - start < 5000);
  assert.equal(registered, 0);
  // A control site, turned on behind the scenes (as the popup's button would), gives the positive signal.
  const scripts = async () => ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches));
  await ext.inWorker(() => chrome.storage.local.set({ annotateSites: ['www.control-news.fr'] }));
  while (JSON.stringify(await scripts()) !== JSON.stringify([['*://www.control-news.fr/*']]) && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await scripts(), [['*://www.control-news.fr/*']]);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#later a');
  await controlMarked('www.control-news.fr');
  await page.bringToFront();
  assert.deepEqual(await marked(page), []);
  await ext.inWorker(() => chrome.storage.local.set({ annotateSites: [] }));
  while ((await scripts()).length && Date.now() - start < 15_000) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await scripts(), []);
  await page.close();
});

test('on every site from the options page, with a site left out from the popup', async () => {
  const options = await ext.browser.newPage();
  await options.goto(ext.page('options.html'), { waitUntil: 'load' });
  await options.bringToFront();
  await options.waitForSelector('fsd-extension-options >>> .check input');
  await options.click('fsd-extension-options >>> .check input');
  const registered = async () => ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.matches, s.excludeMatches ?? []]));
  const start = Date.now();
  while (JSON.stringify(await registered()) !== JSON.stringify([[['*://*/*'], []]]) && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await registered(), [[['*://*/*'], []]]);

  const page = await ext.browser.newPage();
  await page.goto(sites.url('www.other-news.fr', '/article'), { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 5, { timeout: 10_000 });

  await switchAnnotation(await ext.tabIdOf(page.url()), true);
  while (JSON.stringify(await registered()) === JSON.stringify([[['*://*/*'], []]]) && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await registered(), [[['*://*/*'], ['*://www.other-news.fr/*']]]);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#later a');
  await controlMarked('www.third-news.fr');
  await page.bringToFront();
  assert.deepEqual(await marked(page), [], 'the site left out is not annotated');
  await options.bringToFront();
  await options.waitForFunction(() => document.querySelector('fsd-extension-options').shadowRoot.querySelector('.sites')?.textContent.includes('www.other-news.fr'));

  await options.click('fsd-extension-options >>> .check input');
  while ((await registered()).length && Date.now() - start < 15_000) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await registered(), []);
  await options.close();
  await page.close();
});

/** Clicks the popup's annotation switch for the tab, which must show `from` (aria-pressed), and waits until it shows the other state. */
async function switchAnnotation(tabId, from) {
  const popup = await ext.browser.newPage();
  await popup.goto(ext.page('popup.html', `?tab=${tabId}`), { waitUntil: 'load' });
  // Clicked once the popup is drawn: a click sent as soon as it loaded was once lost in a CI run (the switch kept
  // its state for 30 s), and a visitor cannot click what is not on the screen yet.
  await popup.waitForSelector(`fsd-extension-popup >>> .annotate button[aria-pressed="${from}"]`);
  await popup.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  await popup.click(`fsd-extension-popup >>> .annotate button[aria-pressed="${from}"]`);
  await popup.waitForSelector(`fsd-extension-popup >>> .annotate button[aria-pressed="${!from}"]`);
  await popup.close();
}

test('turned off for a site, an open page loses its marks and stops watching; turned on again, it marks again', async () => {
  const host = 'www.toggle-news.fr';
  const control = 'www.toggle-control.fr';
  const registered = async () => ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [...s.matches].sort()));
  const start = Date.now();
  await ext.inWorker((list) => chrome.storage.local.set({ annotateAll: false, annotateExcept: [], annotateSites: list }), [host, control]);
  const both = [[`*://${control}/*`, `*://${host}/*`]];
  while (JSON.stringify(await registered()) !== JSON.stringify(both) && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await registered(), both);

  const page = await ext.browser.newPage();
  await page.goto(sites.url(host, '/article'), { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 5, { timeout: 10_000 });
  const tabId = await ext.tabIdOf(page.url());
  const marks = async () => ({ links: await page.evaluate(() => document.querySelectorAll('a[data-fsd-member]').length), marks: await drawn(page) });
  await waitFor(async () => (await marks()).marks === 5, 'the five marks to be drawn');
  assert.deepEqual(await marks(), { links: 5, marks: 5 });

  // Off, from the popup (it writes the settings): the open page loses its marks at once, without a reload.
  await switchAnnotation(tabId, true);
  await page.waitForFunction(() => !document.querySelector('a[data-fsd-member], a[aria-describedby], fsd-link-marks'), { timeout: 10_000 });
  assert.deepEqual(await marks(), { links: 0, marks: 0 });
  assert.equal(await page.$eval('a[href="https://www.kaliop.com/"]', (a) => a.textContent), 'Kaliop, agence web', 'the link is as the page wrote it');

  // Stopped: a member's link added now is left alone. The positive signal: a control page, still on and opened
  // after, marks its links, including those its script adds after load.
  await page.evaluate(() => {
    const box = document.createElement('p');
    box.id = 'after-off';
    box.innerHTML = '<a href="https://www.edf.fr/">EDF</a>';
    document.querySelector('main').append(box);
  });
  await controlMarked(control);
  await page.bringToFront();
  assert.deepEqual(await marks(), { links: 0, marks: 0 }, 'the observer stopped with the annotation');

  // On again, from the popup: the script is injected anew and starts afresh, the link added meanwhile included.
  await switchAnnotation(tabId, false);
  await page.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 6, { timeout: 10_000 });
  await waitFor(async () => (await marks()).marks === 6, 'the six marks to be drawn');
  assert.deepEqual(await marks(), { links: 6, marks: 6 });
  assert.equal(await page.$eval('#after-off a', (a) => a.dataset.fsdMember), 'edf');
  // And it watches the page again.
  await page.evaluate(() => {
    const box = document.createElement('p');
    box.id = 'after-on';
    box.innerHTML = '<a href="https://sanofi.fr/vaccins">Sanofi</a>';
    document.querySelector('main').append(box);
  });
  await page.waitForFunction(() => document.querySelector('#after-on a')?.dataset.fsdMember === 'sanofi', { timeout: 10_000 });
  await waitFor(async () => (await marks()).marks === 7, 'the seven marks to be drawn');
  assert.deepEqual(await marks(), { links: 7, marks: 7 });

  await ext.inWorker(() => chrome.storage.local.set({ annotateSites: [] }));
  while ((await registered()).length && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await registered(), []);
  await page.close();
});

test('the script remembers at most 5,000 link hosts, forgetting the oldest: a page with 5,101 distinct hosts', async () => {
  const host = 'www.cache-news.fr';
  const registered = async () => ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches));
  await ext.inWorker((h) => chrome.storage.local.set({ annotateAll: false, annotateExcept: [], annotateSites: [h] }), host);
  const start = Date.now();
  while (JSON.stringify(await registered()) !== JSON.stringify([[`*://${host}/*`]]) && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
  // Every host the content script asks the background about, seen by a second listener in the worker.
  await ext.inWorker(() => {
    globalThis.__asked = [];
    chrome.runtime.onMessage.addListener((message) => {
      if (message?.name === 'lookup-hosts') globalThis.__asked.push(...message.payload.hosts);
    });
  });
  const asked = (name) => ext.inWorker((n) => globalThis.__asked.filter((h) => h === n).length, name);
  const links = Array.from({ length: 5_100 }, (_, i) => [`https://h${i}.example/`, `site ${i}`]);
  sites.pages.set('/many', linksPage('Beaucoup de liens', [...links, ['https://www.kaliop.com/', 'Kaliop']]));
  const page = await ext.browser.newPage();
  await page.goto(sites.url(host, '/many'), { waitUntil: 'load' });
  // The last link marked: every host was asked about once, in the page's order (5,101 hosts, one over the cap and 100).
  await page.waitForFunction(() => document.querySelector('a[href="https://www.kaliop.com/"]')?.dataset.fsdMember === 'kaliop', { timeout: 20_000 });
  assert.equal(await ext.inWorker(() => globalThis.__asked.length), 5_101);
  assert.equal(await ext.inWorker(() => new Set(globalThis.__asked).size), 5_101);
  // Two links added: h101 (the oldest host kept) and h100 (the newest forgotten), then Kaliop's again.
  await page.evaluate(() => {
    const box = document.createElement('p');
    box.innerHTML = '<a href="https://h101.example/x">101</a> <a href="https://h100.example/x">100</a>';
    document.querySelector('main').append(box);
  });
  await waitFor(async () => (await asked('h100.example')) === 2, 'h100.example to be asked about again');
  assert.equal(await asked('h101.example'), 1, 'h101.example is still known: exactly 5,000 hosts are kept');
  assert.equal(await asked('www.kaliop.com'), 1);
  await ext.inWorker(() => chrome.storage.local.set({ annotateSites: [] }));
  await page.close();
});

test('members’ logos load only once the user turns them on in the options, without a referrer', async () => {
  const feed = sampleFeed();
  sites.files.set('/feeds/logos/kaliop.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><rect width="10" height="10" fill="#0b5a87"/></svg>');
  // A logo relative to the feed, as the cluster would host it beside the feed.
  const kaliop = { ...feed.members[0], logo: 'logos/kaliop.svg' };
  const url = sites.setFeed('/feeds/logos.json', { ...feed, members: [kaliop, ...feed.members.slice(1)] });
  await ext.inWorker((u) => chrome.storage.local.set({ registries: [u] }), url);
  const fetched = async () => ext.inWorker((u) => chrome.storage.local.get('refreshLog').then((r) => r.refreshLog?.[u]?.ok), url);
  const start = Date.now();
  while (!(await fetched()) && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));

  const page = await ext.browser.newPage();
  await page.goto(sites.url('www.kaliop.com'), { waitUntil: 'load' });
  const tabId = await ext.tabIdOf(page.url());
  const logoRequests = () => sites.log.filter((r) => r.path === '/feeds/logos/kaliop.svg');
  const popupLogo = async () => {
    const popup = await ext.browser.newPage();
    await popup.goto(ext.page('popup.html', `?tab=${tabId}`), { waitUntil: 'load' });
    // Settled: the initials, or an image that finished loading (or failing).
    await popup.waitForFunction(() => {
      const node = document.querySelector('fsd-extension-popup')?.shadowRoot?.querySelector('.logo');
      return node && (node.localName === 'img' ? node.complete : node.dataset.logo !== 'loading');
    });
    const logo = await popup.$eval('fsd-extension-popup', (el) => {
      const node = el.shadowRoot.querySelector('.logo');
      return node.localName === 'img' ? { img: node.src, width: node.naturalWidth } : { initials: node.textContent };
    });
    await popup.close();
    return logo;
  };
  assert.deepEqual(await popupLogo(), { initials: 'KA' });
  assert.equal(logoRequests().length, 0, 'no logo request while logos are off');

  const options = await ext.browser.newPage();
  await options.goto(ext.page('options.html'), { waitUntil: 'load' });
  await options.bringToFront();
  await options.waitForSelector('fsd-extension-options >>> input[aria-describedby="logos-help"]');
  await options.click('fsd-extension-options >>> input[aria-describedby="logos-help"]');
  while (!(await ext.inWorker(() => chrome.storage.local.get('showLogos').then((r) => r.showLogos))) && Date.now() - start < 15_000) await new Promise((r) => setTimeout(r, 50));
  await options.close();

  const shown = await popupLogo();
  // Fetched by the popup (no redirect followed), shown from a blob.
  assert.match(shown.img, new RegExp(`^blob:chrome-extension://${ext.id}/`));
  assert.ok(shown.width > 0, 'the logo loaded');
  assert.equal(logoRequests().length, 1);
  assert.equal(logoRequests()[0].referer, undefined, 'no referrer sent with the logo');
  await page.close();
});
