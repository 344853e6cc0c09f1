import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import type { FsdEventCalendar } from '../../src/fsd-event-calendar.js';
import '../../src/fsd-event-calendar.js';
import { chunks } from '../../src/event-calendar/chunks.js';
import { captureConsole, releaseFeed, sampleEventFeed, serveFeed, uniqueName, until } from '../../../../test/helpers/feeds.js';
import { putSignedFeed, testKey } from '../../../../test/helpers/signing.js';

let jsonUrl: string;
let icsUrls: Record<'google' | 'outlook' | 'nextcloud', string>;
before(async () => {
  jsonUrl = await serveFeed(await sampleEventFeed());
  const ics = async (name: string) => serveFeed(await (await fetch(`/test/fixtures/ics/${name}.ics`)).text(), { type: 'text/calendar; charset=utf-8' });
  icsUrls = { google: await ics('google'), outlook: await ics('outlook'), nextcloud: await ics('nextcloud') };
});

/** Resolves once the calendar shows what it will show (at once if it already does). */
async function settled(calendar: FsdEventCalendar): Promise<FsdEventCalendar> {
  await until(() => calendar.state !== 'loading', 8000, 'the calendar to settle');
  await calendar.updateComplete;
  return calendar;
}

async function calendarWith(attributes: Record<string, string | true>): Promise<FsdEventCalendar> {
  const calendar = document.createElement('fsd-event-calendar');
  for (const [name, value] of Object.entries({ src: jsonUrl, ...attributes } as Record<string, string | true>)) calendar.setAttribute(name, value === true ? '' : value);
  const { result } = await captureConsole('warn', async () => settled(await fixture<FsdEventCalendar>(calendar)));
  return result;
}

const root = (c: FsdEventCalendar) => c.shadowRoot!;
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const cell = (c: FsdEventCalendar, day: string) => root(c).querySelector<HTMLElement>(`[data-day="${day}"]`);
/** The events shown on a day of the month grid, as the visitor reads them: "16:00 Webinaire New York". */
/**
 * What a day's cell holds, as a screen reader reads it: each event's button, and for an event of several days drawn as
 * a bar from an earlier cell of the week, its "(suite)" in the lane the bar takes.
 */
const eventsOn = (c: FsdEventCalendar, day: string) => [...(cell(c, day)?.querySelectorAll('[part~="event"], .lane') ?? [])].map((e) => clean(e.textContent)).filter(Boolean);
const title = (c: FsdEventCalendar) => clean(root(c).querySelector('[part~="title"]')?.textContent);
const focused = (c: FsdEventCalendar) => (root(c).activeElement as HTMLElement | null)?.dataset.day;

describe('<fsd-event-calendar> month grid from the JSON events feed', () => {
  it('shows December 2026, Monday first in French, each event on its day at its time in Paris, and passes axe', async () => {
    const calendar = await calendarWith({ date: '2026-12-01', 'time-zone': 'Europe/Paris' });
    expect(calendar.getAttribute('state')).to.equal('ready');
    expect(title(calendar)).to.equal('Décembre 2026');
    const headers = [...root(calendar).querySelectorAll('th')].map((th) => clean(th.textContent));
    expect(headers).to.deep.equal(['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.']);
    // The grid starts on Monday 30 November.
    expect(root(calendar).querySelector('[data-day]')!.getAttribute('data-day')).to.equal('2026-11-30');
    expect(eventsOn(calendar, '2026-12-03')).to.deep.equal(['09:30 Atelier Smart Software : financer sa croissance']);
    expect(eventsOn(calendar, '2026-12-10')).to.deep.equal(['Toute la journée Rencontres du numérique FrenchSouth.digital × DigitalPlace']);
    // One bar across both days: the second day holds its lane, named for screen readers.
    expect(eventsOn(calendar, '2026-12-11')).to.deep.equal(['Rencontres du numérique FrenchSouth.digital × DigitalPlace (suite)']);
    expect(eventsOn(calendar, '2026-12-12')).to.deep.equal([]);
    expect(clean(cell(calendar, '2026-12-03')!.querySelector('.sr-only')!.textContent)).to.equal('jeudi 3 décembre 2026');
    await expect(calendar).to.be.accessible();
  });

  it('in English and the dark theme: Monday first too, and passes axe', async () => {
    const calendar = await calendarWith({ date: '2026-12-01', 'time-zone': 'Europe/Paris', lang: 'en', theme: 'dark' });
    expect(title(calendar)).to.equal('December 2026');
    const headers = [...root(calendar).querySelectorAll('th')].map((th) => clean(th.textContent));
    expect(headers).to.deep.equal(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(eventsOn(calendar, '2026-12-03')).to.deep.equal(['09:30 Smart Software workshop: funding growth']);
    await expect(calendar).to.be.accessible();
  });

  it('shows ISO week numbers on request: 2026 has a week 53', async () => {
    const calendar = await calendarWith({ date: '2027-01-01', 'week-numbers': true });
    const weeks = [...root(calendar).querySelectorAll('tbody th')].map((th) => clean(th.textContent));
    expect(weeks).to.deep.equal(['Semaine 53', 'Semaine 1', 'Semaine 2', 'Semaine 3', 'Semaine 4']);
    cell(calendar, '2027-01-01')!.focus();
    await sendKeys({ press: 'Home' });
    await calendar.updateComplete;
    expect(focused(calendar)).to.equal('2026-12-28');
    await expect(calendar).to.be.accessible();
  });

  it('shows the launch evening of 5 May 2015 at the Domaine de Verchant and the general assembly at the end of June', async () => {
    const may = await calendarWith({ date: '2015-05-05', 'time-zone': 'Europe/Paris' });
    expect(eventsOn(may, '2015-05-05')).to.deep.equal(['18:30 Lancement officiel de FrenchSouth.digital']);
    const june = await calendarWith({ date: '2015-06-15', 'time-zone': 'Europe/Paris', lang: 'en' });
    expect(title(june)).to.equal('June 2015');
    expect(eventsOn(june, '2015-06-30')).to.deep.equal(['17:00 General assembly: election of the permanent board']);
  });

  it('fires fsd-calendar-state with what it shows', async () => {
    const calendar = document.createElement('fsd-event-calendar');
    calendar.setAttribute('src', jsonUrl);
    calendar.setAttribute('date', '2026-12-01');
    const event = oneEvent(calendar, 'fsd-calendar-state');
    await fixture(calendar);
    const { detail } = await event;
    expect(detail).to.deep.equal({ state: 'ready', count: 5, failed: [] });
  });
});

describe('<fsd-event-calendar> time zones and iCalendar sources', () => {
  const zones = {
    'Europe/Paris': { ny: ['2027-07-01', '16:00'], tokyo: ['2027-01-20', '01:00'], committee: ['2027-01-07', '09:00'], newYorkNoVtz: ['2027-02-09', '00:00'] },
    'America/New_York': { ny: ['2027-07-01', '10:00'], tokyo: ['2027-01-19', '19:00'], committee: ['2027-01-07', '03:00'], newYorkNoVtz: ['2027-02-08', '18:00'] },
    'Asia/Tokyo': { ny: ['2027-07-01', '23:00'], tokyo: ['2027-01-20', '09:00'], committee: ['2027-01-07', '17:00'], newYorkNoVtz: ['2027-02-09', '08:00'] },
  } as const;
  for (const [zone, expected] of Object.entries(zones)) {
    it(`puts Google, Outlook and Nextcloud events on the right day at the right time for a viewer in ${zone}`, async () => {
      const src = `${icsUrls.google} ${icsUrls.outlook} ${icsUrls.nextcloud}`;
      const july = await calendarWith({ src, date: '2027-07-01', 'time-zone': zone });
      expect(eventsOn(july, expected.ny[0])).to.include(`${expected.ny[1]} Webinaire New York`);
      const january = await calendarWith({ src, date: '2027-01-15', 'time-zone': zone });
      expect(eventsOn(january, expected.tokyo[0])).to.include(`${expected.tokyo[1]} Visioconférence avec Tokyo`);
      expect(eventsOn(january, expected.committee[0])).to.include(`${expected.committee[1]} Comité Smart Software`);
      const february = await calendarWith({ src, date: '2027-02-01', 'time-zone': zone });
      expect(eventsOn(february, expected.newYorkNoVtz[0])).to.include(`${expected.newYorkNoVtz[1]} Afterwork à New York (fuseau sans VTIMEZONE)`);
      // All-day events are the same days everywhere.
      const march = await calendarWith({ src, date: '2027-03-01', 'time-zone': zone });
      expect(eventsOn(march, '2027-03-10')).to.include('Toute la journée Salon du numérique');
      expect(eventsOn(march, '2027-03-11')).to.include('Salon du numérique (suite)');
      expect(eventsOn(march, '2027-03-12').join(' ')).not.to.contain('Salon du numérique');
    });
  }

  it('expands a weekly series across the change to summer time, without the EXDATE, with the moved occurrence', async () => {
    const march = await calendarWith({ src: icsUrls.google, date: '2027-03-01', 'time-zone': 'Europe/Paris' });
    const cafe = (day: string) => eventsOn(march, day).filter((e) => e.includes('Café des membres'));
    expect(cafe('2027-03-02')).to.deep.equal(['09:30 Café des membres']);
    expect(cafe('2027-03-09')).to.deep.equal(['09:30 Café des membres']);
    expect(cafe('2027-03-16')).to.deep.equal([]);
    expect(cafe('2027-03-23')).to.deep.equal([]);
    expect(cafe('2027-03-24')).to.deep.equal(['14:00 Café des membres (décalé au mercredi)']);
    expect(cafe('2027-03-30')).to.deep.equal(['09:30 Café des membres']);
    // Seen from New York, where summer time began two weeks earlier, the same meeting moves by an hour.
    const ny = await calendarWith({ src: icsUrls.google, date: '2027-03-01', 'time-zone': 'America/New_York' });
    expect(eventsOn(ny, '2027-03-09').filter((e) => e.includes('Café'))).to.deep.equal(['03:30 Café des membres']);
    expect(eventsOn(ny, '2027-03-16').filter((e) => e.includes('Café'))).to.deep.equal([]);
    expect(eventsOn(ny, '2027-03-30').filter((e) => e.includes('Café'))).to.deep.equal(['03:30 Café des membres']);
    expect(eventsOn(ny, '2027-03-02').filter((e) => e.includes('Café'))).to.deep.equal(['03:30 Café des membres']);
  });

  it('shows a night that crosses the change to winter time on both days, and an endless series in any month', async () => {
    const october = await calendarWith({ src: `${icsUrls.outlook} ${icsUrls.nextcloud}`, date: '2027-10-01', 'time-zone': 'Europe/Paris' });
    expect(eventsOn(october, '2027-10-30')).to.include('20:00 Nuit du jeu vidéo');
    expect(eventsOn(october, '2027-10-31')).to.include('Nuit du jeu vidéo (suite)');
    const later = await calendarWith({ src: icsUrls.nextcloud, date: '2031-06-01', 'time-zone': 'Europe/Paris' });
    // Weekdays only: Monday 2 June 2031 yes, Saturday 7 June no; three or more events a day collapse behind "+ n".
    expect(eventsOn(later, '2031-06-02')).to.deep.equal(['08:45 Point quotidien de l’équipe']);
    expect(eventsOn(later, '2031-06-07')).to.deep.equal([]);
  });

  it('keeps showing the good sources when one fails, with a note naming the failed one', async () => {
    const broken = await serveFeed('gone', { status: 404 });
    const { result: calendar, messages } = await captureConsole('error', async () => calendarWith({ src: `${jsonUrl} ${broken}`, date: '2026-12-01', 'time-zone': 'Europe/Paris' }));
    expect(calendar.state).to.equal('ready');
    expect(eventsOn(calendar, '2026-12-03')).to.have.length(1);
    const notes = [...root(calendar).querySelectorAll('[part~="note"]')].map((n) => clean(n.textContent));
    expect(notes).to.deep.equal([`Une source d’événements est indisponible (${broken}).`]);
    expect(messages.some((m) => m.includes(broken) && m.includes('HTTP 404'))).to.equal(true);
    await expect(calendar).to.be.accessible();
  });
});

describe('<fsd-event-calendar> keyboard', () => {
  it('follows the date grid pattern: arrows, Home/End, Page Up/Down, one tab stop, month changes announced', async () => {
    const calendar = await calendarWith({ date: '2026-12-03', 'time-zone': 'Europe/Paris' });
    const tabStops = () => [...root(calendar).querySelectorAll('[data-day]')].filter((c) => c.getAttribute('tabindex') === '0').map((c) => (c as HTMLElement).dataset.day);
    expect(tabStops()).to.deep.equal(['2026-12-03']);
    cell(calendar, '2026-12-03')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await calendar.updateComplete;
    expect(focused(calendar)).to.equal('2026-12-04');
    await sendKeys({ press: 'ArrowDown' });
    await calendar.updateComplete;
    expect(focused(calendar)).to.equal('2026-12-11');
    await sendKeys({ press: 'Home' });
    await calendar.updateComplete;
    expect(focused(calendar)).to.equal('2026-12-07');
    await sendKeys({ press: 'End' });
    await calendar.updateComplete;
    expect(focused(calendar)).to.equal('2026-12-13');
    await sendKeys({ press: 'ArrowLeft' });
    await calendar.updateComplete;
    expect(tabStops()).to.deep.equal(['2026-12-12']);
    // Moving focus selects nothing: no cell says "selected" or "not selected" as focus passes.
    expect(root(calendar).querySelectorAll('[aria-selected]').length).to.equal(0);
    await sendKeys({ press: 'PageDown' });
    await until(() => focused(calendar) === '2027-01-12', 3000, 'focus on 12 January');
    expect(title(calendar)).to.equal('Janvier 2027');
    await until(() => clean(root(calendar).querySelector('[aria-live]')?.textContent) !== '', 3000, 'the announcement');
    expect(clean(root(calendar).querySelector('[aria-live]')!.textContent)).to.equal('Janvier 2027 : 2 événements');
    await sendKeys({ press: 'PageUp' });
    await until(() => focused(calendar) === '2026-12-12', 3000, 'focus back on 12 December');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await until(() => focused(calendar) === '2026-11-28', 3000, 'focus on 28 November');
    expect(title(calendar)).to.equal('Novembre 2026');
  });

  it('opens an event with Enter, in a modal dialog that Escape closes, giving focus back', async () => {
    const calendar = await calendarWith({ date: '2026-12-03', 'time-zone': 'Europe/Paris' });
    cell(calendar, '2026-12-03')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!root(calendar).querySelector('dialog')?.open, 3000, 'the dialog');
    const dialog = root(calendar).querySelector('dialog')!;
    expect(clean(dialog.querySelector('h2')!.textContent)).to.equal('Atelier Smart Software : financer sa croissance');
    await expect(calendar).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !root(calendar).querySelector('dialog'), 3000, 'the dialog to close');
    expect(clean((root(calendar).activeElement as HTMLElement).textContent)).to.equal('09:30 Atelier Smart Software : financer sa croissance');
  });

  it('previous, next and today buttons change the month', async () => {
    const calendar = await calendarWith({ date: '2026-12-03', 'time-zone': 'Europe/Paris', lang: 'en' });
    const buttons = [...root(calendar).querySelectorAll<HTMLButtonElement>('[part~="nav"] button')];
    expect(buttons.map((b) => b.getAttribute('aria-label') ?? clean(b.textContent))).to.deep.equal(['Previous month', 'Today', 'Next month']);
    buttons[2]!.click();
    await calendar.updateComplete;
    expect(title(calendar)).to.equal('January 2027');
    buttons[0]!.click();
    buttons[0]!.click();
    await calendar.updateComplete;
    expect(title(calendar)).to.equal('November 2026');
    // The month expected is read before the click, so that a click just before midnight at a month's end cannot miss.
    const before = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date());
    buttons[1]!.click();
    await calendar.updateComplete;
    const after = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date());
    expect([before, after]).to.include(title(calendar));
  });
});

describe('<fsd-event-calendar> event details and add to my calendar', () => {
  async function openEvent(attributes: Record<string, string>, day: string) {
    const calendar = await calendarWith({ 'time-zone': 'Europe/Paris', ...attributes });
    cell(calendar, day)!.querySelector<HTMLElement>('[part~="event"]')!.click();
    await until(() => !!root(calendar).querySelector('dialog')?.open, 3000, 'the dialog');
    return { calendar, dialog: root(calendar).querySelector('dialog')! };
  }

  it('shows the title, the time in the chosen zone, the place, the organiser and the description with safe links', async () => {
    const { dialog } = await openEvent({ date: '2026-12-03' }, '2026-12-03');
    expect(clean(dialog.querySelector('.dialog__when')!.textContent)).to.equal('jeudi 3 décembre 2026, 09:30 – 12:00 (UTC+1)');
    const facts = [...dialog.querySelectorAll('dt, dd')].map((e) => clean(e.textContent));
    expect(facts).to.deep.equal(['Lieu', 'Kaliop, Montpellier', 'Organisé par', 'Kaliop', 'Catégorie', 'Atelier']);
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>('.dialog__description a')].map((a) => a.href);
    expect(links).to.deep.equal(['https://www.frenchsouth.digital/agenda/atelier-financement-2026-12/', 'mailto:contact@frenchsouth.digital']);
  });

  it('shows the same event at New York time for a viewer there', async () => {
    const { dialog } = await openEvent({ date: '2026-12-03', 'time-zone': 'America/New_York' }, '2026-12-03');
    expect(clean(dialog.querySelector('.dialog__when')!.textContent)).to.equal('jeudi 3 décembre 2026, 03:30 – 06:00 (UTC−5)');
  });

  it('treats feed text as text: no markup, no javascript: link', async () => {
    const url = await serveFeed({
      version: 1,
      events: [{ id: 'x', title: '<b>Gras</b>', start: '2027-01-14T18:00:00+01:00', description: '<img src=x onerror="alert(1)"> javascript:alert(1) https://ok.example/a', location: '<i>ici</i>' }],
    });
    const { dialog } = await openEvent({ src: url, date: '2027-01-14' }, '2027-01-14');
    expect(dialog.querySelector('img, b, i')).to.equal(null);
    expect(clean(dialog.querySelector('h2')!.textContent)).to.equal('<b>Gras</b>');
    expect([...dialog.querySelectorAll('a')].map((a) => a.protocol)).not.to.include('javascript:');
    expect([...dialog.querySelectorAll<HTMLAnchorElement>('.dialog__description a')].map((a) => a.href)).to.deep.equal(['https://ok.example/a']);
  });

  it('offers an .ics download (Apple Calendar and others) that re-parses to the same event, and Google, Outlook.com and Outlook for Microsoft 365 links', async () => {
    const { dialog } = await openEvent({ date: '2026-12-10' }, '2026-12-03');
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>('.dialog__add a')];
    expect(links.map((a) => clean(a.textContent))).to.deep.equal([
      'Apple Calendrier ou autre (fichier .ics)',
      'Google Agenda (nouvel onglet)',
      'Outlook.com (nouvel onglet)',
      'Outlook (Microsoft 365) (nouvel onglet)',
    ]);
    const [file, google, outlook, work] = links;
    expect(file!.download).to.equal('atelier-financement-2026-12.ics');
    const ics = await (await fetch(file!.href)).text();
    const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).to.equal('Atelier Smart Software : financer sa croissance');
    expect(event.startDate.toJSDate().toISOString()).to.equal('2026-12-03T08:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2026-12-03T11:00:00.000Z');
    expect(event.location).to.equal('Kaliop, Montpellier');
    expect(new URL(google!.href).searchParams.get('dates')).to.equal('20261203T083000Z/20261203T110000Z');
    expect(new URL(outlook!.href).hostname).to.equal('outlook.live.com');
    const office = new URL(work!.href);
    expect(office.hostname).to.equal('outlook.office.com');
    expect([office.searchParams.get('subject'), office.searchParams.get('startdt'), office.searchParams.get('enddt')]).to.deep.equal(['Atelier Smart Software : financer sa croissance', '2026-12-03T08:30:00Z', '2026-12-03T11:00:00Z']);
  });

  it('re-exports an all-day event from an ICS source as whole days', async () => {
    const { dialog } = await openEvent({ src: icsUrls.google, date: '2027-03-10' }, '2027-03-10');
    expect(clean(dialog.querySelector('.dialog__when')!.textContent)).to.equal('mercredi 10 – jeudi 11 mars 2027');
    const ics = await (await fetch(dialog.querySelector<HTMLAnchorElement>('.dialog__add a')!.href)).text();
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!);
    expect([event.summary, event.startDate.toString(), event.endDate.toString()]).to.deep.equal(['Salon du numérique', '2027-03-10', '2027-03-12']);
  });
});

describe('<fsd-event-calendar> filters', () => {
  const allIn = async (attributes: Record<string, string | true>) => {
    const calendar = await calendarWith({ view: 'list', date: '2026-12-01', 'time-zone': 'Europe/Paris', ...attributes });
    return [...new Set([...root(calendar).querySelectorAll('.item__title')].map((e) => clean(e.textContent)))];
  };

  it('by college, by category, by organiser, and with the cluster’s own events', async () => {
    expect(await allIn({})).to.have.length(5);
    expect(await allIn({ college: 'smart-software' })).to.deep.equal(['Atelier Smart Software : financer sa croissance']);
    expect(await allIn({ college: 'digital-content-cultures mediacloud-interactivity' })).to.deep.equal([
      'Atelier Mediacloud Interactivity : plates-formes de données et démonstrateurs',
      'Atelier Digital Content & Cultures : financer un jeu vidéo',
    ]);
    expect(await allIn({ category: 'partner' })).to.deep.equal(['Rencontres du numérique FrenchSouth.digital × DigitalPlace']);
    expect(await allIn({ organizer: 'kaliop' })).to.deep.equal(['Atelier Smart Software : financer sa croissance']);
    expect(await allIn({ organizer: 'kaliop', 'include-cluster': true })).to.deep.equal(['Atelier Smart Software : financer sa croissance', 'Soirée de fin d’année du cluster']);
  });

  it('says so when nothing matches, with state empty, and passes axe', async () => {
    const calendar = await calendarWith({ date: '2026-12-01', organizer: 'nobody' });
    expect(calendar.state).to.equal('empty');
    expect(clean(root(calendar).querySelector('[part~="note"]')!.textContent)).to.equal('Aucun événement ce mois-ci.');
    await expect(calendar).to.be.accessible();
  });
});

describe('<fsd-event-calendar> views and states', () => {
  it('lists a month of events from the given day, grouped by day, and passes axe in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      const calendar = await calendarWith({ view: 'list', date: '2026-12-05', 'time-zone': 'Europe/Paris', theme });
      expect(title(calendar)).to.equal('5 décembre 2026 – 4 janvier 2027');
      const days = [...root(calendar).querySelectorAll('.agenda__date')].map((d) => clean(d.textContent));
      expect(days).to.deep.equal(['mardi 8 décembre', 'jeudi 10 décembre', 'vendredi 11 décembre', 'mardi 15 décembre', 'jeudi 17 décembre']);
      await expect(calendar).to.be.accessible();
    }
  });

  it('lists the next events from now, each once, up to the limit', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
    const url = await serveFeed({
      version: 1,
      events: [
        { id: 'past', title: 'Passé', start: day(-3) },
        { id: 'a', title: 'Premier', start: day(1), end: day(3) },
        { id: 'b', title: 'Deuxième', start: day(2) },
        { id: 'c', title: 'Troisième', start: day(40) },
        { id: 'd', title: 'Quatrième', start: day(50) },
        // An all-day event later on comes after the earlier timed ones.
        { id: 'e', title: 'Journée entière', start: day(45).slice(0, 10) },
      ],
    });
    const calendar = await calendarWith({ src: url, view: 'next', limit: '3', lang: 'en' });
    expect(title(calendar)).to.equal('Upcoming events');
    expect([...root(calendar).querySelectorAll('.item__title')].map((e) => clean(e.textContent))).to.deep.equal(['Premier', 'Deuxième', 'Troisième']);
    expect(root(calendar).querySelector('[part~="nav"]')).to.equal(null);
    await expect(calendar).to.be.accessible();
  });

  it('lists the next events from `date` when it is given: from the launch evening of 5 May 2015', async () => {
    const calendar = await calendarWith({ view: 'next', date: '2015-05-05', limit: '2', 'time-zone': 'Europe/Paris' });
    const days = [...root(calendar).querySelectorAll('.agenda__date')].map((d) => clean(d.textContent));
    expect(days).to.deep.equal(['mardi 5 mai 2015', 'jeudi 28 mai 2015']);
    const items = [...root(calendar).querySelectorAll('[part~="event"]')].map((e) => clean(e.querySelector('.item__time')!.textContent) + ' ' + clean(e.querySelector('.item__title')!.textContent));
    expect(items).to.deep.equal(['18:30 Lancement officiel de FrenchSouth.digital', '09:30 Atelier Smart Software : nouvelle dynamique commerciale']);
    await expect(calendar).to.be.accessible();
  });

  it('shows an iCalendar file’s floating times at their wall-clock time in the zone it shows (time-zone), not the visitor’s', async () => {
    const floating = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', 'BEGIN:VEVENT', 'UID:floating-1', 'DTSTAMP:20261101T000000Z', 'SUMMARY:Petit-déjeuner des membres', 'DTSTART:20270115T083000', 'DTEND:20270115T100000', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const url = await serveFeed(floating, { type: 'text/calendar; charset=utf-8' });
    for (const zone of ['America/New_York', 'Asia/Tokyo']) {
      const calendar = await calendarWith({ src: url, view: 'list', date: '2027-01-01', 'time-zone': zone });
      const items = [...root(calendar).querySelectorAll('[part~="event"]')].map((e) => clean(e.querySelector('.item__time')!.textContent) + ' ' + clean(e.querySelector('.item__title')!.textContent));
      expect(items, zone).to.deep.equal(['08:30 Petit-déjeuner des membres']);
    }
  });

  it('shows the list in a narrow container unless a view is set', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px">
      <fsd-event-calendar src=${jsonUrl} date="2026-12-01"></fsd-event-calendar>
      <fsd-event-calendar src=${jsonUrl} date="2026-12-01" view="month"></fsd-event-calendar>
    </div>`);
    const [auto, month] = [...wrapper.querySelectorAll('fsd-event-calendar')];
    await settled(auto!);
    await settled(month!);
    await until(() => !!root(auto!).querySelector('.agenda'), 3000, 'the list');
    expect(root(auto!).querySelector('[part~="grid"]')).to.equal(null);
    expect(root(month!).querySelector('[part~="grid"]')).not.to.equal(null);
  });

  it('is loading, politely, while the feed is on its way', async () => {
    // The server holds the feed until the checks are done, however long axe takes.
    const url = await serveFeed(await sampleEventFeed(), { hold: true });
    const calendar = await fixture<FsdEventCalendar>(html`<fsd-event-calendar src=${url} date="2026-12-01"></fsd-event-calendar>`);
    expect(calendar.getAttribute('state')).to.equal('loading');
    expect(root(calendar).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(clean(root(calendar).querySelector('[role="status"]')!.textContent)).to.equal('Chargement des événements…');
    await expect(calendar).to.be.accessible();
    expect(calendar.state).to.equal('loading');
    await releaseFeed(url);
    await settled(calendar);
    expect(calendar.state).to.equal('ready');
  });

  it('shows an error when no source can be read, and says why in the console', async () => {
    const url = await serveFeed('{"version": 9, "events": []}');
    const { result: calendar, messages } = await captureConsole('error', async () => calendarWith({ src: url, lang: 'en', theme: 'dark' }));
    expect(calendar.state).to.equal('error');
    expect(clean(root(calendar).querySelector('[part~="note"]')!.textContent)).to.equal('Calendar unavailable The events cannot be loaded for now.');
    expect(messages.some((m) => m.includes('unsupported events feed version 9'))).to.equal(true);
    await expect(calendar).to.be.accessible();
  });

  it('shows the valid events of a feed with bad entries, and warns about each bad one', async () => {
    const feed = await sampleEventFeed();
    feed.events.push({ id: 'bad', title: 'Sans fuseau', start: '2026-12-04T10:00:00' });
    const url = await serveFeed(feed);
    const calendar = document.createElement('fsd-event-calendar');
    calendar.setAttribute('src', url);
    calendar.setAttribute('date', '2026-12-01');
    const { messages } = await captureConsole('warn', async () => settled(await fixture<FsdEventCalendar>(calendar)));
    expect(eventsOn(calendar, '2026-12-03')).to.have.length(1);
    expect(eventsOn(calendar, '2026-12-04')).to.deep.equal([]);
    expect(messages.some((m) => m.includes('("bad") left out: field "start"'))).to.equal(true);
    const notes = [...root(calendar).querySelectorAll('[part~="note"]')].map((n) => clean(n.textContent));
    expect(notes).to.deep.equal(['Un élément des sources n’a pas pu être lu : il n’est pas affiché.']);
    await expect(calendar).to.be.accessible();
  });

  it('counts the entries left out of all its sources in one note, in English too, and shows none when all were read', async () => {
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Left out//FR',
      'BEGIN:VEVENT', 'UID:good@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART:20261210T090000Z', 'DTEND:20261210T100000Z', 'SUMMARY:Atelier lisible', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:no-start@example.org', 'DTSTAMP:20261120T090000Z', 'SUMMARY:Sans début', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:bad-start@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART:demain matin', 'SUMMARY:Début illisible', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n');
    const icsUrl = await serveFeed(ics, { type: 'text/calendar; charset=utf-8' });
    const feed = await sampleEventFeed();
    feed.events.push({ id: 'bad', title: 'Sans fuseau', start: '2026-12-04T10:00:00' });
    const jsonWithBad = await serveFeed(feed);
    const calendar = document.createElement('fsd-event-calendar');
    for (const [name, value] of Object.entries({ src: `${jsonWithBad} ${icsUrl}`, date: '2026-12-01', 'time-zone': 'Europe/Paris', lang: 'en' })) calendar.setAttribute(name, value);
    const { messages } = await captureConsole('warn', async () => settled(await fixture<FsdEventCalendar>(calendar)));
    // The valid events of both sources show; each entry left out is named in the console.
    expect(eventsOn(calendar, '2026-12-10')).to.include('10:00 Atelier lisible');
    expect(eventsOn(calendar, '2026-12-03')).to.have.length(1);
    expect(messages.filter((m) => m.includes('left out'))).to.have.length(3);
    const notes = [...root(calendar).querySelectorAll('[part~="note"]')].map((n) => clean(n.textContent));
    expect(notes).to.deep.equal(['3 items of the sources could not be read and are not shown.']);
    await expect(calendar).to.be.accessible();

    calendar.src = jsonUrl;
    await settled(calendar);
    await until(() => !eventsOn(calendar, '2026-12-10').includes('10:00 Atelier lisible'), 3000, 'the iCalendar source to be dropped');
    expect(root(calendar).querySelectorAll('[part~="note"]')).to.have.length(0);
  });
});

describe('<fsd-event-calendar> busy days and changes', () => {
  it('shows two events of a busy day and “+ 3 autres”, which opens a popover of them all: keyboard, focus back, axe', async () => {
    const url = await serveFeed({
      version: 1,
      events: Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, title: `Événement ${i + 1}`, start: `2027-01-14T${10 + i}:00:00+01:00` })),
    });
    const calendar = await calendarWith({ src: url, date: '2027-01-14', 'time-zone': 'Europe/Paris' });
    expect(eventsOn(calendar, '2027-01-14')).to.deep.equal(['10:00 Événement 1', '11:00 Événement 2']);
    const more = cell(calendar, '2027-01-14')!.querySelector<HTMLButtonElement>('.more')!;
    expect(clean(more.textContent)).to.equal('+ 3 autres');
    more.focus();
    await sendKeys({ press: 'Enter' });
    const popover = () => root(calendar).querySelector<HTMLElement>('[part~="day-popover"]');
    await until(() => Boolean(popover()?.matches(':popover-open')), 5000, 'the popover to open');
    // The cell keeps its size: the day's events are in the popover.
    expect(eventsOn(calendar, '2027-01-14')).to.have.length(2);
    const open = popover()!;
    expect(clean(open.querySelector('.popover__title')!.textContent)).to.equal('jeudi 14 janvier');
    expect(open.getAttribute('role')).to.equal('dialog');
    expect(open.getAttribute('aria-labelledby')).to.equal(open.querySelector('.popover__title')!.id);
    expect([...open.querySelectorAll('[part~="event"]')].map((e) => clean(e.textContent))).to.deep.equal(['10:00 Événement 1', '11:00 Événement 2', '12:00 Événement 3', '13:00 Événement 4', '14:00 Événement 5']);
    expect(root(calendar).activeElement).to.equal(open.querySelector('[part~="event"]'));
    // Over its cell, within the viewport.
    const box = open.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(innerWidth);
    await expect(calendar).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !popover() && root(calendar).activeElement === more, 5000, 'the popover to close and the focus to come back');

    // An event of the popover opens its details; closing them gives the focus back to "+ 3 autres".
    more.click();
    await until(() => Boolean(popover()?.matches(':popover-open')), 5000, 'the popover to open again');
    popover()!.querySelectorAll<HTMLButtonElement>('[part~="event"]')[3]!.click();
    // Gone in the calendar's next update, not a task later with the popover's toggle event (after the dialog, in Firefox).
    await calendar.updateComplete;
    expect(popover()).to.equal(null);
    await until(() => Boolean(root(calendar).querySelector<HTMLDialogElement>('dialog[part~="dialog"]')?.open), 5000, 'the event to open');
    expect(clean(root(calendar).querySelector('dialog .dialog__title')!.textContent)).to.equal('Événement 4');
    expect(popover()).to.equal(null);
    root(calendar).querySelector<HTMLDialogElement>('dialog[part~="dialog"]')!.close();
    await until(() => root(calendar).activeElement === more, 5000, 'the focus back on “+ 3 autres”');
  });

  it('follows changes of time zone, then of src and date, and fires fsd-event-open', async () => {
    const calendar = await calendarWith({ src: icsUrls.outlook, date: '2027-04-15', 'time-zone': 'Europe/Paris' });
    expect(eventsOn(calendar, '2027-04-15')).to.deep.equal(['16:00 Point avec la French Tech New York']);
    calendar.setAttribute('time-zone', 'America/New_York');
    await calendar.updateComplete;
    expect(eventsOn(calendar, '2027-04-15')).to.deep.equal(['10:00 Point avec la French Tech New York']);
    calendar.setAttribute('src', jsonUrl);
    calendar.setAttribute('date', '2026-12-01');
    await settled(calendar);
    await until(() => eventsOn(calendar, '2026-12-03').length === 1, 3000, 'the JSON events');
    expect(eventsOn(calendar, '2027-04-15')).to.deep.equal([]);
    const opened = oneEvent(calendar, 'fsd-event-open');
    cell(calendar, '2026-12-03')!.querySelector<HTMLElement>('[part~="event"]')!.click();
    const { detail } = await opened;
    expect(detail.event.id).to.equal('atelier-financement-2026-12');
    expect(detail.source).to.equal(jsonUrl);
  });

  it('warns about an unknown time zone or view and falls back', async () => {
    const calendar = document.createElement('fsd-event-calendar');
    calendar.setAttribute('src', jsonUrl);
    calendar.setAttribute('time-zone', 'Romance Standard Time');
    calendar.setAttribute('view', 'agenda');
    const { messages } = await captureConsole('warn', async () => settled(await fixture<FsdEventCalendar>(calendar)));
    expect(messages.some((m) => m.includes('time-zone="Romance Standard Time" is not an IANA time zone'))).to.equal(true);
    expect(messages.some((m) => m.includes('view="agenda" is not one of "month", "list", "next"'))).to.equal(true);
    expect(root(calendar).querySelector('[part~="grid"]')).not.to.equal(null);
  });
});

describe('<fsd-event-calendar> subscriptions', () => {
  const base = 'https://www.frenchsouth.digital/feeds/';
  async function withSubscriptions(attributes: Record<string, string | true>) {
    const feed = { ...(await sampleEventFeed()), subscriptions: { all: { ics: `${base}events.ics` }, colleges: { 'smart-software': { ics: `${base}colleges/smart-software.ics` } }, members: { kaliop: { ics: `${base}members/kaliop.ics` } } } };
    return menuLoaded(await calendarWith({ src: await serveFeed(feed), date: '2026-12-03', 'time-zone': 'Europe/Paris', ...attributes }));
  }
  /** The menu comes with the details chunk, fetched once the calendar settled: waits for that chunk and its update. */
  async function menuLoaded(calendar: FsdEventCalendar): Promise<FsdEventCalendar> {
    await chunks.details();
    await new Promise((resolve) => setTimeout(resolve));
    await calendar.updateComplete;
    return calendar;
  }
  const links = (c: FsdEventCalendar) => [...root(c).querySelectorAll<HTMLAnchorElement>('[part~="subscribe"] a')].map((a) => a.href);

  it('offers the whole calendar in a calendar app, in Google Calendar and by its address, with the keyboard', async () => {
    const calendar = await withSubscriptions({});
    const menu = root(calendar).querySelector<HTMLDetailsElement>('[part~="subscribe"]')!;
    expect(clean(menu.querySelector('summary')!.textContent)).to.equal('S’abonner');
    expect(links(calendar)).to.deep.equal([
      'webcal://www.frenchsouth.digital/feeds/events.ics',
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent('webcal://www.frenchsouth.digital/feeds/events.ics')}`,
      'https://www.frenchsouth.digital/feeds/events.ics',
    ]);
    menu.querySelector('summary')!.focus();
    // A key press reaches the summary only in a page that has the keyboard focus (in Firefox, a download earlier in
    // the run once left it in the downloads panel: web-test-runner.config.js); say so rather than "the menu is shut"
    expect(document.hasFocus(), 'the test page has the keyboard focus').to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(menu.open).to.equal(true);
    await expect(calendar).to.be.accessible();
  });

  it('offers the calendar that holds exactly what is shown: a member’s, a college’s; none for a category', async () => {
    expect(links(await withSubscriptions({ organizer: 'kaliop' }))[2]).to.equal(`${base}members/kaliop.ics`);
    expect(links(await withSubscriptions({ college: 'smart-software' }))[2]).to.equal(`${base}colleges/smart-software.ics`);
    expect(links(await withSubscriptions({ organizer: 'kaliop', 'include-cluster': true }))).to.deep.equal([]);
    expect(links(await withSubscriptions({ category: 'workshop' }))).to.deep.equal([]);
    expect(links(await withSubscriptions({ organizer: 'awox' }))).to.deep.equal([]);
    expect(links(await withSubscriptions({ organizer: 'constructor' })), 'a name every object has').to.deep.equal([]);
    expect(links(await withSubscriptions({ college: 'toString' }))).to.deep.equal([]);
    expect(links(await menuLoaded(await calendarWith({ date: '2026-12-03' })))).to.deep.equal([]);
  });
});

describe('<fsd-event-calendar> failures stay inside the widget', () => {
  it('shows the JSON events and a polite note when the iCalendar reader cannot load, and tries again at the next update', async () => {
    const load = chunks.ics;
    chunks.ics = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: ics.js'));
    try {
      const calendar = document.createElement('fsd-event-calendar');
      calendar.setAttribute('src', `${jsonUrl} ${icsUrls.outlook}`);
      calendar.setAttribute('date', '2026-12-01');
      calendar.setAttribute('time-zone', 'Europe/Paris');
      const states: unknown[] = [];
      calendar.addEventListener('fsd-calendar-state', (e) => states.push(e.detail));
      const { messages } = await captureConsole('error', async () => settled(await fixture<FsdEventCalendar>(calendar)));
      expect(calendar.state).to.equal('ready');
      expect(eventsOn(calendar, '2026-12-03')).to.have.length(1);
      const notes = [...root(calendar).querySelectorAll('[part~="note"]')].map((n) => clean(n.textContent));
      expect(notes).to.deep.equal([`Une source d’événements est indisponible (${icsUrls.outlook}).`]);
      expect(states).to.deep.equal([{ state: 'ready', count: 5, failed: [icsUrls.outlook] }]);
      expect(messages.some((m) => m.startsWith('[FrenchSouth.digital] <fsd-event-calendar>: the iCalendar reader could not load') && m.includes('ics.js'))).to.equal(true);
      await expect(calendar).to.be.accessible();

      // The chunk can be fetched again: the next update loads it and shows the ICS events.
      chunks.ics = load;
      calendar.setAttribute('date', '2027-04-01');
      await until(() => eventsOn(calendar, '2027-04-15').length === 1, 5000, 'the ICS events');
      expect(eventsOn(calendar, '2027-04-15')).to.deep.equal(['16:00 Point avec la French Tech New York']);
      expect(root(calendar).querySelectorAll('[part~="note"]').length).to.equal(0);
    } finally {
      chunks.ics = load;
    }
  });

  it('is in error, not loading for ever, when its only source is iCalendar and the reader cannot load', async () => {
    const load = chunks.ics;
    chunks.ics = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: ics.js'));
    try {
      const { result: calendar } = await captureConsole('error', async () => calendarWith({ src: icsUrls.google, lang: 'en' }));
      expect(calendar.state).to.equal('error');
      expect(clean(root(calendar).querySelector('[part~="note"]')!.textContent)).to.equal('Calendar unavailable The events cannot be loaded for now.');
    } finally {
      chunks.ics = load;
    }
  });

  it('drops the iCalendar reader’s load when taken out of the page, and loads it again once back', async () => {
    const load = chunks.ics;
    const asked: ((reader: Awaited<ReturnType<typeof load>>) => void)[] = [];
    chunks.ics = () => new Promise((resolve) => asked.push(resolve));
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const calendar = document.createElement('fsd-event-calendar');
      for (const [name, value] of Object.entries({ src: icsUrls.outlook, date: '2027-04-01', 'time-zone': 'Europe/Paris' })) calendar.setAttribute(name, value);
      wrapper.append(calendar);
      await until(() => asked.length === 1, 5000, 'the reader to be asked for');
      calendar.remove();
      // What the stopped load brings is dropped: out of the page, the calendar stays as it was.
      asked[0]!(await load());
      await new Promise((r) => setTimeout(r, 50));
      expect(calendar.state).to.equal('loading');
      chunks.ics = load;
      wrapper.append(calendar);
      await settled(calendar);
      expect(eventsOn(calendar, '2027-04-15')).to.deep.equal(['16:00 Point avec la French Tech New York']);
    } finally {
      chunks.ics = load;
    }
  });

  it('drops the iCalendar reader’s load when no .ics source is left, and asks again when one comes back', async () => {
    const load = chunks.ics;
    const asked: ((reader: Awaited<ReturnType<typeof load>>) => void)[] = [];
    chunks.ics = () => new Promise((resolve) => asked.push(resolve));
    try {
      const calendar = document.createElement('fsd-event-calendar');
      for (const [name, value] of Object.entries({ src: icsUrls.outlook, date: '2027-04-01', 'time-zone': 'Europe/Paris' })) calendar.setAttribute(name, value);
      await fixture(calendar);
      await until(() => asked.length === 1, 5000, 'the reader to be asked for');
      calendar.setAttribute('src', jsonUrl);
      await settled(calendar);
      asked[0]!(await load());
      calendar.setAttribute('src', icsUrls.outlook);
      await until(() => asked.length === 2, 5000, 'the reader to be asked for again');
      expect(calendar.state).to.equal('loading');
      asked[1]!(await load());
      await until(() => eventsOn(calendar, '2027-04-15').length === 1, 5000, 'the ICS events');
      expect(eventsOn(calendar, '2027-04-15')).to.deep.equal(['16:00 Point avec la French Tech New York']);
    } finally {
      chunks.ics = load;
    }
  });

  it('says in the console, and throws nothing, when the details cannot be fetched; the next click opens them', async () => {
    const load = chunks.details;
    chunks.details = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: event-details.js'));
    try {
      const calendar = await calendarWith({ date: '2026-12-03', 'time-zone': 'Europe/Paris' });
      const opened: unknown[] = [];
      calendar.addEventListener('fsd-event-open', (e) => opened.push(e.detail.event.id));
      const event = () => cell(calendar, '2026-12-03')!.querySelector<HTMLElement>('[part~="event"]')!;
      const messages: string[] = [];
      const error = console.error;
      console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
      try {
        event().click();
        await until(() => messages.length > 0, 3000, 'the console message');
      } finally {
        console.error = error;
      }
      expect(messages).to.deep.equal([
        '[FrenchSouth.digital] <fsd-event-calendar>: the details of "atelier-financement-2026-12" could not be opened (TypeError: Failed to fetch dynamically imported module: event-details.js)',
      ]);
      expect(root(calendar).querySelector('dialog')).to.equal(null);
      expect(opened).to.deep.equal([]);

      chunks.details = load;
      event().click();
      await until(() => !!root(calendar).querySelector('dialog')?.open, 3000, 'the dialog');
      expect(opened).to.deep.equal(['atelier-financement-2026-12']);
    } finally {
      chunks.details = load;
    }
  });

  it('shows the details in place, says so in the console and throws nothing, when the dialog cannot be modal', async () => {
    const calendar = await calendarWith({ date: '2026-12-03', 'time-zone': 'Europe/Paris' });
    const showModal = HTMLDialogElement.prototype.showModal;
    HTMLDialogElement.prototype.showModal = () => {
      throw new DOMException('The dialog cannot be shown', 'InvalidStateError');
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => {
      unhandled.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const { result: opened, messages } = await captureConsole('warn', async () => {
        const open = oneEvent(calendar, 'fsd-event-open');
        cell(calendar, '2026-12-03')!.querySelector<HTMLElement>('[part~="event"]')!.click();
        return (await open).detail.event.id;
      });
      expect(unhandled).to.deep.equal([]);
      expect(opened).to.equal('atelier-financement-2026-12');
      const dialog = root(calendar).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(false);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.match(/^\[FrenchSouth\.digital\] <fsd-event-calendar>: the details of "atelier-financement-2026-12" could not open as a modal dialog; shown in place InvalidStateError/);
      dialog.close();
    } finally {
      HTMLDialogElement.prototype.showModal = showModal;
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

});

describe('<fsd-event-calendar>: the cluster’s mark', () => {
  const signed = async () => ({ ...(await sampleEventFeed()), updated: '2026-11-20T09:00:00+01:00', expires: new Date(Date.now() + 86_400_000).toISOString() });
  const source = (c: FsdEventCalendar) => root(c).querySelector('[part~="source"]');

  it('shows the mark and the date the cluster signed under events from its signed feed, beside a member’s own calendar too', async () => {
    const src = await putSignedFeed(uniqueName(), await signed(), await testKey());
    const calendar = await calendarWith({ src, date: '2026-12-01', 'time-zone': 'Europe/Paris' });
    expect(clean(source(calendar)?.textContent)).to.equal('Événements de FrenchSouth.digital : liste signée par le cluster le 20 novembre 2026');
    expect(source(calendar)!.querySelector('svg[aria-hidden="true"]')).to.exist;
    await expect(calendar).to.be.accessible();
    calendar.setAttribute('lang', 'en');
    calendar.setAttribute('src', `${src} ${icsUrls.google}`);
    await settled(calendar);
    expect(clean(source(calendar)?.textContent)).to.equal('FrenchSouth.digital events: list signed by the cluster on 20 November 2026');
  });

  it('shows the events without the mark from an unsigned feed, a feed signed by another key, or an iCalendar file', async () => {
    const foreign = await putSignedFeed(uniqueName(), await signed(), await testKey(false));
    for (const src of [await serveFeed(await signed()), foreign]) {
      const calendar = await calendarWith({ src, date: '2026-12-01', 'time-zone': 'Europe/Paris' });
      expect(eventsOn(calendar, '2026-12-03'), src).to.deep.equal(['09:30 Atelier Smart Software : financer sa croissance']);
      expect(source(calendar), src).to.equal(null);
    }
    const ics = await calendarWith({ src: icsUrls.google, date: '2027-03-01', 'time-zone': 'Europe/Paris' });
    expect(ics.getAttribute('state')).to.equal('ready');
    expect(source(ics)).to.equal(null);
  });
});

describe('<fsd-event-calendar> events of several days in the month grid', () => {
  // Friday 8 to Tuesday 12 January 2027: across a week break. Events of one day below and beside it.
  const feed = {
    version: 1,
    events: [
      { id: 'salon', title: 'Salon de l’innovation', start: '2027-01-08', end: '2027-01-12', allDay: true },
      { id: 'atelier', title: 'Atelier du samedi', start: '2027-01-09T10:00:00+01:00', end: '2027-01-09T11:00:00+01:00' },
      { id: 'forum', title: 'Forum de deux jours', start: '2027-01-09T09:00:00+01:00', end: '2027-01-10T18:00:00+01:00' },
      { id: 'long', title: 'Atelier Smart Software : financer sa croissance et préparer sa levée de fonds', start: '2027-01-06T09:30:00+01:00', end: '2027-01-06T12:00:00+01:00' },
    ],
  };
  const box = (element: Element) => element.getBoundingClientRect();
  const bar = (c: FsdEventCalendar, day: string, title: string) =>
    [...cell(c, day)!.querySelectorAll<HTMLElement>('.chip--span')].find((chip) => clean(chip.textContent).includes(title))!;

  async function grid(direction: 'ltr' | 'rtl'): Promise<FsdEventCalendar> {
    const url = await serveFeed(feed);
    const wrapper = await fixture<HTMLDivElement>(html`<div dir=${direction} style="inline-size: 900px"></div>`);
    const calendar = document.createElement('fsd-event-calendar');
    for (const [name, value] of Object.entries({ src: url, date: '2027-01-01', view: 'month', 'time-zone': 'Europe/Paris' })) calendar.setAttribute(name, value);
    wrapper.append(calendar);
    return settled(calendar);
  }

  it('gives a title two lines in a cell at least 100 px wide before it is cut, and its whole text to the accessible name', async () => {
    const c = await grid('ltr');
    const day = cell(c, '2027-01-06')!;
    expect(box(day).width).to.be.at.least(100);
    const chip = day.querySelector<HTMLElement>('[part~="event"]')!;
    const [time, title] = [chip.querySelector<HTMLElement>('.chip__time')!, chip.querySelector<HTMLElement>('.chip__title')!];
    const style = getComputedStyle(chip);
    // What is drawn: the chip's height, less its padding, in lines: the time's line, then two of the title.
    const lines = (chip.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight);
    expect(Math.round(lines)).to.equal(3);
    expect(box(title).top).to.be.at.least(box(time).bottom - 1, 'the title starts below the time');
    expect(Math.round(box(title).height / parseFloat(style.lineHeight))).to.equal(2);
    expect(title.scrollHeight).to.be.above(title.clientHeight, 'the rest of the title is cut');
    expect(clean(chip.textContent)).to.equal('09:30 Atelier Smart Software : financer sa croissance et préparer sa levée de fonds');
  });

  for (const direction of ['ltr', 'rtl'] as const) {
    it(`draws one bar across the days an event covers, continued on the next week's row (${direction})`, async () => {
      const c = await grid(direction);
      // Week of 4–10 January: the bar starts on Friday 8 and reaches Sunday 10, in the reading direction.
      const first = bar(c, '2027-01-08', 'Salon de l’innovation');
      const [friday, sunday] = [box(cell(c, '2027-01-08')!), box(cell(c, '2027-01-10')!)];
      if (direction === 'ltr') {
        expect(Math.abs(box(first).left - friday.left)).to.be.below(8);
        expect(Math.abs(box(first).right - sunday.right)).to.be.below(8);
      } else {
        expect(Math.abs(box(first).right - friday.right)).to.be.below(8);
        expect(Math.abs(box(first).left - sunday.left)).to.be.below(8);
      }
      // Its lane is kept in the days it covers: "(suite)" for screen readers, nothing drawn over it.
      expect(eventsOn(c, '2027-01-09')).to.deep.equal(['Salon de l’innovation (suite)', '09:00 Forum de deux jours', '10:00 Atelier du samedi']);
      const saturdayEvent = [...cell(c, '2027-01-09')!.querySelectorAll('[part~="event"]')].find((e) => clean(e.textContent).includes('Atelier du samedi'))!;
      const forum = bar(c, '2027-01-09', 'Forum de deux jours');
      expect(box(forum).top).to.be.at.least(box(first).bottom - 1);
      expect(box(saturdayEvent).top).to.be.at.least(box(forum).bottom - 1);
      // The next row: the bar again from Monday 11 to Tuesday 12, marked as continued.
      const second = bar(c, '2027-01-11', 'Salon de l’innovation');
      expect(second.classList.contains('chip--continued')).to.equal(true);
      expect(clean(second.textContent)).to.equal('Toute la journée Salon de l’innovation');
      const tuesday = box(cell(c, '2027-01-12')!);
      expect(Math.abs((direction === 'ltr' ? box(second).right - tuesday.right : box(second).left - tuesday.left))).to.be.below(8);
      expect(eventsOn(c, '2027-01-12')).to.deep.equal(['Salon de l’innovation (suite)']);
      expect(eventsOn(c, '2027-01-13')).to.deep.equal([]);
      // One button per row of the bar: each opens the event.
      second.click();
      await until(() => Boolean(root(c).querySelector<HTMLDialogElement>('dialog[part~="dialog"]')?.open), 5000, 'the event to open');
      expect(clean(root(c).querySelector('.dialog__title')!.textContent)).to.equal('Salon de l’innovation');
      root(c).querySelector<HTMLDialogElement>('dialog[part~="dialog"]')!.close();
      await expect(c).to.be.accessible();
    });
  }
});
