import { loadEventValidator } from './event-feed-parser.js';
import type * as Reader from './calendar-source-reader.js';
import type { CalendarSource } from './calendar-source-reader.js';
import type { FeedParser } from './parser.js';

export type { CalendarSource };

let reader: Promise<typeof Reader> | undefined;

/**
 * What reads a source's body (calendar-source-reader.ts), with the events feed's validator it uses: loaded with the
 * request (`prepare`), in the validator's chunk rather than in the calendar's entry.
 */
const loadReader = (): Promise<typeof Reader> => (reader ??= Promise.all([import('./calendar-source-reader.js'), loadEventValidator()]).then(([module]) => module));

/**
 * A calendar source: the JSON events feed or an `.ics` file, told apart by content (`BEGIN:VCALENDAR`), content type
 * (`text/calendar`) or name (`.ics`). The same client, offline copy and revalidation serve both.
 */
export const calendarSourceParser: FeedParser<CalendarSource> = {
  kind: 'calendar',
  // 2: events feeds keep their subscriptions. 3: an iCalendar file's jCal is kept as JSON text. 4: a large one's as
  // Blobs (IcsCalendar.runs).
  revision: 4,
  format: 'text',
  accept: 'application/json, text/calendar;q=0.9, */*;q=0.5',
  prepare: loadReader,
  json(text) {
    if (!/^\s*\{/.test(text)) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined; // `parse` says what is wrong with it
    }
  },
  parse: async (input, url, contentType) => (await loadReader()).readCalendarSource(String(input), url, contentType),
};
