// Heavy iCalendar files for the browser tests (issue 12), made here rather than in the test page: 15 MB of text
// built in the page left the page's collector 100 ms pauses to make during the very load the heartbeat measures.
//   GET  /__heavy-ics/NAME.ics?ID   one of HEAVY_ICS (the query lets each test have a URL, hence a cache key, of its own)
//   POST /__heavy-ics-down?ID       from then on, GET …?ID answers 503: the network down, for the offline copy
//   POST /__heavy-ics-make/NAME     makes the file now, before a test's heartbeat starts: making 15 MB of text (up
//                                   to 0.5 s of this process, and its collector's threads) while the page loads it
//                                   took the machine's two cores from the very page being timed
// Each file holds two valid events of March 2027 in Paris (VALID) beside its heavy part.

/** A UTC date-time as iCalendar writes it: 20270315T083000Z. */
const stamp = (ms) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

const VALID = [
  'BEGIN:VEVENT', 'UID:valid-a@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART;TZID=Europe/Paris:20270315T093000', 'DTEND;TZID=Europe/Paris:20270315T103000', 'SUMMARY:Atelier valide', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:valid-b@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART;VALUE=DATE:20270318', 'DTEND;VALUE=DATE:20270319', 'SUMMARY:Journée valide', 'END:VEVENT',
];

/** The heavy parts, by name. */
export const HEAVY_ICS = {
  /** One event every 2 h 24 min from 1 January 2028: about 300 a month, for 27 years. */
  'events-100000': () => {
    const lines = [];
    for (let i = 0; i < 100_000; i++) {
      const start = Date.UTC(2028, 0, 1, 8) + i * 8_640_000;
      lines.push('BEGIN:VEVENT', `UID:heavy-${i}@example.org`, 'DTSTAMP:20261120T090000Z', `DTSTART:${stamp(start)}`, `DTEND:${stamp(start + 3_600_000)}`, `SUMMARY:Événement ${i}`, 'END:VEVENT');
    }
    return lines;
  },
  /** A daily series from 1 January 2027 at 08:00 UTC, each of its first 50,000 days moved to 12:00 UTC. */
  'overrides-50000': () => {
    const lines = ['BEGIN:VEVENT', 'UID:daily@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART:20270101T080000Z', 'DTEND:20270101T083000Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Point quotidien', 'END:VEVENT'];
    for (let i = 0; i < 50_000; i++) {
      const at = stamp(Date.UTC(2027, 0, 1, 8) + i * 86_400_000);
      lines.push('BEGIN:VEVENT', 'UID:daily@example.org', 'DTSTAMP:20261120T090000Z', `RECURRENCE-ID:${at}`, `DTSTART:${at.replace('T080000', 'T120000')}`, `DTEND:${at.replace('T080000', 'T123000')}`, `SUMMARY:Point quotidien ${i}`, 'END:VEVENT');
    }
    return lines;
  },
  /** An hourly series from 1 March 2027 with every hour removed but 09:00 UTC (10:00 in Paris in March). */
  'exdates-100000': () => {
    const lines = ['BEGIN:VEVENT', 'UID:hourly@example.org', 'DTSTAMP:20261120T090000Z', 'DTSTART:20270301T000000Z', 'DTEND:20270301T003000Z', 'RRULE:FREQ=HOURLY', 'SUMMARY:Permanence'];
    for (let hour = 0, count = 0; count < 100_000; hour++) {
      if (hour % 24 === 9) continue;
      lines.push(`EXDATE:${stamp(Date.UTC(2027, 2, 1) + hour * 3_600_000)}`);
      count++;
    }
    lines.push('END:VEVENT');
    return lines;
  },
  /** 100,000 events in a zone that exists nowhere. */
  'unknown-zone-100000': () => {
    const lines = [];
    for (let i = 0; i < 100_000; i++) {
      lines.push('BEGIN:VEVENT', `UID:mars-${i}@example.org`, 'DTSTAMP:20261120T090000Z', `DTSTART;TZID=Mars/Olympus:${stamp(Date.UTC(2027, 2, 1) + i * 60_000).replace('Z', '')}`, `SUMMARY:Sur Mars ${i}`, 'END:VEVENT');
    }
    return lines;
  },
};

/** The IDs whose files answer 503 from now on. */
const down = new Set();

/** name → the file, made once */
const made = new Map();

export function heavyIcs(name) {
  if (!made.has(name)) {
    const header = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//FrenchSouth.digital//tests//FR', 'X-WR-TIMEZONE:Europe/Paris'];
    made.set(name, [...header, ...VALID, ...HEAVY_ICS[name](), 'END:VCALENDAR', ''].join('\r\n'));
  }
  return made.get(name);
}

export async function heavyIcsMiddleware(ctx, next) {
  if (ctx.path === '/__heavy-ics-down' && ctx.method === 'POST') {
    down.add(ctx.querystring);
    ctx.status = 204;
    return;
  }
  const making = /^\/__heavy-ics-make\/([\w-]+)$/.exec(ctx.path);
  if (making && ctx.method === 'POST' && Object.hasOwn(HEAVY_ICS, making[1])) {
    heavyIcs(making[1]);
    ctx.status = 204;
    return;
  }
  const match = /^\/__heavy-ics\/([\w-]+)\.ics$/.exec(ctx.path);
  if (!match || ctx.method !== 'GET' || !Object.hasOwn(HEAVY_ICS, match[1])) return next();
  if (down.has(ctx.querystring)) {
    ctx.status = 503;
    return;
  }
  ctx.set('Content-Type', 'text/calendar; charset=utf-8');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = heavyIcs(match[1]);
}
