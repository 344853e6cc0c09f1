import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { emulateColorScheme } from '../../../../test/helpers/color-scheme.js';
import type { FsdMemberDirectory } from '../../src/fsd-member-directory.js';
import { captureConsole, putFeed, releaseFeed, sampleMemberFeed, serveFeed, uniqueName } from '../../../../test/helpers/feeds.js';
import { putSignedFeed, testKey } from '../../../../test/helpers/signing.js';
import { $, $$, countText, directoryFor, facetBox, feedWith, member, names, search, searchInput, settled, toggle, until } from './helpers.js';

const dialogOf = (d: FsdMemberDirectory) => $<HTMLDialogElement>(d, 'dialog[part~="profile"]');
const cardButton = (d: FsdMemberDirectory, id: string) => $<HTMLButtonElement>(d, `[data-member="${id}"] .card__open`);
/** The element focused inside the directory, through its shadow root. */
const focused = (d: FsdMemberDirectory) => d.shadowRoot!.activeElement;
const visibleText = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

describe('<fsd-member-directory> profile', () => {
  it('opens the full profile in a modal dialog, moves focus into it, and gives it back to the card on Escape', async () => {
    const d = await directoryFor();
    cardButton(d, 'kaliop').focus();
    cardButton(d, 'kaliop').click();
    await d.updateComplete;
    const dialog = dialogOf(d);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.contains(focused(d))).to.equal(true);
    expect(visibleText(dialog.querySelector('h3.profile__name')!)).to.equal('Kaliop');
    expect(dialog.getAttribute('aria-labelledby')).to.equal(dialog.querySelector('h3.profile__name')!.id);
    expect(visibleText(dialog)).to.contain('Agence d’intégration web et mobile');
    const facts = [...dialog.querySelectorAll('dt')].map((dt) => `${visibleText(dt)}: ${visibleText(dt.nextElementSibling!)}`);
    expect(facts).to.deep.equal([
      'Collège: Smart Software (logiciels et solutions web)',
      'Ville: Montpellier',
      'Membre depuis: 5 mai 2015',
      'Cluster d’origine: Novae LR',
      'Mots-clés: web, mobile, CMS',
    ]);
    expect(dialog.querySelector('time')!.getAttribute('datetime')).to.equal('2015-05-05');
    const links = [...dialog.querySelectorAll('a')].map((a) => a.href);
    expect(links).to.deep.equal(['https://www.kaliop.com/', 'https://www.frenchsouth.digital/membres/?membre=kaliop']);
    await expect(d).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open && focused(d) === cardButton(d, 'kaliop'), 5000, 'the dialog to close');
    expect(names(d)).to.have.length(10);
  });

  it('closes with its button, and the list stays on the same page', async () => {
    const d = await directoryFor({ 'page-size': '4' });
    $$<HTMLButtonElement>(d, '[part~="pager"] button')[1]!.click();
    await d.updateComplete;
    cardButton(d, 'la-poste').click();
    await d.updateComplete;
    dialogOf(d).querySelector<HTMLButtonElement>('.profile__close')!.click();
    await until(() => focused(d) === cardButton(d, 'la-poste'), 5000, 'focus back on the card');
    expect($(d, '.dir__page').textContent).to.equal('Page 2 sur 3');
  });
});

describe('<fsd-member-directory> deep links', () => {
  let original: string;
  beforeEach(() => {
    original = location.href;
  });
  afterEach(() => {
    history.replaceState(null, '', original);
  });

  it('restores the view the URL holds, as after a reload on a shared link', async () => {
    const url = new URL(location.href);
    url.searchParams.set('fsd-q', 'grand compte');
    url.searchParams.append('fsd-college', 'smart-software');
    url.searchParams.set('fsd-sort', 'name');
    url.searchParams.set('fsd-member', 'sanofi');
    history.replaceState(null, '', url);
    const d = await directoryFor({ 'url-state': 'query' });
    expect(searchInput(d).value).to.equal('grand compte');
    expect(facetBox(d, 'Collège', 'Smart Software').checked).to.equal(true);
    expect(names(d)).to.deep.equal(['EDF', 'Sanofi']);
    expect($<HTMLSelectElement>(d, '#sort').value).to.equal('name');
    await until(() => dialogOf(d).open, 5000, 'the profile to open');
    expect(visibleText(dialogOf(d))).to.contain('Sanofi');
  });

  it('writes the view into the query string with fsd- names, keeping the page’s own parameters and hash', async () => {
    const start = new URL(location.href);
    start.searchParams.set('article', '42');
    start.hash = 'annuaire';
    history.replaceState(null, '', start);
    const d = await directoryFor({ 'url-state': 'query', 'page-size': '2' });
    await search(d, 'grand');
    await toggle(d, 'Ville', 'Montpellier');
    $$<HTMLButtonElement>(d, '[part~="pager"] button')[1]!.click();
    await d.updateComplete;
    const url = new URL(location.href);
    expect(url.searchParams.get('article')).to.equal('42');
    expect(url.hash).to.equal('#annuaire');
    expect(url.searchParams.get('fsd-q')).to.equal('grand');
    expect(url.searchParams.getAll('fsd-city')).to.deep.equal(['Montpellier']);
    expect(url.searchParams.get('fsd-page')).to.equal('2');
    // The same URL in a new directory (a reload) gives the same view.
    const copy = await directoryFor({ 'url-state': 'query', 'page-size': '2' });
    expect(names(copy)).to.deep.equal(names(d));
    expect($(copy, '.dir__page').textContent).to.equal($(d, '.dir__page').textContent);
  });

  it('follows the back and forward buttons: filters, pages and the open profile', async () => {
    const d = await directoryFor({ 'url-state': 'query' });
    await toggle(d, 'Collège', 'Smart Software');
    cardButton(d, 'edf').click();
    await d.updateComplete;
    expect(dialogOf(d).open).to.equal(true);
    expect(new URL(location.href).searchParams.get('fsd-member')).to.equal('edf');

    history.back();
    await until(() => !dialogOf(d).open, 3000, 'back to close the profile');
    expect(countText(d)).to.equal('5 membres');
    history.back();
    await until(() => countText(d) === '10 membres', 3000, 'back to clear the filter');
    expect(facetBox(d, 'Collège', 'Smart Software').checked).to.equal(false);
    history.forward();
    await until(() => countText(d) === '5 membres', 3000, 'forward to the filter again');
  });

  it('closing the profile goes back to the list’s own history entry instead of adding one', async () => {
    const d = await directoryFor({ 'url-state': 'query' });
    history.pushState({ entry: 'list' }, '', location.href);
    cardButton(d, 'awox').click();
    await d.updateComplete;
    expect(history.state).to.not.deep.equal({ entry: 'list' });
    await sendKeys({ press: 'Escape' });
    await until(() => !new URL(location.href).searchParams.has('fsd-member'), 3000, 'the URL to drop the profile');
    expect(history.state).to.deep.equal({ entry: 'list' });
    expect(dialogOf(d).open).to.equal(false);
  });

  it('url-state="hash" keeps the view in the hash, beside the page’s own anchor', async () => {
    const start = new URL(location.href);
    start.hash = 'top';
    history.replaceState(null, '', start);
    const d = await directoryFor({ 'url-state': 'hash' });
    await toggle(d, 'Ville', 'Sète');
    expect(location.hash).to.equal('#top&fsd-city=S%C3%A8te');
    expect(new URL(location.href).search).to.not.contain('fsd-');
    const copy = await directoryFor({ 'url-state': 'hash' });
    expect(names(copy)).to.deep.equal(['Écrans du Sud (exemple)']);
  });

  it('url-state="none" leaves the URL alone', async () => {
    const d = await directoryFor({ 'url-state': 'none' });
    await toggle(d, 'Ville', 'Sète');
    await search(d, 'ecrans');
    expect(location.href).to.equal(original);
  });
});

describe('<fsd-member-directory> keyboard', () => {
  it('can be used from the keyboard alone: search, filter, open and close a profile', async () => {
    const wrapper = await fixture(html`<div><button id="before">before</button></div>`);
    const d = await directoryFor();
    wrapper.append(d);
    await d.updateComplete;
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(d)).to.equal(searchInput(d));
    await sendKeys({ type: 'smart' });
    await d.updateComplete;
    expect(countText(d)).to.equal('5 membres');
    const outline = getComputedStyle(searchInput(d));
    expect(outline.outlineStyle).to.equal('solid');

    // Tab on: the sort, the export, then the first facet value; Space ticks it.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(d)).to.equal(facetBox(d, 'Collège', 'Smart Software'));
    // ' ', not 'Space': Firefox over WebDriver BiDi knows the key by its character only (puppeteer: Unknown key "Space")
    await sendKeys({ press: ' ' });
    await d.updateComplete;
    expect(facetBox(d, 'Collège', 'Smart Software').checked).to.equal(true);

    cardButton(d, 'edf').focus();
    expect(getComputedStyle(cardButton(d, 'edf'), '::after').outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Enter' });
    await d.updateComplete;
    expect(dialogOf(d).open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(dialogOf(d).contains(focused(d))).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => focused(d) === cardButton(d, 'edf'), 5000, 'focus back on the card');
  });
});

describe('<fsd-member-directory> states', () => {
  it('shows a busy skeleton while loading, and the search box does not move when results arrive', async () => {
    // The server holds the feed until the loading state has been checked, however slow the machine.
    const url = await serveFeed(await sampleMemberFeed(), { hold: true });
    const d = await fixture<FsdMemberDirectory>(html`<fsd-member-directory src=${url} url-state="none"></fsd-member-directory>`);
    expect(d.state).to.equal('loading');
    expect(d.getAttribute('state')).to.equal('loading');
    expect($(d, '[part~="base"]').getAttribute('aria-busy')).to.equal('true');
    expect(countText(d)).to.equal('Chargement de l’annuaire…');
    expect($$(d, '.card--skeleton').length).to.be.greaterThan(0);
    await expect(d).to.be.accessible();
    const before = searchInput(d).getBoundingClientRect();
    const skeleton = $(d, '.card--skeleton').getBoundingClientRect();
    await releaseFeed(url);
    await settled(d);
    const after = searchInput(d).getBoundingClientRect();
    expect([after.top, after.left, after.height]).to.deep.equal([before.top, before.left, before.height]);
    expect($(d, '[part~="card"]').getBoundingClientRect().height).to.equal(skeleton.height);
  });

  it('says so when nothing matches, with one button that clears the search and filters', async () => {
    const d = await directoryFor();
    await toggle(d, 'Ville', 'Sète');
    await search(d, 'kaliop');
    expect(d.state).to.equal('empty');
    expect(d.getAttribute('state')).to.equal('empty');
    expect(countText(d)).to.equal('Aucun membre');
    expect(visibleText($(d, '.dir__empty'))).to.contain('Aucun membre ne correspond à « kaliop » avec ces filtres.');
    await expect(d).to.be.accessible();
    $(d, '.dir__empty button').click();
    await d.updateComplete;
    expect(names(d)).to.have.length(10);
    expect(focused(d)).to.equal(searchInput(d));
  });

  it('echoes a long search text cut short in its "no result" message', async () => {
    const d = await directoryFor();
    await search(d, `zzz${'x'.repeat(5000)}`);
    expect(d.state).to.equal('empty');
    expect(visibleText($(d, '.dir__empty .dir__message-title'))).to.equal(`Aucun membre ne correspond à « zzz${'x'.repeat(56)}… » avec ces filtres.`);
  });

  for (const [name, body, options] of [
    ['a missing feed (HTTP 404)', 'gone', { status: 404 }],
    ['a feed that is not JSON', '<html>Maintenance</html>', { type: 'text/html' }],
    ['a network failure', 'x', { drop: true }],
  ] as const) {
    it(`says politely that the directory is unavailable on ${name}, and logs why`, async () => {
      const url = await serveFeed(body, options);
      const element = document.createElement('fsd-member-directory');
      element.setAttribute('src', url);
      element.setAttribute('url-state', 'none');
      const event = oneEvent(element, 'fsd-directory-state');
      const { messages } = await captureConsole('error', async () => {
        await fixture(element);
        return event;
      });
      await element.updateComplete;
      expect(element.state).to.equal('error');
      expect((await event).detail).to.deep.equal({ state: 'error', count: 0 });
      expect(visibleText($(element, '[part~="base"]'))).to.equal('L’annuaire des membres est momentanément indisponible. Réessayez dans quelques instants. Réessayer');
      expect($(element, '[role="status"]')).to.exist;
      expect(messages.some((m) => m.includes(url))).to.equal(true);
      await expect(element).to.be.accessible();
    });
  }

  it('tries again on "Réessayer", and shows the members once the feed is back', async () => {
    const name = uniqueName('retry');
    const url = await putFeed(name, 'gone', { status: 503 });
    const element = document.createElement('fsd-member-directory');
    element.setAttribute('src', url);
    element.setAttribute('url-state', 'none');
    await captureConsole('error', async () => {
      const event = oneEvent(element, 'fsd-directory-state');
      await fixture(element);
      await event;
    });
    await element.updateComplete;
    expect(element.state).to.equal('error');
    await putFeed(name, await sampleMemberFeed());
    const back = oneEvent(element, 'fsd-directory-state');
    $(element, '.dir__message button').click();
    expect((await back).detail).to.deep.equal({ state: 'ready', count: 10 });
    await element.updateComplete;
    expect(names(element)).to.have.length(10);
  });

  it('shows the valid members of a feed with bad entries, and the console names the bad ones', async () => {
    const feed = await feedWith([
      member('good-one', { name: 'Good One' }),
      member('bad-site', { name: 'Bad Site', website: 'javascript:alert(1)' }),
      { name: 'No Id' },
      member('good-two', { name: 'Good Two' }),
    ]);
    const url = await serveFeed(feed);
    const { result: d, messages } = await captureConsole('warn', async () =>
      settled(await fixture<FsdMemberDirectory>(html`<fsd-member-directory src=${url} url-state="none"></fsd-member-directory>`)),
    );
    expect(names(d)).to.deep.equal(['Good One', 'Good Two']);
    expect(messages.join('\n')).to.contain('members[1] ("bad-site") left out: field "website"');
  });

  it('fires fsd-directory-state when it settles and when results become empty', async () => {
    const d = await directoryFor();
    const empty = oneEvent(d, 'fsd-directory-state');
    await search(d, 'zzzzzz');
    expect((await empty).detail).to.deep.equal({ state: 'empty', count: 0 });
    const ready = oneEvent(d, 'fsd-directory-state');
    await search(d, 'edf');
    expect((await ready).detail).to.deep.equal({ state: 'ready', count: 1 });
  });

  it('passes axe with results, in the dark theme, and in English', async () => {
    for (const attributes of [{}, { theme: 'dark' }, { lang: 'en' }, { theme: 'dark', lang: 'en' }] as Record<string, string>[]) {
      const d = await directoryFor(attributes);
      await expect(d).to.be.accessible();
    }
  });
});

describe('<fsd-member-directory> text, theme and logos', () => {
  it('speaks English with lang="en": labels, descriptions, counts and college names', async () => {
    const d = await directoryFor({ lang: 'en' });
    expect(countText(d)).to.equal('10 members');
    expect(visibleText($(d, '.dir__search label'))).to.equal('Search members');
    const kaliop = $(d, '[data-member="kaliop"]');
    expect(visibleText(kaliop)).to.contain('Web and mobile integration agency');
    expect(visibleText(kaliop)).to.contain('Smart Software · Montpellier');
    await search(d, 'nothing-like-this');
    expect(visibleText($(d, '.dir__empty'))).to.contain('No member matches “nothing-like-this” with these filters.');
  });

  it('takes the dark theme, and follows the system with theme="auto"', async () => {
    const d = await directoryFor({ theme: 'dark' });
    expect(getComputedStyle($(d, '[part~="base"]')).backgroundColor).to.equal('rgb(20, 33, 44)');
    const auto = await directoryFor({ theme: 'auto' });
    try {
      if (await emulateColorScheme('dark')) {
        expect(getComputedStyle($(auto, '[part~="base"]')).backgroundColor).to.equal('rgb(20, 33, 44)');
        await expect(auto).to.be.accessible();
      } else {
        // Firefox and WebKit: no colour-scheme emulation for the test (test/helpers/color-scheme.ts); the system's
        // scheme is light there, and theme="auto" follows it
        expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(false);
        expect(getComputedStyle($(auto, '[part~="base"]')).backgroundColor).to.not.equal('rgb(20, 33, 44)');
      }
    } finally {
      await emulateColorScheme('light');
    }
  });

  it('shows a logo that loads, and the initials in place of one that fails', async () => {
    const feed = await feedWith([
      member('with-logo', { name: 'Studio Garrigue', logo: '/examples/assets/logos/studio-garrigue.svg' }),
      member('broken-logo', { name: 'RG Systèmes', logo: '/no/such/logo.png' }),
      member('no-logo', { name: 'awox' }),
    ]);
    const d = await directoryFor({}, feed);
    await until(() => !$(d, '[data-member="broken-logo"] img'), 3000, 'the broken logo to fall back');
    const img = $<HTMLImageElement>(d, '[data-member="with-logo"] img');
    await until(() => img.complete && img.naturalWidth > 0, 3000, 'the logo to load');
    expect(img.alt).to.equal('');
    expect(visibleText($(d, '[data-member="broken-logo"] .logo--initials'))).to.equal('RS');
    expect(visibleText($(d, '[data-member="no-logo"] .logo--initials'))).to.equal('AW');
  });

  it('is not changed by the page’s CSS, and its CSS does not leak into the page', async () => {
    const wrapper = await fixture(html`<div>
      <style>
        .hostile li, .hostile h3, .hostile p { display: none !important; }
        .hostile button { text-transform: uppercase !important; color: rgb(255, 0, 0) !important; }
        .hostile { font: italic 30px/3 serif; letter-spacing: 5px; }
      </style>
      <div class="hostile"></div>
      <p class="card__desc" id="outside">outside</p>
    </div>`);
    const d = await directoryFor();
    wrapper.querySelector('.hostile')!.append(d);
    await d.updateComplete;
    const name = getComputedStyle(cardButton(d, 'kaliop'));
    expect(getComputedStyle($(d, '[part~="card"]')).display).to.not.equal('none');
    expect(name.textTransform).to.equal('none');
    expect(name.fontStyle).to.equal('normal');
    expect(name.letterSpacing).to.equal('normal');
    expect(name.color).to.equal('rgb(11, 90, 135)');
    expect(getComputedStyle(wrapper.querySelector('#outside')!).display).to.equal('block');
    expect(getComputedStyle(wrapper.querySelector('#outside')!).overflow).to.equal('visible');
  });

  it('falls back on unknown attribute values with a console warning naming them', async () => {
    const element = document.createElement('fsd-member-directory');
    const src = await serveFeed(await sampleMemberFeed());
    for (const [name, value] of Object.entries({ src, 'url-state': 'cookie', 'page-size': 'lots', theme: 'neon' })) element.setAttribute(name, value);
    const { messages } = await captureConsole('warn', async () => settled(await fixture<FsdMemberDirectory>(element)));
    expect(messages).to.include('[FrenchSouth.digital] <fsd-member-directory>: url-state="cookie" is not one of "query", "hash", "none"; using "query"');
    expect(messages).to.include('[FrenchSouth.digital] <fsd-member-directory>: page-size="lots" is not a number of members per page; using 24');
    expect(messages).to.include('[FrenchSouth.digital] <fsd-member-directory>: theme="neon" is not one of "light", "dark", "auto"; using "light"');
    expect(names(element)).to.have.length(10);
  });

  it('keeps feed text as text: markup in a name is shown, never run', async () => {
    const feed = await feedWith([member('evil', { name: '<img src=x onerror="window.__pwned=1">Evil' })]);
    const d = await directoryFor({}, feed);
    expect(names(d)).to.deep.equal(['<img src=x onerror="window.__pwned=1">Evil']);
    expect($$(d, '[data-member="evil"] .card__name img')).to.have.length(0);
  });

  it('fits a 320 px column: one card per row, filters behind a button, nothing overflows', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px"></div>`);
    const d = await directoryFor();
    wrapper.append(d);
    await d.updateComplete;
    const base = $(d, '[part~="base"]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    const toggleButton = $<HTMLButtonElement>(d, '.dir__filters-toggle');
    expect(getComputedStyle(toggleButton).display).to.not.equal('none');
    expect(getComputedStyle($(d, '[part~="filters"]')).display).to.equal('none');
    toggleButton.click();
    await d.updateComplete;
    expect(toggleButton.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle($(d, '[part~="filters"]')).display).to.not.equal('none');
    const cards = $$(d, '[part~="card"]').slice(0, 2).map((c) => c.getBoundingClientRect());
    expect(cards[1]!.top).to.be.greaterThan(cards[0]!.bottom - 1);
    await expect(d).to.be.accessible();
  });
});

describe('<fsd-member-directory> CSV export', () => {
  it('downloads the current results, public fields only, ready for Excel and safe from formulas', async () => {
    const feed = await feedWith([
      member('formula', { name: '=HYPERLINK("http://evil.example","clic")', city: 'Nîmes', tags: ['web', 'cloud'] }),
      member('plain', { name: 'Écrans; du "Sud"', city: 'Sète', description: { fr: '+33 4 67 00 00 00' } }),
      member('other', { name: 'Other', city: 'Alès' }),
    ]);
    const d = await directoryFor({}, feed);
    await toggle(d, 'Ville', 'Nîmes');
    await toggle(d, 'Ville', 'Sète');
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return create.call(URL, blob);
    };
    // What the host page's routers and analytics see of the clicks: never a link of ours.
    const seen: EventTarget[] = [];
    const listener = (event: Event) => seen.push(event.target!);
    document.addEventListener('click', listener, true);
    try {
      $(d, '.dir__export').click();
    } finally {
      URL.createObjectURL = create;
      document.removeEventListener('click', listener, true);
    }
    expect(seen.filter((target) => target instanceof HTMLAnchorElement)).to.deep.equal([]);
    expect(blobs).to.have.length(1);
    expect(blobs[0]!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).to.equal('Identifiant;Nom;Collège;Ville;Description;Site web;Membre depuis;Cluster d’origine;Mots-clés;Fiche');
    expect(lines[1]).to.equal(
      `formula;"'=HYPERLINK(""http://evil.example"",""clic"")";Smart Software (logiciels et solutions web);Nîmes;Description de formula.;https://www.formula.example.com/;2020-01-01;;web, cloud;https://www.frenchsouth.digital/membres/?membre=formula`,
    );
    expect(lines[2]).to.contain(`plain;"Écrans; du ""Sud""";`);
    expect(lines[2]).to.contain(`;'+33 4 67 00 00 00;`);
    expect(lines).to.have.length(4);
    expect(text).to.not.contain('Other');
  });
});

describe('directory: the cluster’s mark', () => {
  const signed = async () => ({ ...(await sampleMemberFeed()), updated: '2026-11-20T09:00:00+01:00', expires: new Date(Date.now() + 86_400_000).toISOString() });
  const source = (d: FsdMemberDirectory) => d.shadowRoot!.querySelector('[part~="source"]');

  it('shows the mark and the date the cluster signed under a list it signed, in French and in English', async () => {
    const src = await putSignedFeed(uniqueName(), await signed(), await testKey());
    const d = await directoryFor({ src });
    expect(visibleText(source(d)!)).to.equal('Liste des membres signée par FrenchSouth.digital le 20 novembre 2026');
    expect(source(d)!.querySelector('svg[aria-hidden="true"]')).to.exist;
    await expect(d).to.be.accessible();
    d.setAttribute('theme', 'dark');
    await d.updateComplete;
    await expect(d).to.be.accessible();
    d.setAttribute('lang', 'en');
    await d.updateComplete;
    expect(visibleText(source(d)!)).to.equal('Member list signed by FrenchSouth.digital on 20 November 2026');
    expect(names(d)).to.include('Kaliop');
  });

  it('shows the same list without the mark when it is unsigned or signed by a key the cluster does not hold', async () => {
    const plain = await directoryFor({}, await signed());
    const foreign = await directoryFor({ src: await putSignedFeed(uniqueName(), await signed(), await testKey(false)) });
    for (const d of [plain, foreign]) {
      expect(names(d)).to.include('Kaliop');
      expect(source(d)).to.equal(null);
    }
  });
});
