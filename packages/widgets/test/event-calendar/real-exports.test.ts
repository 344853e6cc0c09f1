// The month grid on calendars as programs really export them (issue 10): one file per program under
// test/fixtures/ics/wild/, written as that program writes (CRLF, folded lines, its VTIMEZONE shapes, its quirks). Each
// occurrence must be shown on its day at its time, none missing and none extra, in two shown zones (`time-zone`) and in
// the zone of the visitor's computer. This file runs in the `calendar` group (every engine, in the machine's zone) and
// again in the `viewer-zone` group, whose Chromium has another zone (web-test-runner.config.js), so that a time read
// in the visitor's zone where another was meant cannot pass in both.
import { expect, fixture } from '@open-wc/testing';
import type { FsdEventCalendar } from '../../src/fsd-event-calendar.js';
import '../../src/fsd-event-calendar.js';
import { captureConsole, serveFeed, until } from '../../../../test/helpers/feeds.js';

/**
 * An occurrence as the file's author meant it: at an instant (`at`, UTC), all day on a date (`allDay`), or at a wall-clock
 * time of the zone the calendar shows, whatever that is (`floating`, a time with no zone and no X-WR-TIMEZONE).
 */
type Expected = { title: string } & ({ at: string } | { allDay: string } | { floating: string });

interface Export {
  file: string;
  expected: Expected[];
  /** What the console must name about the file's bad parts (each message must contain every string of its entry). */
  warnings?: string[][];
}

const EXPORTS: Export[] = [
  {
    // The Events Calendar writes its VTIMEZONE's changes from the first event's year only, as dates without rules:
    // the December event comes before the first of them. Its zone is an IANA name: the browser's data counts. A site
    // set to "UTC+1" gets a zone of that name: its one observance is extended backwards.
    file: 'wordpress-the-events-calendar.ics',
    expected: [
      { title: 'Permanence export (site réglé sur UTC+1)', at: '2026-12-03T13:00:00Z' },
      { title: 'Atelier Mediacloud : la vidéo interactive', at: '2026-12-10T09:00:00Z' },
      { title: 'Soirée des vœux des trois collèges', at: '2027-01-14T17:30:00Z' },
      { title: 'Journée Digital Content & Cultures', allDay: '2027-01-21' },
      { title: 'Petit-déjeuner Smart Software', at: '2027-04-08T06:30:00Z' },
    ],
  },
  {
    // EventON: floating times and no X-WR-TIMEZONE; an all-day date written as DTSTART:20270205, without VALUE=DATE.
    file: 'wordpress-eventon.ics',
    expected: [
      { title: 'Matinée portes ouvertes Kaliop', floating: '2027-02-03T09:00' },
      { title: 'Hackathon interne (toute la journée)', allDay: '2027-02-05' },
      { title: 'Afterwork des développeurs', floating: '2027-02-26T17:30' },
    ],
  },
  {
    // All-in-One Event Calendar: floating times in the calendar's X-WR-TIMEZONE, across the change to summer time.
    file: 'wordpress-all-in-one.ics',
    expected: [
      { title: 'Conférence maison connectée', at: '2027-02-11T17:30:00Z' },
      { title: 'Démonstration produits (heure d’été)', at: '2027-04-01T07:00:00Z' },
    ],
  },
  {
    // Exchange 2016: quoted TZIDs, BYDAY with a space, a display name as TZID, an all-day series whose exception has a
    // midnight date-time RECURRENCE-ID, and a line broken by a bad fold, which costs its event only.
    file: 'exchange-2016.ics',
    expected: [
      { title: 'Comité de pilotage', at: '2027-01-04T08:30:00Z' },
      { title: 'Comité de pilotage', at: '2027-01-06T08:30:00Z' },
      { title: 'Comité de pilotage', at: '2027-01-11T08:30:00Z' },
      { title: 'Visio avec Bruxelles', at: '2027-01-12T10:00:00Z' },
      { title: 'Permanence juridique', allDay: '2027-02-01' },
      { title: 'Permanence juridique (mardi)', allDay: '2027-02-09' },
      { title: 'Permanence juridique', allDay: '2027-02-15' },
    ],
    warnings: [['040000008200E00074C5B7101A82E00800000000EEEEEEEEEEEEEEEE', 'Réunion budget', 'Smart Software']],
  },
  {
    // Outlook.com: Windows zone names with no VTIMEZONE, bare, quoted, as display names, and as X-WR-TIMEZONE. New York
    // is on summer time two weeks before Paris.
    file: 'outlook-com.ics',
    expected: [
      { title: 'Webinaire avec Berlin', at: '2027-03-02T09:00:00Z' },
      { title: 'Revue mensuelle', at: '2027-03-05T12:00:00Z' },
      { title: 'Point French Tech New York', at: '2027-03-16T14:00:00Z' },
      { title: 'Visio Tokyo', at: '2027-03-18T08:00:00Z' },
    ],
  },
  {
    // Google Calendar: two copies of one override (the higher SEQUENCE first in the file), a cancelled occurrence, a
    // series across the change to summer time, RDATE, an all-day event of two days.
    file: 'google-calendar.ics',
    expected: [
      { title: 'Café des membres', at: '2027-03-10T07:30:00Z' },
      { title: 'Café des membres (en ligne)', at: '2027-03-17T09:00:00Z' },
      { title: 'Salon Mediacloud', allDay: '2027-03-22' },
      { title: 'Café des membres', at: '2027-03-31T06:30:00Z' },
      { title: 'Rencontres Novae LR', at: '2027-04-05T12:00:00Z' },
      { title: 'Rencontres Novae LR', at: '2027-04-12T12:00:00Z' },
      { title: 'Rencontres Novae LR', at: '2027-04-19T12:00:00Z' },
    ],
  },
  {
    // Apple Calendar: RANGE=THISANDFUTURE moves the series from 28 January on, two hours later, with its new title.
    file: 'apple-icloud.ics',
    expected: [
      { title: 'Séminaire Mediacloud', at: '2027-01-07T13:00:00Z' },
      { title: 'Séminaire Mediacloud', at: '2027-01-14T13:00:00Z' },
      { title: 'Séminaire Mediacloud', at: '2027-01-21T13:00:00Z' },
      { title: 'Festival Cultures numériques', allDay: '2027-01-22' },
      { title: 'Séminaire Mediacloud (nouvel horaire)', at: '2027-01-28T15:00:00Z' },
      { title: 'Séminaire Mediacloud (nouvel horaire)', at: '2027-02-04T15:00:00Z' },
      { title: 'Séminaire Mediacloud (nouvel horaire)', at: '2027-02-11T15:00:00Z' },
    ],
  },
  {
    // Thunderbird: a Lightning /mozilla.org/ TZID with no VTIMEZONE of its name, a cancelled event, and two copies of
    // one event without SEQUENCE, the later LAST-MODIFIED first in the file.
    file: 'thunderbird.ics',
    expected: [
      { title: "Conseil d'administration", at: '2027-02-09T17:00:00Z' },
      { title: 'Formation accessibilité (matin)', at: '2027-02-11T08:00:00Z' },
    ],
  },
  {
    // DAVx5 (ical4j): the VTIMEZONE after the events, an EXDATE and a cancelled occurrence in a daily series.
    file: 'davx5-android.ics',
    expected: [
      { title: 'Point quotidien', at: '2027-03-01T08:15:00Z' },
      { title: 'Point quotidien', at: '2027-03-02T08:15:00Z' },
      { title: 'Point quotidien', at: '2027-03-05T08:15:00Z' },
    ],
  },
];

/** A date and a time of day in a zone, read by the browser's own Intl (not the calendar's code). */
function wallClock(instant: string, zone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** What the grid must show, in the zone it shows: "2027-01-04 09:30 Comité de pilotage", sorted. */
function shownAs(expected: Expected[], zone: string): string[] {
  return expected
    .map((e) => {
      if ('allDay' in e) return `${e.allDay} Toute la journée ${e.title}`;
      if ('floating' in e) return `${e.floating.slice(0, 10)} ${e.floating.slice(11)} ${e.title}`;
      const { day, time } = wallClock(e.at, zone);
      return `${day} ${time} ${e.title}`;
    })
    .sort();
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Every event the grid shows on the days of its month, where it starts: "2027-01-04 09:30 Comité de pilotage". */
function shownInMonth(calendar: FsdEventCalendar): string[] {
  return [...calendar.shadowRoot!.querySelectorAll<HTMLElement>('[data-day]:not(.day--outside)')].flatMap((cell) =>
    [...cell.querySelectorAll('[part~="event"]:not(.chip--continued)')].map((chip) => `${cell.dataset.day} ${clean(chip.textContent)}`),
  );
}

/** The months from the first to the last of these days, as `date` values. */
function months(days: string[]): string[] {
  const sorted = [...days].sort();
  const out: string[] = [];
  let [year, month] = sorted[0]!.split('-').map(Number) as [number, number];
  const last = sorted.at(-1)!.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push(`${key}-01`);
    if (key >= last) return out;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** The grid's events of every month the expected occurrences cover, month by month, as the visitor would page. */
async function everythingShown(url: string, zone: string | undefined, days: string[]): Promise<{ shown: string[]; warnings: string[] }> {
  const calendar = document.createElement('fsd-event-calendar');
  calendar.setAttribute('src', url);
  if (zone) calendar.setAttribute('time-zone', zone);
  const [first, ...rest] = months(days);
  calendar.setAttribute('date', first!);
  const { result, messages } = await captureConsole('warn', async () => {
    const element = await fixture<FsdEventCalendar>(calendar);
    await until(() => element.state !== 'loading', 8000, 'the calendar to settle');
    await element.updateComplete;
    const shown = shownInMonth(element);
    for (const date of rest) {
      element.setAttribute('date', date);
      await element.updateComplete;
      // A long expansion runs in slices: the month settles once it is done.
      await until(() => element.state !== 'loading', 8000, 'the month to settle');
      await element.updateComplete;
      shown.push(...shownInMonth(element));
    }
    expect(element.state).to.equal('ready');
    return shown;
  });
  return { shown: result.sort(), warnings: messages };
}

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe(`calendars as programs export them, in the month grid (visitor's computer in ${viewerZone})`, () => {
  for (const { file, expected, warnings = [] } of EXPORTS) {
    describe(file, () => {
      let text: string;
      before(async () => {
        text = await (await fetch(`/test/fixtures/ics/wild/${file}`)).text();
      });

      for (const zone of ['Europe/Paris', 'America/New_York', undefined]) {
        it(zone ? `time-zone="${zone}": every occurrence on its day at its time, none missing, none extra` : `no time-zone (the visitor's ${viewerZone}): the same`, async () => {
          const shownZone = zone ?? viewerZone;
          const want = shownAs(expected, shownZone);
          // Served anew under its own name: read and checked afresh, as on a first visit (a copy held is not reported again).
          const url = await serveFeed(text, { type: 'text/calendar; charset=utf-8' });
          const { shown, warnings: logged } = await everythingShown(url, zone, want.map((line) => line.slice(0, 10)));
          expect(shown).to.deep.equal(want);
          // Each bad part named, and nothing else warned about.
          expect(logged.length, logged.join('\n')).to.equal(warnings.length);
          for (const [i, names] of warnings.entries()) for (const name of names) expect(logged[i]).to.contain(name);
        });
      }
    });
  }
});
