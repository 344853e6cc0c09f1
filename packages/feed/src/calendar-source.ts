import { FeedError, FeedErrorKind } from './errors.js';
import { loadEventValidator } from './event-feed-parser.js';
import type * as Ics from './ics.js';
import type { FeedParser } from './parser.js';
import type { EventFeed } from './types.js';

/** One source of a calendar once checked: the cluster's JSON events feed, or an iCalendar file. */
export type CalendarSource = { format: 'json'; feed: EventFeed } | ({ format: 'ics' } & Ics.IcsCalendar);

let ics: Promise<typeof Ics> | undefined;

/** The iCalendar reader (ical.js and its glue): a chunk of its own, loaded only when a calendar has an ICS source. */
export const loadIcs = (): Promise<typeof Ics> =>
  (ics ??= import('./ics.js').catch((error: unknown) => {
    ics = undefined; // a chunk that failed to load (offline, a deploy in between) may load on a later try
    throw error;
  }));

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

/**
 * A calendar source: the JSON events feed or an `.ics` file, told apart by content (`BEGIN:VCALENDAR`), content type
 * (`text/calendar`) or name (`.ics`). The same client, offline copy and revalidation serve both.
 */
export const calendarSourceParser: FeedParser<CalendarSource> = {
  kind: 'calendar',
  // 2: events feeds keep their subscriptions.
  revision: 2,
  format: 'text',
  accept: 'application/json, text/calendar;q=0.9, */*;q=0.5',
  prepare: loadEventValidator,
  json(text) {
    if (!/^\s*\{/.test(text)) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined; // `parse` says what is wrong with it
    }
  },
  async parse(input, url, contentType) {
    const text = String(input);
    if (looksLikeIcs(url, text, contentType)) {
      if (!/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''))) {
        throw new FeedError(FeedErrorKind.Invalid, url, 'not an iCalendar file: it does not begin with BEGIN:VCALENDAR');
      }
      const { data, issues } = (await loadIcs()).parseIcs(text, url);
      return { data: { format: 'ics', ...data }, issues };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new FeedError(FeedErrorKind.NotJson, url, `neither a JSON events feed nor an iCalendar file (${(error as Error).message})`);
    }
    const { data, issues } = (await loadEventValidator()).parseEventFeed(json, url);
    return { data: { format: 'json', feed: data }, issues };
  },
};
