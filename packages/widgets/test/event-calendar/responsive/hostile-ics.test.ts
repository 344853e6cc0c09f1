// Issue 12, the calendar part: iCalendar files made to hang or break the page. For each, the page stays responsive
// (the heartbeat's longest gap under RESPONSIVE_GAP_MS) while the calendar loads, changes month and opens an event;
// the valid events still show; the console names what was wrong. Small files are in test/fixtures/ics/; big ones
// are made here; the heaviest (100,000 events…) are in heavy-*.test.ts, beside this file.
import { expect } from '@open-wc/testing';
import { putFeed, serveFeed, uniqueName, until } from '../../../../../test/helpers/feeds.js';
import { responsively } from '../../../../../test/helpers/heartbeat.js';
import { clean, eventsOn, letGo, notes, preload, registry, root, run, runResponsive, said, stallsOf, title } from './hostile-ics-run.js';

const HEADER = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//FrenchSouth.digital//tests//FR', 'X-WR-TIMEZONE:Europe/Paris'];
const file = (lines: string[]) => [...HEADER, ...lines, 'END:VCALENDAR', ''].join('\r\n');
const fixtureText = async (name: string) => (await fetch(`/test/fixtures/ics/${name}`)).text();
const serveIcs = (text: string) => serveFeed(text, { type: 'text/calendar; charset=utf-8' });

/** Two valid events in March 2027 (Paris time), beside whatever a file holds to break the calendar. */
const VALID = [
  'BEGIN:VEVENT', 'UID:valid-a@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART;TZID=Europe/Paris:20270315T093000', 'DTEND;TZID=Europe/Paris:20270315T103000', 'SUMMARY:Atelier valide', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:valid-b@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART;VALUE=DATE:20270318', 'DTEND;VALUE=DATE:20270319', 'SUMMARY:Journée valide', 'END:VEVENT',
];

describe('<fsd-event-calendar> hostile iCalendar files (issue 12)', function () {
  // Each test may run its scenario up to three times (responsively).
  this.timeout(60_000);
  // The dev server compiles each module on its first import: done before any heartbeat, as a built bundle would be.
  before(preload);
  // What a test's calendar held (megabytes of text and events) is let go, so that no later test measures its collection.
  afterEach(letGo);

  it('a VTIMEZONE whose rule changes the clocks every minute: refused, its events shown in the calendar’s zone', async () => {
    const result = await runResponsive(async () => serveIcs(await fixtureText('per-minute-zone.ics')), '2027-03-10');
    expect(eventsOn(result.calendar, '2027-03-10')).to.deep.equal(['10:00 Atelier à l’heure de Montpellier']);
    expect(eventsOn(result.calendar, '2027-03-12')).to.deep.equal(['10:00 Webinaire en UTC']);
    expect(said(result.messages, 'VTIMEZONE "Heure de Montpellier" left out', 'RRULE', 'FREQ=MINUTELY', 'shown in the calendar\'s zone (Europe/Paris)')).to.equal(true);
  });

  it('a VTIMEZONE every second: for an IANA TZID the browser’s zone data is used instead; another TZID falls back', async () => {
    const result = await runResponsive(async () => serveIcs(await fixtureText('per-second-zone.ics')), '2027-03-10');
    expect(eventsOn(result.calendar, '2027-03-10')).to.deep.equal(['10:00 Atelier à Paris']);
    // Heure de Nîmes: refused, not an IANA name, and the calendar has no X-WR-TIMEZONE: its times are read as wall-clock
    // times in the zone the calendar shows (Paris), 15:00 as written.
    expect(eventsOn(result.calendar, '2027-03-11')).to.deep.equal(['15:00 Visite à Nîmes']);
    expect(said(result.messages, 'VTIMEZONE "Europe/Paris" left out', 'FREQ=SECONDLY', 'the browser\'s data for Europe/Paris')).to.equal(true);
    expect(said(result.messages, 'VTIMEZONE "Heure de Nîmes" left out', 'FREQ=SECONDLY')).to.equal(true);
    root(result.calendar).querySelector('dialog')!.close();
    const nav = root(result.calendar).querySelectorAll<HTMLButtonElement>('[part~="nav"] button');
    nav[2]!.click();
    await until(() => title(result.calendar) === 'Avril 2027' && eventsOn(result.calendar, '2027-04-08').length === 1, 4000, 'April');
    // 09:00 Paris in summer time, from Intl's rules, not the file's.
    expect(eventsOn(result.calendar, '2027-04-08')).to.deep.equal(['09:00 Point hebdomadaire']);
  });

  it('an impossible RRULE (31 February) is refused before expansion, one that would search for years is stopped inside ical.js', async () => {
    const result = await runResponsive(async () => serveIcs(await fixtureText('impossible-rrule.ics')), '2027-03-10');
    expect(eventsOn(result.calendar, '2027-03-10')).to.deep.equal(['09:30 Atelier du mercredi']);
    expect(eventsOn(result.calendar, '2027-03-02')).to.deep.equal(['18:00 Afterwork du premier mardi']);
    expect(said(result.messages, 'VEVENT[0] ("impossible-1@example.org", "Le 31 février") left out', 'RRULE', 'BYMONTH=2 has no day 31', 'Le 31 février')).to.equal(true);
    expect(said(result.messages, 'VEVENT "spinning-1@example.org"', 'Un lundi 29 février', 'left out: its RRULE could not be expanded')).to.equal(true);
  });

  it('a bad TZOFFSETTO, BYYEARDAY=366 in a monthly rule and BYHOUR=25 cost only their own part', async () => {
    const result = await runResponsive(async () => serveIcs(await fixtureText('bad-parts.ics')), '2027-03-12');
    expect(eventsOn(result.calendar, '2027-03-12')).to.deep.equal(['09:30 Atelier valide', '14:00 Café hebdomadaire']);
    expect(eventsOn(result.calendar, '2027-03-05')).to.deep.equal(['14:00 Café hebdomadaire']);
    // Its zone refused, the event stays, in the calendar's zone (X-WR-TIMEZONE: Europe/Paris).
    expect(eventsOn(result.calendar, '2027-03-10')).to.deep.equal(['10:00 Atelier à l’heure cassée']);
    expect(result.calendar.state).to.equal('ready');
    // The zone and the two events, named in the console; the zone's event still shows.
    expect(notes(result.calendar)).to.deep.equal(['3 éléments des sources n’ont pas pu être lus : ils ne sont pas affichés.']);
    expect(said(result.messages, 'VTIMEZONE "Heure cassée" left out', 'field "TZOFFSETTO"', 'TZOFFSETTO:midi')).to.equal(true);
    expect(said(result.messages, 'VEVENT[1] ("jour-366@example.org", "Le 366e jour") left out', 'field "RRULE"', 'BYYEARDAY', 'Le 366e jour')).to.equal(true);
    expect(said(result.messages, 'VEVENT[2] ("heure-25@example.org", "La 25e heure") left out', 'field "RRULE"', 'BYHOUR', 'La 25e heure')).to.equal(true);
  });

  it('50 series every second: the calendar’s occurrence budget stops them, with a note; the other events show', async function () {
    this.timeout(60_000);
    const lines: string[] = [];
    for (let i = 0; i < 50; i++) {
      lines.push('BEGIN:VEVENT', `UID:second-${i}@example.org`, 'DTSTAMP:20261120T090000Z', 'DTSTART:20270310T090000Z', 'DTEND:20270310T090001Z', 'RRULE:FREQ=SECONDLY', `SUMMARY:Chaque seconde ${i}`, 'END:VEVENT');
    }
    const result = await runResponsive(() => serveIcs(file([...VALID, ...lines])), '2027-03-15');
    const url = result.calendar.getAttribute('src')!;
    expect(eventsOn(result.calendar, '2027-03-15')).to.deep.equal(['09:30 Atelier valide']);
    expect(notes(result.calendar)).to.deep.equal([`Une source d’événements est trop lourde : une partie seulement de ses événements est affichée (${url}).`]);
    expect(said(result.messages, `${url} is too heavy to show whole`, 'Chaque seconde')).to.equal(true);
  });

  it('a calendar over its budget, loaded again from the offline copy (the network holding back), is bounded again', async function () {
    this.timeout(60_000);
    const lines: string[] = [];
    for (let i = 0; i < 50; i++) {
      lines.push('BEGIN:VEVENT', `UID:again-${i}@example.org`, 'DTSTAMP:20261120T090000Z', 'DTSTART:20270310T090000Z', 'DTEND:20270310T090001Z', 'RRULE:FREQ=SECONDLY', `SUMMARY:Encore chaque seconde ${i}`, 'END:VEVENT');
    }
    const text = file([...VALID, ...lines]);
    const { url, second } = await responsively(
      async () => {
        const name = uniqueName('budget');
        const url = await putFeed(name, text, { type: 'text/calendar' });
        const first = await run(url, '2027-03-15');
        first.calendar.remove();
        // A new visit: this page forgets the feed (as a new page would), and the network does not answer.
        for (const key of [...registry().keys()]) if (key.endsWith(url)) registry().delete(key);
        await putFeed(name, text, { type: 'text/calendar', hold: true });
        return { url, first, second: await run(url, '2027-03-15') };
      },
      ({ first, second }) => stallsOf(first, second),
      letGo,
    );
    expect(eventsOn(second.calendar, '2027-03-15')).to.deep.equal(['09:30 Atelier valide']);
    expect(notes(second.calendar)).to.deep.equal([`Une source d’événements est trop lourde : une partie seulement de ses événements est affichée (${url}).`]);
  });


  it('a 1 MB title, place and description are cut with “…” in the month grid and in the details dialog', async function () {
    this.timeout(60_000);
    const long = 'Un titre démesuré '.repeat(60_000);
    const lines = ['BEGIN:VEVENT', 'UID:long@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART;TZID=Europe/Paris:20270316T140000', 'DTEND;TZID=Europe/Paris:20270316T150000', `SUMMARY:${long}`, `LOCATION:${long}`, `DESCRIPTION:${long}`, 'END:VEVENT'];
    const result = await runResponsive(() => serveIcs(file([...VALID, ...lines])), '2027-03-16');
    const shown = eventsOn(result.calendar, '2027-03-16')[0]!;
    expect(shown.startsWith('14:00 Un titre démesuré') && shown.endsWith('…'), shown.slice(0, 40)).to.equal(true);
    expect(shown.length).to.be.below(320);
    const dialog = root(result.calendar).querySelector('dialog')!;
    const heading = clean(dialog.querySelector('.dialog__title')!.textContent);
    expect(heading.endsWith('…') && heading.length <= 300).to.equal(true);
    const place = clean(dialog.querySelector('.dialog__facts dd')!.textContent);
    expect(place.endsWith('…') && place.length <= 300).to.equal(true);
    const description = clean(dialog.querySelector('.dialog__description')!.textContent);
    expect(description.endsWith('…') && description.length > 19_000 && description.length <= 20_000).to.equal(true);
    expect(eventsOn(result.calendar, '2027-03-15')).to.deep.equal(['09:30 Atelier valide']);
  });
});
