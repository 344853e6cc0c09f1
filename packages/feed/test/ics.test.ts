import { expect } from '@open-wc/testing';
import { calendarSourceParser, loadFeed, loadIcs, wallClock, type CalendarEvent, type CalendarSource } from '@frenchsouth-digital/feed';
import { captureConsole, serveFeed, until } from '../../../test/helpers/feeds.js';

const fixture = async (name: string) => (await fetch(`/test/fixtures/ics/${name}`)).text();

async function expand(name: string, from: string, to: string): Promise<CalendarEvent[]> {
  const { parseIcs, expandIcs } = await loadIcs();
  const { data } = parseIcs(await fixture(name), `https://calendar.example/${name}`);
  return expandIcs(data, Date.parse(from), Date.parse(to)).events;
}

const at = (events: CalendarEvent[], title: string) => events.filter((e) => e.title.fr === title).map((e) => (e.allDay ? `${e.start}/${e.end}` : `${e.start}/${e.end}`));
const paris = (iso: string) => {
  const w = wallClock(Date.parse(iso), 'Europe/Paris');
  return `${w.day}/${w.month} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

describe('iCalendar sources (ical.js)', () => {
  it('Google Calendar: a New York event, a weekly series across the change to summer time, EXDATE and a moved occurrence, an all-day event', async () => {
    const july = await expand('google.ics', '2027-07-01T00:00:00Z', '2027-08-01T00:00:00Z');
    expect(at(july, 'Webinaire New York')).to.deep.equal(['2027-07-01T14:00:00.000Z/2027-07-01T15:00:00.000Z']);
    expect(paris(july[0]!.start)).to.equal('1/7 16:00');
    expect(july[0]!.description!.fr).to.equal('Webinaire depuis Manhattan, avec la French Tech New York.\nInscription : https://www.frenchsouth.digital/agenda/new-york/');

    const march = await expand('google.ics', '2027-03-01T00:00:00Z', '2027-04-30T00:00:00Z');
    const cafe = march.filter((e) => e.title.fr.startsWith('Café des membres'));
    expect(cafe.map((e) => paris(e.start))).to.deep.equal(['2/3 09:30', '9/3 09:30', '24/3 14:00', '30/3 09:30', '6/4 09:30']);
    expect(cafe[2]!.title.fr).to.equal('Café des membres (décalé au mercredi)');
    expect(cafe[3]!.start).to.equal('2027-03-30T07:30:00.000Z');
    expect(new Set(cafe.map((e) => e.id)).size).to.equal(5);
    expect(cafe[0]!.location).to.equal('Kaliop, 1 rue de la Mer, Montpellier');
    expect(at(march, 'Salon du numérique')).to.deep.equal(['2027-03-10/2027-03-11']);
  });

  it('Outlook: Windows zone names defined by VTIMEZONE, a monthly series with UNTIL, a night across the change to winter time', async () => {
    const year = await expand('outlook.ics', '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z');
    const committee = year.filter((e) => e.title.fr === 'Comité Smart Software');
    expect(committee.map((e) => paris(e.start))).to.deep.equal(['7/1 09:00', '4/2 09:00', '4/3 09:00', '1/4 09:00', '6/5 09:00']);
    expect(committee[0]!.start).to.equal('2027-01-07T08:00:00.000Z');
    expect(committee[3]!.start).to.equal('2027-04-01T07:00:00.000Z');
    // 20:00 summer time to 08:00 winter time: 13 hours.
    expect(at(year, 'Nuit du jeu vidéo')).to.deep.equal(['2027-10-30T18:00:00.000Z/2027-10-31T07:00:00.000Z']);
    const ny = year.find((e) => e.title.fr === 'Point avec la French Tech New York')!;
    expect(paris(ny.start)).to.equal('15/4 16:00');
    expect(at(year, 'Anniversaire du cluster')).to.deep.equal(['2027-05-05/2027-05-05']);
  });

  it('Nextcloud: Tokyo, an endless weekday series since 2020 expanded only up to the range, an IANA TZID without VTIMEZONE', async () => {
    const january = await expand('nextcloud.ics', '2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z');
    expect(at(january, 'Visioconférence avec Tokyo')).to.deep.equal(['2027-01-20T00:00:00.000Z/2027-01-20T01:00:00.000Z']);
    const daily = january.filter((e) => e.title.fr === 'Point quotidien de l’équipe');
    expect(daily.length).to.equal(21);
    expect(daily.every((e) => paris(e.start).endsWith('08:45'))).to.equal(true);
    const february = await expand('nextcloud.ics', '2027-02-01T00:00:00Z', '2027-03-01T00:00:00Z');
    expect(at(february, 'Afterwork à New York (fuseau sans VTIMEZONE)')).to.deep.equal(['2027-02-08T23:00:00.000Z/2027-02-09T00:00:00.000Z']);
  });

  it('leaves out a VEVENT without DTSTART or with an unknown zone, naming it, and keeps the others', async () => {
    const { parseIcs } = await loadIcs();
    const { data, issues } = parseIcs(await fixture('nextcloud.ics'), 'https://calendar.example/nextcloud.ics');
    expect(issues.map((i) => `${i.entry} ${i.field}`)).to.deep.equal(['VEVENT[3] ("broken-no-start", "Événement sans date") DTSTART', 'VEVENT[4] ("broken-zone", "Réunion sur Mars") DTSTART']);
    expect(issues[1]!.message).to.contain('Mars/Olympus');
    expect(data.name).to.equal('Cluster (Nextcloud)');
    expect(JSON.stringify(data.jcal)).not.to.contain('broken-');
  });

  it('is told apart from JSON by content and fetched through the shared client, with warnings for bad events', async () => {
    const url = await serveFeed(await fixture('nextcloud.ics'), { type: 'text/plain' });
    const { result: state, messages } = await captureConsole('warn', () => loadFeed<CalendarSource>(url, calendarSourceParser));
    expect(state.status).to.equal('ready');
    expect(state.status === 'ready' && state.data.format).to.equal('ics');
    expect(messages.some((m) => m.includes('VEVENT[3] ("broken-no-start", "Événement sans date") left out: field "DTSTART"'))).to.equal(true);

    const notIcs = await serveFeed('<html>oops</html>', { type: 'text/html' });
    const error = await captureConsole('error', () => loadFeed<CalendarSource>(notIcs, calendarSourceParser));
    expect(error.result.status).to.equal('error');
    expect(error.messages[0]).to.contain('neither a JSON events feed nor an iCalendar file');
  });
});

describe('iCalendar expansion in slices', () => {
  it('a change of month while a large calendar is being prepared goes on with the preparation, never starts it again', async function () {
    this.timeout(60_000);
    const { readIcs, expandIcsSoon } = await loadIcs();
    const url = 'https://calendar.example/large.ics';
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//FrenchSouth.digital//tests//FR', 'X-WR-TIMEZONE:Europe/Paris'];
    // 20,000 events, a few an hour through 2027 and 2028.
    for (let i = 0; i < 20_000; i++) {
      const start = new Date(Date.UTC(2027, 0, 1, 8) + i * 3_155_000).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
      lines.push('BEGIN:VEVENT', `UID:large-${i}@example.org`, 'DTSTAMP:20261120T090000Z', `DTSTART:${start}`, `SUMMARY:Événement ${i}`, 'END:VEVENT');
    }
    const { data } = await readIcs([...lines, 'END:VCALENDAR', ''].join('\r\n'), url);
    // The preparation reads the calendar's runs of components back with JSON.parse: counted here.
    const runs = data.jcal!.length - 1;
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = ((text: string, reviver?: (key: string, value: unknown) => unknown) => {
      if (typeof text === 'string' && text.length > 1000 && text.startsWith('[[')) parsed++;
      return parse(text, reviver);
    }) as typeof JSON.parse;
    const month = (m: number) => [Date.UTC(2027, m, 1), Date.UTC(2027, m + 1, 1)] as const;
    const june = () => expandIcsSoon(data, ...month(5), 'Europe/Paris', () => {}, url);
    try {
      // A visitor clicking "next" faster than the preparation: each month asked for stops the expansion before it.
      for (let m = 0; m < 6; m++) {
        const given = expandIcsSoon(data, ...month(m), 'Europe/Paris', () => {}, url);
        if (m === 0) expect(given, 'the first month is worked out in slices').to.equal(undefined);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      await until(() => june() !== undefined, 30_000, 'June');
    } finally {
      JSON.parse = parse;
    }
    expect(parsed, 'runs read back').to.equal(runs);
    const { events } = june()!;
    expect(events.length).to.be.within(800, 900);
    expect(events.every((e) => e.start >= '2027-05-31' && e.start < '2027-07-02')).to.equal(true);
  });
});

describe('iCalendar expansion, range after range', () => {
  const DAILY_SINCE_1990 = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//FrenchSouth.digital//tests//FR',
    'BEGIN:VEVENT', 'UID:daily-1990@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART;TZID=Europe/Paris:19900102T083000',
    'DTEND;TZID=Europe/Paris:19900102T090000', 'RRULE:FREQ=DAILY', 'EXDATE;TZID=Europe/Paris:20270310T083000', 'SUMMARY:Revue de presse', 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');
  // Forward, back, and jumps: a visitor clicking through the months, then typing a date.
  const months = ['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-02', '2027-01', '2027-10', '2027-03', '2026-01', '2028-04'];
  const range = (month: string): [number, number] => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return [Date.UTC(y, m - 1, 1) - 7 * 86_400_000, Date.UTC(y, m, 1) + 7 * 86_400_000];
  };
  const shown = (events: CalendarEvent[]) => events.map((e) => `${e.id} ${e.start} ${e.end} ${e.title.fr}`);

  it('gives each month the events a calendar read afresh gives it, whatever the months before (every fixture, two zones)', async function () {
    this.timeout(60_000);
    const { parseIcs, expandIcs } = await loadIcs();
    const files: [string, string][] = [['daily-since-1990.ics', DAILY_SINCE_1990]];
    for (const name of ['google.ics', 'outlook.ics', 'nextcloud.ics', 'wild/google-calendar.ics', 'wild/exchange-2016.ics', 'wild/outlook-com.ics', 'wild/apple-icloud.ics', 'wild/thunderbird.ics', 'wild/davx5-android.ics', 'wild/wordpress-the-events-calendar.ics']) {
      files.push([name, await fixture(name)]);
    }
    let compared = 0;
    for (const [name, text] of files) {
      for (const zone of ['Europe/Paris', 'America/New_York']) {
        const walked = parseIcs(text, `https://calendar.example/${name}`).data;
        for (const month of months) {
          const [from, to] = range(month);
          const fresh = expandIcs(parseIcs(text, `https://calendar.example/${name}`).data, from, to, zone).events;
          expect(shown(expandIcs(walked, from, to, zone).events), `${name}, ${month}, ${zone}`).to.deep.equal(shown(fresh));
          compared += fresh.length;
        }
      }
    }
    expect(compared, 'events compared').to.be.above(1000);
  });

  it('keeps a daily series of 37 years whole past the occurrences it keeps, its EXDATE left out', async () => {
    const { parseIcs, expandIcs } = await loadIcs();
    const calendar = parseIcs(DAILY_SINCE_1990, 'https://calendar.example/daily.ics').data;
    for (const month of ['2027-03', '2027-04', '2027-03']) {
      const [from, to] = range(month);
      const days = expandIcs(calendar, from, to, 'Europe/Paris').events.map((e) => e.start.slice(0, 10));
      // One a day over the range (the month and a week each side), but 10 March.
      expect(days.length, month).to.equal(Math.round((to - from) / 86_400_000) - (month === '2027-03' ? 1 : 0));
      expect(days).to.not.include('2027-03-10');
    }
  });
});
