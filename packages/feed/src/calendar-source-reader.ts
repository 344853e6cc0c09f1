/**
 * Reads the body of a calendar's source (see `calendarSourceParser` in calendar-source.ts): the cluster's JSON events
 * feed, checked by its validator, or an iCalendar file, read by the iCalendar chunk. Loaded with the request, beside
 * the validator, so that the calendar's entry carries none of it.
 */
import { FeedError, FeedErrorKind } from './errors.js';
import { parseEventFeed } from './events.js';
import type * as Ics from './ics.js';
import { loadIcs } from './ics-chunk.js';
import type { Parsed } from './parser.js';
import type { EventFeed } from './types.js';

/** One source of a calendar once checked: the cluster's JSON events feed, or an iCalendar file. */
export type CalendarSource = { format: 'json'; feed: EventFeed } | ({ format: 'ics' } & Ics.IcsCalendar);

/** Whether a source is iCalendar: by its content when known, else by its content type or its `.ics` name. */
export function looksLikeIcs(url: string, body?: string, contentType?: string): boolean {
  if (body !== undefined) {
    const start = body.replace(/^\uFEFF/, '').trimStart();
    if (/^BEGIN:VCALENDAR/i.test(start)) return true;
    if (start.startsWith('{')) return false;
  }
  if (contentType && /\btext\/calendar\b/i.test(contentType)) return true;
  try {
    return /\.ics$/i.test(new URL(url, globalThis.location?.href).pathname);
  } catch {
    return false;
  }
}

/** The source checked: its events (or the iCalendar file's parts), and what was left out. */
export async function readCalendarSource(text: string, url: string, contentType?: string): Promise<Parsed<CalendarSource>> {
  if (looksLikeIcs(url, text, contentType)) {
    if (!/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''))) {
      throw new FeedError(FeedErrorKind.Invalid, url, 'not an iCalendar file: it does not begin with BEGIN:VCALENDAR');
    }
    const { data, issues } = await (await loadIcs()).readIcs(text, url);
    return { data: { format: 'ics', ...data }, issues };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedError(FeedErrorKind.NotJson, url, `neither a JSON events feed nor an iCalendar file (${(error as Error).message})`);
  }
  const { data, issues } = parseEventFeed(json, url);
  return { data: { format: 'json', feed: data }, issues };
}
