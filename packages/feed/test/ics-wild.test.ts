// iCalendar as calendar programs really write it (issue 10): each case below is a shape seen failing in the exports
// of the program named, written here as a small file. Times are checked as instants (UTC) and as Paris wall clocks.
import { expect } from '@open-wc/testing';
import { loadIcs, wallClock, type CalendarEvent, type FeedIssue } from '@frenchsouth-digital/feed';

/** An iCalendar file: the lines given, inside a VCALENDAR, with CRLF line ends. */
const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'];

async function read(text: string, from: string, to: string, zone?: string): Promise<{ events: CalendarEvent[]; issues: FeedIssue[] }> {
  const { parseIcs, expandIcs } = await loadIcs();
  const { data, issues } = parseIcs(text, 'https://calendar.example/wild.ics');
  return { events: expandIcs(data, Date.parse(from), Date.parse(to), zone).events, issues };
}

const starts = (events: CalendarEvent[], title?: string) => events.filter((e) => !title || e.title.fr === title).map((e) => e.start);
const paris = (iso: string) => {
  const w = wallClock(Date.parse(iso), 'Europe/Paris');
  return `${w.day}/${w.month} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

/** A VTIMEZONE whose rules start in 2026 only, as WordPress (iCalcreator) writes it: the year's changes, no earlier. */
const recentRules = (tzid: string) => [
  'BEGIN:VTIMEZONE',
  `TZID:${tzid}`,
  'BEGIN:DAYLIGHT',
  'DTSTART:20260329T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'DTSTART:20261025T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

describe('iCalendar as it is written in the wild', () => {
  it('WordPress: an event before its VTIMEZONE’s first rule is not read as UTC (IANA names by the browser’s data, others by the earliest rules extended back)', async () => {
    const { events } = await read(
      ics(
        ...recentRules('Europe/Paris'),
        ...recentRules('Heure de Paris'),
        ...vevent('UID:wp-1', 'SUMMARY:Atelier de décembre 2025', 'DTSTART;TZID=Europe/Paris:20251210T100000', 'DTEND;TZID=Europe/Paris:20251210T120000'),
        ...vevent('UID:wp-2', 'SUMMARY:Soirée de juillet 2025', 'DTSTART;TZID=Heure de Paris:20250710T190000', 'DTEND;TZID=Heure de Paris:20250710T220000'),
        ...vevent('UID:wp-3', 'SUMMARY:Atelier de janvier 2025', 'DTSTART;TZID=Heure de Paris:20250115T093000', 'DTEND;TZID=Heure de Paris:20250115T113000'),
      ),
      '2025-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
    );
    expect(starts(events, 'Atelier de décembre 2025')).to.deep.equal(['2025-12-10T09:00:00.000Z']);
    expect(starts(events, 'Soirée de juillet 2025')).to.deep.equal(['2025-07-10T17:00:00.000Z']);
    expect(starts(events, 'Atelier de janvier 2025')).to.deep.equal(['2025-01-15T08:30:00.000Z']);
  });

  it('floating times are wall-clock times in the calendar’s X-WR-TIMEZONE, else in the zone the calendar shows', async () => {
    const floating = (...head: string[]) => ics(...head, ...vevent('UID:f-1', 'SUMMARY:Petit-déjeuner', 'DTSTART:20270115T090000', 'DTEND:20270115T100000'));
    const range = ['2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z'] as const;
    expect(starts((await read(floating(), ...range, 'America/New_York')).events)).to.deep.equal(['2027-01-15T14:00:00.000Z']);
    expect(starts((await read(floating(), ...range, 'Asia/Tokyo')).events)).to.deep.equal(['2027-01-15T00:00:00.000Z']);
    expect(starts((await read(floating('X-WR-TIMEZONE:Europe/Paris'), ...range, 'America/New_York')).events)).to.deep.equal(['2027-01-15T08:00:00.000Z']);
    // X-WR-TIMEZONE as a Windows name, as Outlook writes it.
    expect(starts((await read(floating('X-WR-TIMEZONE:Romance Standard Time'), ...range, 'Asia/Tokyo')).events)).to.deep.equal(['2027-01-15T08:00:00.000Z']);
  });

  it('Exchange and CDO: a line ical.js cannot read costs only its event, named with its UID, summary and property; loose values are read', async () => {
    const { events, issues } = await read(
      ics(
        ...vevent('UID:ok-1', 'SUMMARY:Comité de pilotage', 'DTSTART:20270104T080000Z', 'DTEND:20270104T090000Z'),
        ...vevent('UID:bad-1', 'SUMMARY:Réunion abîmée', 'DTSTART:20270105T080000Z', 'X-MICROSOFT-CDO-BUSYSTATUS BUSY', 'DTEND:20270105T090000Z'),
        // Spaces in BYDAY, as Exchange writes them.
        ...vevent('UID:rule-1', 'SUMMARY:Permanence', 'DTSTART:20270104T130000Z', 'DTEND:20270104T140000Z', 'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO, TU'),
        // A display name as TZID, unquoted, with the colon of its offset.
        ...vevent('UID:tz-1', 'SUMMARY:Visio Paris', 'DTSTART;TZID=(UTC+01:00) Brussels, Copenhagen, Madrid, Paris:20270108T100000', 'DURATION:PT1H'),
      ),
      '2027-01-01T00:00:00Z',
      '2027-02-01T00:00:00Z',
    );
    expect(issues.map((i) => `${i.entry} ${i.field}`)).to.deep.equal(['VEVENT[1] ("bad-1", "Réunion abîmée") X-MICROSOFT-CDO-BUSYSTATUS BUSY']);
    expect(starts(events, 'Comité de pilotage')).to.deep.equal(['2027-01-04T08:00:00.000Z']);
    expect(starts(events, 'Réunion abîmée')).to.deep.equal([]);
    expect(starts(events, 'Permanence').map(paris)).to.deep.equal(['4/1 14:00', '5/1 14:00', '11/1 14:00', '12/1 14:00']);
    expect(starts(events, 'Visio Paris').map(paris)).to.deep.equal(['8/1 10:00']);
  });

  it('Outlook: Windows zone names without a VTIMEZONE, quoted or as display names, and Thunderbird’s prefixed names, map to IANA zones', async () => {
    const { events, issues } = await read(
      ics(
        ...vevent('UID:w-1', 'SUMMARY:Berlin', 'DTSTART;TZID=W. Europe Standard Time:20270701T100000', 'DTEND;TZID=W. Europe Standard Time:20270701T110000'),
        ...vevent('UID:w-2', 'SUMMARY:New York', 'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20270701T100000', 'DURATION:PT1H'),
        ...vevent('UID:w-3', 'SUMMARY:Tokyo', 'DTSTART;TZID="Tokyo Standard Time":20270701T100000', 'DURATION:PT1H'),
        ...vevent('UID:w-4', 'SUMMARY:Lightning', 'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:20270701T100000', 'DURATION:PT1H'),
        ...vevent('UID:w-5', 'SUMMARY:Nulle part', 'DTSTART;TZID=Mars Standard Time:20270701T100000', 'DURATION:PT1H'),
      ),
      '2027-07-01T00:00:00Z',
      '2027-07-02T00:00:00Z',
    );
    expect(starts(events, 'Berlin')).to.deep.equal(['2027-07-01T08:00:00.000Z']);
    expect(starts(events, 'New York')).to.deep.equal(['2027-07-01T14:00:00.000Z']);
    expect(starts(events, 'Tokyo')).to.deep.equal(['2027-07-01T01:00:00.000Z']);
    expect(starts(events, 'Lightning')).to.deep.equal(['2027-07-01T08:00:00.000Z']);
    expect(events.find((e) => e.title.fr === 'New York')!.timeZone).to.equal('America/New_York');
    expect(issues.map((i) => `${i.entry} ${i.field}`)).to.deep.equal(['VEVENT[4] ("w-5", "Nulle part") DTSTART']);
    expect(issues[0]!.message).to.contain('Mars Standard Time');
  });

  it('Exchange: an all-day series’ exception whose RECURRENCE-ID is a midnight date-time replaces its occurrence', async () => {
    const { events } = await read(
      ics(
        ...vevent('UID:d-1', 'SUMMARY:Journée portes ouvertes', 'DTSTART;VALUE=DATE:20270104', 'DTEND;VALUE=DATE:20270105', 'RRULE:FREQ=WEEKLY;COUNT=3'),
        ...vevent('UID:d-1', 'SUMMARY:Journée portes ouvertes (décalée)', 'RECURRENCE-ID;TZID=Romance Standard Time:20270111T000000', 'DTSTART;VALUE=DATE:20270112', 'DTEND;VALUE=DATE:20270113'),
      ),
      '2027-01-01T00:00:00Z',
      '2027-02-01T00:00:00Z',
    );
    expect(events.map((e) => `${e.start} ${e.title.fr}`)).to.deep.equal([
      '2027-01-04 Journée portes ouvertes',
      '2027-01-12 Journée portes ouvertes (décalée)',
      '2027-01-18 Journée portes ouvertes',
    ]);
  });

  it('copies of one event: the highest SEQUENCE wins, then the latest LAST-MODIFIED, never simply the last in the file', async () => {
    const { events } = await read(
      ics(
        ...vevent('UID:s-1', 'SEQUENCE:2', 'SUMMARY:Conférence (salle B)', 'DTSTART:20270310T090000Z', 'DURATION:PT2H'),
        ...vevent('UID:s-1', 'SEQUENCE:1', 'SUMMARY:Conférence (salle A)', 'DTSTART:20270310T080000Z', 'DURATION:PT2H'),
        ...vevent('UID:s-2', 'LAST-MODIFIED:20270201T100000Z', 'SUMMARY:Atelier (nouvel horaire)', 'DTSTART:20270311T140000Z', 'DURATION:PT1H'),
        ...vevent('UID:s-2', 'LAST-MODIFIED:20270101T100000Z', 'SUMMARY:Atelier (ancien horaire)', 'DTSTART:20270311T090000Z', 'DURATION:PT1H'),
        // The same override twice: the higher SEQUENCE counts.
        ...vevent('UID:s-3', 'SUMMARY:Café', 'DTSTART:20270301T080000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;COUNT=3'),
        ...vevent('UID:s-3', 'SEQUENCE:3', 'SUMMARY:Café (en ligne)', 'RECURRENCE-ID:20270302T080000Z', 'DTSTART:20270302T090000Z', 'DURATION:PT1H'),
        ...vevent('UID:s-3', 'SEQUENCE:1', 'SUMMARY:Café (annulé puis rétabli)', 'RECURRENCE-ID:20270302T080000Z', 'DTSTART:20270302T100000Z', 'DURATION:PT1H'),
      ),
      '2027-03-01T00:00:00Z',
      '2027-04-01T00:00:00Z',
    );
    expect(events.map((e) => `${e.start} ${e.title.fr}`)).to.deep.equal([
      '2027-03-01T08:00:00.000Z Café',
      '2027-03-02T09:00:00.000Z Café (en ligne)',
      '2027-03-03T08:00:00.000Z Café',
      '2027-03-10T09:00:00.000Z Conférence (salle B)',
      '2027-03-11T14:00:00.000Z Atelier (nouvel horaire)',
    ]);
  });

  it('cancelled events and cancelled occurrences (STATUS:CANCELLED) are left out', async () => {
    const { events } = await read(
      ics(
        ...vevent('UID:c-1', 'STATUS:CANCELLED', 'SUMMARY:Salon annulé', 'DTSTART:20270405T080000Z', 'DURATION:PT8H'),
        ...vevent('UID:c-2', 'SUMMARY:Cours du soir', 'DTSTART:20270405T170000Z', 'DURATION:PT2H', 'RRULE:FREQ=WEEKLY;COUNT=3'),
        ...vevent('UID:c-2', 'STATUS:CANCELLED', 'SUMMARY:Cours du soir', 'RECURRENCE-ID:20270412T170000Z', 'DTSTART:20270412T170000Z', 'DURATION:PT2H'),
        ...vevent('UID:c-3', 'STATUS:CONFIRMED', 'SUMMARY:Assemblée générale', 'DTSTART:20270406T080000Z', 'DURATION:PT2H'),
      ),
      '2027-04-01T00:00:00Z',
      '2027-05-01T00:00:00Z',
    );
    expect(events.map((e) => `${e.start.slice(0, 10)} ${e.title.fr}`)).to.deep.equal(['2027-04-05 Cours du soir', '2027-04-06 Assemblée générale', '2027-04-19 Cours du soir']);
  });

  it('an eight-digit DTSTART without VALUE=DATE is a date: an all-day event', async () => {
    const { events, issues } = await read(
      ics(...vevent('UID:a-1', 'SUMMARY:Anniversaire du cluster', 'DTSTART:20270505', 'DTEND:20270506')),
      '2027-05-01T00:00:00Z',
      '2027-06-01T00:00:00Z',
    );
    expect(issues).to.deep.equal([]);
    expect(events.map((e) => `${e.allDay} ${e.start} ${e.end}`)).to.deep.equal(['true 2027-05-05 2027-05-05']);
  });

  it('a set of RDATEs without an RRULE starts at DTSTART, counted once, and an EXDATE still removes it', async () => {
    const { events } = await read(
      ics(
        ...vevent('UID:r-1', 'SUMMARY:Rencontres', 'DTSTART;TZID=Europe/Paris:20270405T140000', 'DURATION:PT2H', 'RDATE;TZID=Europe/Paris:20270412T140000,20270419T140000'),
        ...vevent('UID:r-2', 'SUMMARY:Déjà listé', 'DTSTART:20270406T080000Z', 'DURATION:PT1H', 'RDATE:20270406T080000Z,20270413T080000Z'),
        ...vevent('UID:r-3', 'SUMMARY:Sans le premier', 'DTSTART:20270407T080000Z', 'DURATION:PT1H', 'RDATE:20270414T080000Z', 'EXDATE:20270407T080000Z'),
      ),
      '2027-04-01T00:00:00Z',
      '2027-05-01T00:00:00Z',
    );
    expect(starts(events, 'Rencontres').map(paris)).to.deep.equal(['5/4 14:00', '12/4 14:00', '19/4 14:00']);
    expect(starts(events, 'Déjà listé')).to.deep.equal(['2027-04-06T08:00:00.000Z', '2027-04-13T08:00:00.000Z']);
    expect(starts(events, 'Sans le premier')).to.deep.equal(['2027-04-14T08:00:00.000Z']);
  });

  it('a broken fold (a line with no property) costs its event, named by its UID and its SUMMARY with parameters', async () => {
    const { events, issues } = await read(
      ics(
        ...vevent('UID:ok-2', 'SUMMARY;LANGUAGE=fr-FR:Comité', 'DTSTART:20270104T080000Z', 'DURATION:PT1H'),
        ...vevent('UID:fold-1', 'SUMMARY;LANGUAGE=fr-FR:Réunion budget', 'DTSTART:20270105T080000Z', 'LOCATION;LANGUAGE=fr-FR:Salle', 'Smart Software', 'DURATION:PT1H'),
      ),
      '2027-01-01T00:00:00Z',
      '2027-02-01T00:00:00Z',
    );
    expect(issues.map((i) => `${i.entry} ${i.field}`)).to.deep.equal(['VEVENT[1] ("fold-1", "Réunion budget") Smart Software']);
    expect(events.map((e) => e.title.fr)).to.deep.equal(['Comité']);
  });
});
