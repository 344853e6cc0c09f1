// End-to-end: the local newspaper's pages that embed the member directory, from the examples server (strict CSP) in
// headless Chromium: the directory renders, a shared deep link shows the same view, the back and forward buttons
// walk through filters and profiles, and a reload keeps the view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openExamples } from '../tools/server.mjs';
import { openPage, settledWidgets } from './helpers/pages.mjs';

let context;
let origin;
before(async () => {
  context = await openExamples();
  origin = context.origin;
});
after(() => context?.close());

/** Opens a page in a fresh profile, collecting console errors and CSP violations; resolves once every directory settled. */
async function open(path) {
  const { page, errors, response, close } = await openPage(context.browser, `${origin}${path}`);
  await settled(page);
  return { page, errors, csp: response.headers()['content-security-policy'], close };
}

const settled = (page) => settledWidgets(page, 'fsd-member-directory', ['ready', 'empty']);

/** What a reader sees in the directory number `index` of the page. */
function view(page, index = 0) {
  return page.evaluate((i) => {
    const root = document.querySelectorAll('fsd-member-directory')[i].shadowRoot;
    return {
      query: root.querySelector('[part~="search"]').value,
      count: root.querySelector('.dir__count').textContent.trim(),
      names: [...root.querySelectorAll('[part~="card"] .card__name')].map((n) => n.textContent.trim()),
      checked: [...root.querySelectorAll('fieldset input:checked')].map((i) => i.closest('label').querySelector('.facet__label').textContent.trim()),
      facets: [...root.querySelectorAll('fieldset legend')].map((l) => l.textContent.trim()),
      profile: root.querySelector('dialog').open ? root.querySelector('dialog .profile__name').textContent.trim() : null,
      page: root.querySelector('.dir__page')?.textContent ?? null,
    };
  }, index);
}

/** Clicks, in directory `index`, the facet value labelled `label`. */
const clickFacet = (page, label, index = 0) =>
  page.evaluate(
    (text, i) => {
      const root = document.querySelectorAll('fsd-member-directory')[i].shadowRoot;
      [...root.querySelectorAll('.facet__value')].find((v) => v.querySelector('.facet__label').textContent.trim() === text).querySelector('input').click();
    },
    label,
    index,
  );

const until = (page, predicate, arg) => page.waitForFunction(predicate, { timeout: 5000 }, arg);

test('the article renders the directory under a strict CSP, without a console error', async () => {
  const { page, errors, csp, close } = await open('/local-media/');
  const shown = await view(page);
  assert.equal(shown.count, '10 membres');
  assert.equal(shown.names.length, 10);
  assert.equal(shown.names[0], 'AwoX');
  assert.deepEqual(shown.facets, ['Collège', 'Ville', 'Cluster d’origine', 'Mots-clés']);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.deepEqual(errors, []);
  await close();
});

test('a shared deep link shows the same view, and keeps the article’s own parameters and anchor', async () => {
  const { page, errors, close } = await open('/local-media/?article=7&fsd-q=grand+compte&fsd-college=smart-software&fsd-member=sanofi#annuaire');
  await until(page, () => document.querySelector('fsd-member-directory').shadowRoot.querySelector('dialog').open);
  assert.deepEqual(await view(page), {
    query: 'grand compte',
    count: '2 membres',
    names: ['EDF', 'Sanofi'],
    checked: ['Smart Software'],
    // Neither has an origin cluster: that facet has nothing to offer and is not shown.
    facets: ['Collège', 'Ville', 'Mots-clés'],
    profile: 'Sanofi',
    page: null,
  });
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('article'), '7');
  assert.equal(url.hash, '#annuaire');
  assert.deepEqual(errors, []);
  await close();
});

test('typing, a filter and a profile go into the URL; back and forward walk through them; a reload keeps the view', async () => {
  const { page, close } = await open('/local-media/');
  const search = await page.$('pierce/[part~="search"]');
  await search.type('montpel');
  await until(page, () => new URL(location.href).searchParams.get('fsd-q') === 'montpel');
  await clickFacet(page, 'Smart Software');
  await until(page, () => new URL(location.href).searchParams.get('fsd-college') === 'smart-software');
  await (await page.$('pierce/[data-member="kaliop"] .card__open')).click();
  await until(page, () => new URL(location.href).searchParams.get('fsd-member') === 'kaliop');
  assert.equal((await view(page)).profile, 'Kaliop');
  const scrolled = await page.evaluate(() => scrollY);
  assert.ok(scrolled > 0, 'the card was scrolled into view to be clicked');

  await page.goBack();
  await until(page, () => !document.querySelector('fsd-member-directory').shadowRoot.querySelector('dialog').open);
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the list is where it was');
  assert.deepEqual((await view(page)).names, ['EDF', 'Kaliop', 'RG Systèmes', 'Sanofi']);
  const focused = await page.evaluate(() => document.querySelector('fsd-member-directory').shadowRoot.activeElement?.closest('[data-member]')?.dataset.member);
  assert.equal(focused, 'kaliop');

  await page.goBack();
  await until(page, () => !new URL(location.href).searchParams.has('fsd-college'));
  const unfiltered = await view(page);
  assert.deepEqual(unfiltered.checked, []);
  assert.equal(unfiltered.query, 'montpel');
  assert.equal(unfiltered.count, '7 membres');

  await page.goForward();
  await until(page, () => new URL(location.href).searchParams.get('fsd-college') === 'smart-software');
  assert.equal((await view(page)).count, '4 membres');

  await page.reload({ waitUntil: 'load' });
  await settled(page);
  const reloaded = await view(page);
  assert.equal(reloaded.query, 'montpel');
  assert.deepEqual(reloaded.checked, ['Smart Software']);
  assert.equal(reloaded.count, '4 membres');
  await close();
});

test('the sector page is pre-filtered on its college, keeps its view in the hash, and its sidebar leaves the URL alone', async () => {
  const { page, errors, close } = await open('/local-media/smart-software.html');
  const main = await view(page, 0);
  assert.deepEqual(main.names, ['Cévennes Data (exemple)', 'EDF', 'Kaliop', 'RG Systèmes', 'Sanofi']);
  assert.ok(!main.facets.includes('Collège'));
  const sidebar = await view(page, 1);
  assert.equal(sidebar.count, '7 membres');
  assert.equal(sidebar.names.length, 3);
  assert.ok(!sidebar.facets.includes('Ville'));

  await clickFacet(page, 'Alès', 0);
  await until(page, () => location.hash === '#fsd-city=Al%C3%A8s');
  assert.equal(new URL(page.url()).search, '');
  await clickFacet(page, 'Novae LR', 1);
  await until(page, () => document.querySelectorAll('fsd-member-directory')[1].shadowRoot.querySelector('.dir__count').textContent.trim() === '2 membres');
  assert.equal(new URL(page.url()).hash, '#fsd-city=Al%C3%A8s');
  assert.deepEqual(errors, []);
  await close();
});
