import { expect, fixture, html } from '@open-wc/testing';
import type { FsdEventCalendar, FsdMemberBadge, FsdMemberDirectory } from '../../src/fsd-widgets.js';
import { registerTranslation, type Translation } from '../../src/fsd-widgets.js';
import { es } from '../../../../examples/assets/translations/es.js';
import { captureConsole, sampleEventFeed, sampleMemberFeed, serveFeed, until } from '../../../../test/helpers/feeds.js';
import { $, $$, directoryFor, facetCounts, search, settled } from '../member-directory/helpers.js';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** What the widget shows, spaces folded (Intl writes narrow no-break spaces in times and some dates). */
const shown = (element: Element) => clean(element.shadowRoot!.textContent);

let memberFeed: string;
let eventFeed: string;
before(async () => {
  memberFeed = await serveFeed(await sampleMemberFeed());
  eventFeed = await serveFeed(await sampleEventFeed());
});

async function badge(attributes: Record<string, string | true>, parentLang?: string): Promise<FsdMemberBadge> {
  const element = document.createElement('fsd-member-badge');
  for (const [name, value] of Object.entries<string | true>({ src: memberFeed, preview: true, ...attributes })) element.setAttribute(name, value === true ? '' : value);
  const holder = await fixture(html`<div lang=${parentLang ?? 'fr'}></div>`);
  holder.append(element);
  await until(() => element.state !== 'loading', 5000, 'the badge to settle');
  await element.updateComplete;
  return element;
}

async function calendar(attributes: Record<string, string>): Promise<FsdEventCalendar> {
  const element = document.createElement('fsd-event-calendar');
  for (const [name, value] of Object.entries({ src: eventFeed, date: '2026-12-01', 'time-zone': 'Europe/Paris', ...attributes })) element.setAttribute(name, value);
  await fixture(element);
  await until(() => element.state !== 'loading', 8000, 'the calendar to settle');
  await element.updateComplete;
  return element;
}

const eventsOn = (c: FsdEventCalendar, day: string) => [...c.shadowRoot!.querySelectorAll(`[data-day="${day}"] [part~="event"]`)].map((e) => clean(e.textContent));
const dayName = (c: FsdEventCalendar, day: string) => clean(c.shadowRoot!.querySelector(`[data-day="${day}"] .sr-only`)?.textContent);

async function profileOf(d: FsdMemberDirectory, id: string): Promise<HTMLDialogElement> {
  $<HTMLButtonElement>(d, `[data-member="${id}"] .card__open`).click();
  const dialog = $<HTMLDialogElement>(d, 'dialog[part~="profile"]');
  await until(() => dialog.open && Boolean(dialog.querySelector('.profile__name')), 3000, 'the profile to open');
  return dialog;
}

describe('languages: the full language tag', () => {
  it('writes dates and times the American way under lang="en-US", the British way under lang="en" and "en-GB"', async () => {
    const us = await calendar({ lang: 'en-US' });
    expect(eventsOn(us, '2026-12-03')[0]).to.match(/^9:30\sAM /);
    expect(dayName(us, '2026-12-03')).to.equal('Thursday, December 3, 2026');
    for (const lang of ['en', 'en-GB']) {
      const gb = await calendar({ lang });
      expect(eventsOn(gb, '2026-12-03')[0]).to.match(/^09:30 /);
      // ICU versions differ on the comma after the weekday in British English
      expect(dayName(gb, '2026-12-03')).to.match(/^Thursday,? 3 December 2026$/);
    }
    // The badge's dates too: when a membership ended.
    expect(shown(await badge({ member: 'pixel-nimois', lang: 'en-US' }))).to.contain('membership ended on December 31, 2024.');
    expect(shown(await badge({ member: 'pixel-nimois', lang: 'en-GB' }))).to.contain('membership ended on 31 December 2024.');
  });

  it('takes the page’s full tag when the widget has none, and speaks French for a French region (fr-BE, fr-CA)', async () => {
    expect(shown(await badge({ member: 'pixel-nimois' }, 'en-US'))).to.contain('December 31, 2024');
    for (const lang of ['fr-BE', 'fr-CA']) {
      const element = await badge({ member: 'pixel-nimois' }, lang);
      expect(shown(element)).to.contain('a pris fin le 31 décembre 2024');
      // The shadow content says which language it speaks, region included, for screen readers.
      expect(element.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal(lang);
    }
  });

  it('writes the directory’s member dates after the full tag', async () => {
    const us = await directoryFor({ lang: 'en-US', src: memberFeed });
    expect(clean((await profileOf(us, 'kaliop')).textContent)).to.contain('Member since May 5, 2015');
    const gb = await directoryFor({ lang: 'en-GB', src: memberFeed });
    expect(clean((await profileOf(gb, 'kaliop')).textContent)).to.contain('Member since 5 May 2015');
  });
});

describe('languages: tags translated in the feed', () => {
  it('shows the English tags on an English page, the French ones on a French page, from the same feed', async () => {
    const en = await directoryFor({ lang: 'en', src: memberFeed });
    const english = facetCounts(en, 'Tags');
    expect(english).to.include({ 'large company': 3, data: 2 });
    expect(Object.keys(english)).to.not.include('grand compte');
    // A tag the feed gives as one text is the same in both languages.
    expect(english).to.include({ SaaS: 2 });
    expect(clean((await profileOf(en, 'rg-systemes')).textContent)).to.match(/Tags ?software, monitoring, SaaS/);

    const fr = await directoryFor({ src: memberFeed });
    expect(facetCounts(fr, 'Mots-clés')).to.include({ 'grand compte': 3, données: 2 });
    expect(Object.keys(facetCounts(fr, 'Mots-clés'))).to.not.include('large company');
  });

  it('finds members by a tag in either language, and a deep link may name the tag in English', async () => {
    const en = await directoryFor({ lang: 'en', src: memberFeed });
    await search(en, 'large company');
    const ids = $$(en, '[part~="card"]').map((card) => card.dataset.member);
    await search(en, 'grand compte');
    expect($$(en, '[part~="card"]').map((card) => card.dataset.member)).to.deep.equal(ids);
    expect(ids).to.have.length(3);

    const url = new URL(location.href);
    url.searchParams.set('fsd-tag', 'large company');
    history.replaceState(null, '', url);
    try {
      const linked = await directoryFor({ lang: 'en', src: memberFeed, 'url-state': 'query' });
      expect($$(linked, '[part~="card"]').map((card) => card.dataset.member)).to.have.members(ids as string[]);
    } finally {
      url.searchParams.delete('fsd-tag');
      history.replaceState(null, '', url);
    }
  });

  it('refuses a tag that is neither a text nor { fr, en }, naming the member, and keeps the rest', async () => {
    const feed = await sampleMemberFeed();
    feed.members = feed.members.map((m) => (m.id === 'kaliop' ? { ...m, tags: ['web', { de: 'Netz' }] } : m));
    const element = document.createElement('fsd-member-directory');
    element.setAttribute('url-state', 'none');
    element.setAttribute('src', await serveFeed(feed));
    const { result: d, messages } = await captureConsole('warn', async () => settled(await fixture<FsdMemberDirectory>(element)));
    expect(messages.join('\n')).to.match(/members\[\d+\] \("kaliop"\) left out: field "tags" must be a text, or an object with "fr" and\/or "en" texts/);
    expect($(d, '[data-member="kaliop"]')).to.equal(null);
    expect($$(d, '[part~="card"]').length).to.be.greaterThan(5);
  });
});

describe('languages: a third language registered by the page', () => {
  // Registered once for the whole file run: the registry is the page's, as on a real page.
  before(() => {
    expect(registerTranslation('es', es)).to.equal(true);
  });

  it('speaks Spanish in every widget under lang="es", with Spanish dates, and passes axe', async () => {
    const d = await directoryFor({ lang: 'es', src: memberFeed });
    expect(clean($(d, '.dir__search label').textContent)).to.equal('Buscar un miembro');
    expect(clean($(d, '.dir__count').textContent)).to.match(/^1\d miembros$/);
    expect(clean((await profileOf(d, 'kaliop')).textContent)).to.contain('Miembro desde 5 de mayo de 2015');
    await expect(d).to.be.accessible();

    const c = await calendar({ lang: 'es' });
    expect(clean(c.shadowRoot!.querySelector('[part~="title"]')!.textContent).toLowerCase()).to.equal('diciembre de 2026');
    expect(dayName(c, '2026-12-03')).to.equal('jueves, 3 de diciembre de 2026');
    expect(c.shadowRoot!.querySelector('.nav__button')!.getAttribute('aria-label')).to.equal('Mes anterior');
    // The details dialog's texts, which load with it, come from the registered language too.
    c.shadowRoot!.querySelector<HTMLButtonElement>('[data-day="2026-12-03"] [part~="event"]')!.click();
    await until(() => Boolean(c.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="dialog"]')?.open), 3000, 'the event to open');
    const details = c.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="dialog"]')!;
    expect([...details.querySelectorAll('dt')].map((dt) => clean(dt.textContent))).to.include('Lugar');
    expect(clean(details.querySelector('.dialog__subtitle')!.textContent)).to.equal('Añadir a mi agenda');
    expect(details.querySelector('.dialog__close')!.getAttribute('aria-label')).to.equal('Cerrar');
    details.close();

    const b = await badge({ member: 'pixel-nimois', lang: 'es' });
    expect(shown(b)).to.contain('La afiliación de Pixel Nîmois (exemple) terminó el 31 de diciembre de 2024.');
    // Feed texts exist in French and English only: a Spanish page reads them in French.
    expect(shown(await badge({ member: 'kaliop', lang: 'es-MX' }))).to.contain('Miembro de FrenchSouth.digital');
  });

  it('re-renders the widgets already showing when a language is registered after them', async () => {
    const { result: b, messages } = await captureConsole('warn', () => badge({ member: 'pixel-nimois', lang: 'ca' }));
    expect(shown(b)).to.contain('Adhésion expirée');
    expect(messages.join('\n')).to.contain('lang="ca": no texts in this language (built in: fr, en; others: registerTranslation()); showing French');
    const ca: Translation = { ...es, badge: { ...es.badge, lapsed: 'Afiliació caducada', lapsedNote: (member, date) => `L’afiliació de ${member} va acabar el ${date}.` } };
    registerTranslation('ca', ca);
    await b.updateComplete;
    expect(shown(b)).to.contain('Afiliació caducada');
    // "de 2024" or "del 2024", after the engine's ICU
    expect(shown(b)).to.match(/va acabar el 31 de desembre del? 2024\./);
  });

  it('shows in French, and names, each text a translation from a page’s script lacks; refuses a bad tag; never throws', async () => {
    const partial = { badge: { memberOf: 'Membru de' }, calendar: {}, directory: { sorts: { name: 'Nume' } } } as unknown as Translation;
    const { messages: registered } = await captureConsole('error', async () => registerTranslation('ro', partial));
    expect(registered).to.deep.equal([]);
    const { result: b, messages } = await captureConsole('warn', () => badge({ member: 'pixel-nimois', lang: 'ro' }));
    expect(shown(b)).to.contain('a pris fin le');
    expect(messages.join('\n')).to.match(/the "ro" texts of the badge lack checking, linkBefore, .*lapsedNote.*: in French/);
    expect(shown(await badge({ member: 'kaliop', lang: 'ro' }))).to.contain('Membru de FrenchSouth.digital');

    const refused = await captureConsole('error', async () => [registerTranslation('not a tag!', es), registerTranslation('it', { badge: es.badge } as unknown as Translation)]);
    expect(refused.result).to.deep.equal([false, false]);
    expect(refused.messages.join('\n')).to.contain('registerTranslation("not a tag!"): not registered: "not a tag!" is not a language tag');
    expect(refused.messages.join('\n')).to.contain('registerTranslation("it"): not registered: its calendar, directory texts are missing');
  });

  it('follows a change of the element’s lang: French, English, then the registered Spanish', async () => {
    const d = await settled(await directoryFor({ src: memberFeed }));
    expect(clean($(d, '.dir__search label').textContent)).to.equal('Rechercher un membre');
    d.lang = 'en';
    await d.updateComplete;
    expect(clean($(d, '.dir__search label').textContent)).to.equal('Search members');
    d.lang = 'es';
    await d.updateComplete;
    expect(clean($(d, '.dir__search label').textContent)).to.equal('Buscar un miembro');
  });
});
