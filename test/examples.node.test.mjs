// End-to-end: the example pages as a visitor gets them, from the examples server (strict CSP) in headless Chromium,
// under the member's real host name and others.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openExamples } from '../tools/server.mjs';
import { openPage, settledWidgets } from './helpers/pages.mjs';

let context;
let port;
before(async () => {
  context = await openExamples();
  port = new URL(context.origin).port;
});
after(() => context?.close());

/** Opens a page in a fresh profile; resolves with the badges' states and every console error and CSP report. */
async function open(url) {
  const { page, errors, response, close } = await openPage(context.browser, url);
  await settledWidgets(page, 'fsd-member-badge');
  const states = await page.$$eval('fsd-member-badge', (badges) => badges.map((b) => b.getAttribute('state')));
  await close();
  return { states, errors, csp: response.headers()['content-security-policy'] };
}

test('the member site verifies its badges on www.kaliop.com, under a strict CSP, without a console error', async () => {
  const { states, errors, csp } = await open(`http://www.kaliop.com:${port}/member-site/`);
  assert.deepEqual(states, ['verified', 'verified', 'verified']);
  assert.deepEqual(errors, []);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
});

test('the same page on the developer’s machine shows the preview', async () => {
  const { states, errors } = await open(`http://127.0.0.1:${port}/member-site/`);
  assert.deepEqual(states, ['preview', 'preview', 'preview']);
  assert.deepEqual(errors, []);
});

test('a copy of the page on another site shows unverified badges', async () => {
  const { states } = await open(`http://www.notkaliop.com:${port}/member-site/`);
  assert.deepEqual(states, ['unverified', 'unverified', 'unverified']);
});

/** Opens a page with calendars; resolves with their states, the events they show, and every console error and CSP report. */
async function openCalendars(url) {
  const { page, errors, close } = await openPage(context.browser, url);
  await settledWidgets(page, 'fsd-event-calendar');
  const calendars = await page.$$eval('fsd-event-calendar', (list) =>
    list.map((c) => ({ state: c.getAttribute('state'), events: [...c.shadowRoot.querySelectorAll('[part~="event"]')].map((e) => e.textContent.replace(/\s+/g, ' ').trim()) })),
  );
  await close();
  return { calendars, errors };
}

test('the member site shows Kaliop’s next events beside the badge, from the cluster feed and its own .ics, under the CSP', async () => {
  const { calendars, errors } = await openCalendars(`http://www.kaliop.com:${port}/member-site/`);
  assert.equal(calendars.length, 1);
  assert.equal(calendars[0].state, 'ready');
  // The monthly meetup of Kaliop's own calendar (an endless series) is always among the next events.
  assert.ok(calendars[0].events.some((e) => e.includes('Meetup web de Montpellier')), calendars[0].events.join(' | '));
  assert.deepEqual(errors, []);
});

test('the member’s events page shows only Kaliop’s events, in a month grid, under the CSP', async () => {
  const { calendars, errors } = await openCalendars(`http://www.kaliop.com:${port}/member-site/evenements.html`);
  assert.equal(calendars[0].state, 'ready');
  assert.ok(calendars[0].events.some((e) => e.includes('Meetup web de Montpellier')), calendars[0].events.join(' | '));
  assert.ok(!calendars[0].events.some((e) => /DigitalPlace|Mediacloud/.test(e)), calendars[0].events.join(' | '));
  assert.deepEqual(errors, []);
});

test('the example pages follow the visitor’s colour scheme: the member site and its widgets turn dark together', async () => {
  const background = (page) =>
    page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      widgets: [...document.querySelectorAll('fsd-member-badge[theme="auto"], fsd-event-calendar[theme="auto"]')].map(
        (w) => getComputedStyle(w.shadowRoot.querySelector('[part~="base"]')).backgroundColor,
      ),
    }));
  for (const scheme of ['light', 'dark']) {
    const { page, errors, close } = await openPage(context.browser, `http://www.kaliop.com:${port}/member-site/`, (p) =>
      p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    );
    await settledWidgets(page, 'fsd-member-badge');
    await settledWidgets(page, 'fsd-event-calendar');
    const seen = await background(page);
    await close();
    assert.equal(seen.page, scheme === 'dark' ? 'rgb(22, 28, 34)' : 'rgb(246, 244, 239)', scheme);
    assert.equal(seen.widgets.length, 3);
    for (const widget of seen.widgets) assert.equal(widget, scheme === 'dark' ? 'rgb(20, 33, 44)' : 'rgb(255, 255, 255)', scheme);
    assert.deepEqual(errors, []);
  }
});

test('the themes page shows both themes side by side, and English, American English and Spanish (registered by the page)', async () => {
  const { page, errors, close } = await openPage(context.browser, `http://127.0.0.1:${port}/themes.html`);
  for (const tag of ['fsd-member-badge', 'fsd-event-calendar', 'fsd-member-directory']) await settledWidgets(page, tag);
  const seen = await page.evaluate(() => {
    const text = (w) => w.shadowRoot.textContent.replace(/\s+/g, ' ').trim();
    const base = (w) => getComputedStyle(w.shadowRoot.querySelector('[part~="base"]')).backgroundColor;
    return {
      light: [...document.querySelector('.themes').querySelectorAll('.light > [theme]')].map(base),
      dark: [...document.querySelector('.themes').querySelectorAll('.dark > [theme]')].map(base),
      english: text(document.querySelector('[lang="en"] fsd-member-directory')),
      american: text(document.querySelector('[lang="en-US"] fsd-event-calendar')),
      spanish: [...document.querySelectorAll('[lang="es"] > *:not(h2)')].map(text),
    };
  });
  await close();
  assert.deepEqual(seen.light, Array(3).fill('rgb(255, 255, 255)'));
  assert.deepEqual(seen.dark, Array(3).fill('rgb(20, 33, 44)'));
  assert.match(seen.english, /Search members/);
  assert.match(seen.english, /large company/);
  assert.match(seen.american, /\d{1,2}:\d{2}\s?[AP]M/);
  assert.match(seen.spanish[0], /Miembro de FrenchSouth\.digital/);
  assert.match(seen.spanish[1], /Próximos eventos/);
  assert.deepEqual(errors, []);
});
