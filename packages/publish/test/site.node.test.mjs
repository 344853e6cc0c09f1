// End to end: the sample sheets published (as `npm start` does) and the site served locally with its own _headers,
// in headless Chromium: profile pages without JavaScript, their JSON-LD against the schema.org types used, the
// directory enhancing the static list in place, the published calendars re-parsed with ical.js, feeds' headers.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import { runAxe } from '../../../tools/axe.mjs';
import { openExamples } from '../../../tools/server.mjs';
import { openPage, settledWidgets } from '../../../test/helpers/pages.mjs';
import { fsdPublish, root, tempDir } from './helpers.mjs';

let tmp;
let context;
let base;

before(async () => {
  tmp = tempDir();
  context = await openExamples({ mounts: [['/pub/', tmp.dir, { headers: true }]] });
  base = `${context.origin}/pub/`;
  const { code, stdout } = await fsdPublish([
    '--members', join(root, 'examples/publish/membres.csv'),
    '--events', join(root, 'examples/publish/evenements.csv'),
    '--out', tmp.dir, '--base-url', base, '--today', '2026-12-03', '--updated', '2026-12-01T09:00:00+01:00',
  ]);
  assert.equal(code, 0, stdout);
});

after(async () => {
  await context?.close();
  tmp?.remove();
});

/** A page with JavaScript off, as a search engine or a reader without scripts gets it. */
async function withoutScripts(url, read) {
  const browserContext = await context.browser.createBrowserContext();
  const page = await browserContext.newPage();
  await page.setJavaScriptEnabled(false);
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.equal(response.status(), 200, url);
  try {
    return await page.evaluate(read);
  } finally {
    await browserContext.close();
  }
}

const basics = () => ({
  lang: document.documentElement.lang,
  title: document.title,
  h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
  landmarks: ['header', 'main', 'footer', 'nav'].map((tag) => document.querySelectorAll(tag).length),
  skip: document.querySelector('a.skip')?.getAttribute('href'),
  hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.href),
  text: document.body.innerText,
  jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
});

test('a profile page reads without JavaScript: lang, title, one h1, landmarks, the badge state and its domains', async () => {
  const fr = await withoutScripts(`${base}membres/kaliop/`, basics);
  assert.equal(fr.lang, 'fr');
  assert.equal(fr.title, 'Kaliop – membre de FrenchSouth.digital');
  assert.deepEqual(fr.h1, ['Kaliop']);
  assert.ok(fr.landmarks.every((n) => n >= 1), String(fr.landmarks));
  assert.equal(fr.skip, '#contenu');
  assert.match(fr.text, /Membre vérifié\. Kaliop est membre de FrenchSouth\.digital depuis le 5 mai 2015/);
  assert.match(fr.text, /kaliop\.com\s+kaliop\.fr/);
  assert.match(fr.text, /« non vérifié »/);
  assert.match(fr.text, /Meetup web de Montpellier/, 'its own calendar’s events');
  assert.ok(fr.hrefs.every((href) => /^(https?|webcal|mailto):/.test(href)), fr.hrefs.join(' '));
  assert.ok(fr.hrefs.includes(`${base}en/members/kaliop/`));

  const en = await withoutScripts(`${base}en/members/kaliop/`, basics);
  assert.equal(en.lang, 'en');
  assert.deepEqual(en.h1, ['Kaliop']);
  assert.match(en.text, /Verified member\. Kaliop has been a member of FrenchSouth\.digital since 5 May 2015/);

  const lapsed = await withoutScripts(`${base}membres/pixel-nimois/`, basics);
  assert.match(lapsed.text, /Adhésion expirée\. Pixel Nîmois \(exemple\) a été membre de FrenchSouth\.digital du 5 mai 2015 au 31 décembre 2024/);
});

// The schema.org properties these pages use, by type (https://schema.org/Organization, /PostalAddress): the ones
// of Thing and of the type itself. Every property written must be one of them; name and url are expected.
const SCHEMA = {
  Organization: ['name', 'url', 'description', 'logo', 'address', 'memberOf', 'keywords', 'mainEntityOfPage', 'sameAs', 'email'],
  PostalAddress: ['addressLocality', 'addressCountry', 'addressRegion', 'postalCode', 'streetAddress'],
};

function checkThing(thing, where) {
  const type = thing['@type'];
  assert.ok(SCHEMA[type], `${where}: @type ${type}`);
  for (const key of Object.keys(thing)) if (!key.startsWith('@')) assert.ok(SCHEMA[type].includes(key), `${where}: ${type} has no property ${key}`);
  for (const [key, value] of Object.entries(thing)) if (value && typeof value === 'object' && value['@type']) checkThing(value, `${where}.${key}`);
}

test('each profile’s JSON-LD is a schema.org Organization, member of the cluster’s Organization', async () => {
  const members = JSON.parse(readFileSync(join(tmp.dir, 'feeds/members.json'), 'utf8')).members;
  for (const member of members) {
    const { jsonLd } = await withoutScripts(`${base}membres/${member.id}/`, basics);
    assert.equal(jsonLd.length, 1);
    const data = JSON.parse(jsonLd[0]);
    assert.equal(data['@context'], 'https://schema.org');
    checkThing(data, member.id);
    assert.equal(data.name, member.name);
    assert.equal(new URL(data.url).href, member.website);
    assert.equal(data.address.addressLocality, member.city);
    assert.deepEqual(data.memberOf, { '@type': 'Organization', '@id': 'https://www.frenchsouth.digital/#organization', name: 'FrenchSouth.digital', url: 'https://www.frenchsouth.digital/' });
    assert.equal(data.mainEntityOfPage, `${base}membres/${member.id}/`);
  }
});

test('the member feed’s profileUrl points at these pages', () => {
  const feed = JSON.parse(readFileSync(join(tmp.dir, 'feeds/members.json'), 'utf8'));
  assert.equal(feed.cluster.profileUrl, `${base}membres/{id}/`);
});

test('the member list reads without JavaScript, and the directory widget takes its place once defined', async () => {
  const plain = await withoutScripts(`${base}membres/`, () => ({
    ...{ h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()), lang: document.documentElement.lang },
    links: [...document.querySelectorAll('.static-list a')].map((a) => a.getAttribute('href')),
    shown: getComputedStyle(document.querySelector('.static-list')).display,
  }));
  assert.deepEqual(plain.h1, ['Les membres de FrenchSouth.digital']);
  assert.equal(plain.links.length, 11);
  assert.ok(plain.links.includes('../membres/kaliop/'));
  assert.notEqual(plain.shown, 'none');

  const { page, errors, close } = await openPage(context.browser, `${base}membres/`);
  await settledWidgets(page, 'fsd-member-directory', ['ready']);
  const enhanced = await page.evaluate(() => {
    const root = document.querySelector('fsd-member-directory').shadowRoot;
    return {
      shown: getComputedStyle(document.querySelector('.static-list')).display,
      count: root.querySelector('.dir__count').textContent.trim(),
      names: [...root.querySelectorAll('[part~="card"] .card__name')].map((n) => n.textContent.trim()),
    };
  });
  await close();
  assert.equal(enhanced.shown, 'none');
  assert.equal(enhanced.count, '10 membres', 'the lapsed member is not listed as a current one');
  assert.ok(enhanced.names.includes('Kaliop'));
  assert.deepEqual(errors, []);
});

test('the published calendars re-parse with ical.js: CRLF, folded lines, VTIMEZONE Europe/Paris, one VEVENT per event', async () => {
  const feed = JSON.parse(readFileSync(join(tmp.dir, 'feeds/events.json'), 'utf8'));
  const check = async (url, events) => {
    const response = await fetch(url);
    assert.equal(response.status, 200, url);
    assert.match(response.headers.get('content-type'), /^text\/calendar/);
    const text = await response.text();
    assert.ok(!/[^\r]\n/.test(text), `${url}: every line ends with CRLF`);
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `${url}: a line of ${Buffer.byteLength(line)} octets`);
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.getFirstSubcomponent('vtimezone').getFirstPropertyValue('tzid'), 'Europe/Paris');
    const vevents = calendar.getAllSubcomponents('vevent');
    assert.equal(vevents.length, events.length, url);
    for (const [i, vevent] of vevents.entries()) {
      const event = new ICAL.Event(vevent);
      const expected = events[i];
      assert.ok(vevent.getFirstPropertyValue('uid') && vevent.getFirstPropertyValue('dtstamp'));
      assert.equal(event.summary, expected.title.fr);
      if (expected.allDay) assert.equal(event.startDate.toString(), expected.start);
      else assert.equal(event.startDate.toJSDate().toISOString(), expected.start, expected.id);
    }
    return text;
  };
  const all = await check(feed.subscriptions.all.ics, feed.events);
  assert.match(all, /DTSTART;TZID=Europe\/Paris:20150505T183000/);
  await check(feed.subscriptions.colleges['smart-software'].ics, feed.events.filter((e) => e.college === 'smart-software'));
  await check(feed.subscriptions.members.kaliop.ics, feed.events.filter((e) => e.organizer?.id === 'kaliop'));
  assert.equal(feed.subscriptions.all.webcal, feed.subscriptions.all.ics.replace(/^http:/, 'webcal:'));
});

test('the calendar on the published home page offers "S’abonner" to the published .ics, which re-parses with every event', async () => {
  const feed = JSON.parse(readFileSync(join(tmp.dir, 'feeds/events.json'), 'utf8'));
  const { page, errors, close } = await openPage(context.browser, base);
  await settledWidgets(page, 'fsd-event-calendar', ['ready']);
  // The menu comes with the calendar's details chunk, fetched once it settled.
  await page.waitForFunction(() => document.querySelector('fsd-event-calendar').shadowRoot.querySelector('[part~="subscribe"]'), { timeout: 5000 });
  const menu = await page.evaluate(() => {
    const root = document.querySelector('fsd-event-calendar').shadowRoot;
    const details = root.querySelector('[part~="subscribe"]');
    return { label: details?.querySelector('summary').textContent.trim(), links: [...(details?.querySelectorAll('a') ?? [])].map((a) => a.href) };
  });
  await close();
  assert.deepEqual(errors, []);
  assert.equal(menu.label, 'S’abonner');
  const ics = feed.subscriptions.all.ics;
  assert.deepEqual(menu.links, [ics.replace(/^http:/, 'webcal:'), `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(ics.replace(/^http:/, 'webcal:'))}`, ics]);
  const calendar = new ICAL.Component(ICAL.parse(await (await fetch(ics)).text()));
  assert.deepEqual(calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary')), feed.events.map((e) => e.title.fr));
});

test('feeds are served with CORS and a short cache revalidated by ETag; hashed bundles are immutable', async () => {
  const feed = await fetch(`${base}feeds/members.json`);
  assert.equal(feed.headers.get('access-control-allow-origin'), '*');
  assert.equal(feed.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
  const etag = feed.headers.get('etag');
  assert.ok(etag);
  const again = await fetch(`${base}feeds/members.json`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  const ics = await fetch(`${base}feeds/events.ics`);
  assert.equal(ics.headers.get('access-control-allow-origin'), '*');

  const headers = readFileSync(join(tmp.dir, '_headers'), 'utf8');
  const hashed = /\/pub\/embed\/(fsd-member-directory\.[0-9a-f]{8}\.js)/.exec(headers)[1];
  const bundle = await fetch(`${base}embed/${hashed}`);
  assert.equal(bundle.status, 200);
  assert.equal(bundle.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.deepEqual(Buffer.from(await bundle.arrayBuffer()), readFileSync(join(root, 'packages/widgets/dist/fsd-member-directory.js')));
  const stable = await fetch(`${base}embed/fsd-member-directory.js`);
  assert.equal(stable.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
  const chunk = /from"\.\/chunks\/([^"]+)"/.exec(readFileSync(join(root, 'packages/widgets/dist/fsd-member-directory.js'), 'utf8'))?.[1];
  if (chunk) assert.equal((await fetch(`${base}embed/chunks/${chunk}`)).headers.get('cache-control'), 'public, max-age=31536000, immutable');
  // nginx and S3 say the same.
  const nginx = readFileSync(join(tmp.dir, '_deploy/nginx.conf'), 'utf8');
  assert.match(nginx, /location \/pub\/feeds\/ \{\n {4}add_header Access-Control-Allow-Origin "\*" always;/);
  assert.match(nginx, new RegExp(`${hashed.replace(/\./g, '\\\\\\.')}`));
  const s3 = readFileSync(join(tmp.dir, '_deploy/s3-upload.sh'), 'utf8');
  assert.match(s3, new RegExp(`--include "${hashed.replace(/\./g, '\\.')}".*immutable`));
});

test('pages carry the site’s Content-Security-Policy, and a member’s logo opened on its own cannot run a script', async () => {
  const page = await fetch(`${base}membres/kaliop/`);
  const policy = page.headers.get('content-security-policy');
  assert.match(policy, /(^|; )script-src 'self'(;|$)/);
  assert.match(policy, /(^|; )object-src 'none'(;|$)/);
  assert.match(policy, /(^|; )base-uri 'none'(;|$)/);
  const logoPath = /src="[^"]*(logos\/[^"]+\.svg)"/.exec(await (await fetch(`${base}membres/studio-garrigue/`)).text())?.[1];
  assert.ok(logoPath, 'the sample’s SVG logo is published under logos/');
  const logo = await fetch(`${base}${logoPath}`);
  assert.equal(logo.status, 200);
  assert.match(logo.headers.get('content-security-policy'), /(^|; )sandbox(;|$)/);
  assert.match(logo.headers.get('content-security-policy'), /default-src 'none'/);
  // A hostile logo in the published folder, opened as a page of the cluster's origin: its script does not run.
  // Its script is a file of the same origin, which the pages' own policy (script-src 'self') would let run.
  writeFileSync(join(tmp.dir, 'logos/hostile.js'), 'document.documentElement.setAttribute("data-ran", "yes");');
  writeFileSync(join(tmp.dir, 'logos/hostile.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script href="hostile.js"/></svg>');
  const opened = await openPage(context.browser, `${base}logos/hostile.svg`);
  const ran = await opened.page.evaluate(() => document.documentElement.getAttribute('data-ran'));
  await opened.close();
  assert.equal(ran, null);
  assert.match(readFileSync(join(tmp.dir, '_headers'), 'utf8'), /^\/pub\/\*\n(?: {2}.*\n)* {2}Content-Security-Policy: default-src 'self'; script-src 'self';/m);
  // The same rules for nginx; S3 cannot send them and says where to put them.
  const nginx = readFileSync(join(tmp.dir, '_deploy/nginx.conf'), 'utf8');
  assert.match(nginx, /location \/pub\/logos\/ \{\n {4}add_header X-Content-Type-Options "nosniff" always;\n {4}add_header Content-Security-Policy "default-src 'none'; style-src 'unsafe-inline'; sandbox" always;/);
  for (const block of nginx.split(/\n(?=location )/).filter((b) => b.includes('add_header') && !b.includes('/logos/'))) {
    assert.match(block, /Content-Security-Policy "default-src 'self'; script-src 'self';/, `every location with its own headers keeps the site's policy:\n${block}`);
  }
  assert.match(readFileSync(join(tmp.dir, '_deploy/s3-upload.sh'), 'utf8'), /logos\/: default-src 'none'; style-src 'unsafe-inline'; sandbox/);
});

test('the check page runs the same validation on a chosen file, in the browser, under the CSP', async () => {
  const { writeCsv } = await import('../../../tools/spreadsheets.mjs');
  const header = ['Nom', 'Domaines', 'Collège', 'Ville', 'Description (fr)', 'Site web', 'Membre depuis'];
  const rows = [
    ['Kaliop', 'https://www.Kaliop.com/', 'Smart Software', 'Montpellier', 'Agence web.', 'https://www.kaliop.com/', '05/05/2015'],
    ['Hébergé', 'github.io', 'Smart Software', 'Sète', 'x', 'https://x.example/', '05/05/2015'],
    ['Doublon', 'kaliop.com', 'Robotique', 'Nîmes', 'x', 'https://y.example/', '31/02/2015'],
  ];
  const file = join(tmp.dir, 'a-verifier.csv');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, writeCsv([header, ...rows], { delimiter: ';', encoding: 'windows-1252' }));
  const { page, errors, close } = await openPage(context.browser, `${base}verifier/`);
  const input = await page.$('#file');
  await input.uploadFile(file);
  await page.waitForSelector('#result[data-errors]', { timeout: 10_000 });
  const shown = await page.evaluate(() => ({
    summary: document.querySelector('#result p').textContent,
    rows: [...document.querySelectorAll('#result tbody tr')].map((tr) => [tr.dataset.code, ...[...tr.cells].slice(1, 3).map((td) => td.textContent)]),
  }));
  await close();
  assert.equal(shown.summary, '1 membre(s) prêt(s) à publier, 2 ligne(s) à corriger.');
  assert.deepEqual(shown.rows, [
    ['public-suffix', '3', 'Domaines'],
    ['domain-taken', '4', 'Domaines'],
    ['unknown-college', '4', 'Collège'],
    ['bad-date', '4', 'Membre depuis'],
  ]);
  assert.deepEqual(errors, []);
});

test('the published pages pass axe, with the widgets running', async () => {
  for (const path of ['', 'en/', 'membres/', 'en/members/', 'membres/kaliop/', 'en/members/pixel-nimois/', 'verifier/']) {
    const { page, errors, close } = await openPage(context.browser, `${base}${path}`);
    if (path.includes('members/') || path === 'membres/') await settledWidgets(page, 'fsd-member-directory');
    if (path === '' || path === 'en/') await settledWidgets(page, 'fsd-event-calendar');
    const violations = await runAxe(page);
    await close();
    assert.deepEqual(violations, [], path);
    assert.deepEqual(errors, [], path);
  }
});
