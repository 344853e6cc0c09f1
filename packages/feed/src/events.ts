import { checkEntries, clip, DESCRIPTION_LIMIT, fail, localizedText, optionalString, TITLE_LIMIT } from './entries.js';
import { FeedError, FeedErrorKind } from './errors.js';
import type { Parsed } from './parser.js';
import { isIsoDate, isRecord, isSlug, nonEmptyString, safeUrl, safeWebUrl } from './text.js';
import { COLLEGE_IDS, type CalendarEvent, type EventCategory, type EventFeed, type EventOrganizer, type EventSubscriptions, type FeedIssue } from './types.js';
import { parseDateTime } from './date-time.js';
import { isTimeZone } from './zoned-time.js';

function parseCategory(entry: unknown): EventCategory {
  if (!isRecord(entry)) fail('', 'must be an object');
  if (!isSlug(entry.id)) fail('id', 'must be a slug such as "workshop"');
  return { id: entry.id, name: localizedText(entry.name, 'name')! };
}

function parseOrganizer(value: unknown, feedUrl: string): EventOrganizer | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && value.trim()) return { name: clip(value.trim(), TITLE_LIMIT) };
  if (!isRecord(value) || !nonEmptyString(value.name)) fail('organizer', 'must be a name, or an object with a "name" (and a member "id")');
  const organizer: EventOrganizer = { name: clip(value.name.trim(), TITLE_LIMIT) };
  if (value.id !== undefined && value.id !== null) {
    if (!isSlug(value.id)) fail('organizer', `"id" must be a member id (slug), got ${JSON.stringify(value.id)}`);
    organizer.id = value.id;
  }
  if (value.url !== undefined && value.url !== null && value.url !== '') {
    const url = safeUrl(value.url, feedUrl);
    if (!url) fail('organizer', '"url" must be an http(s) or mailto: URL');
    organizer.url = url;
  }
  return organizer;
}

/** The `start` / `end` of an entry, checked and normalised (instants in UTC, or days for all-day events). */
function times(entry: Record<string, unknown>, allDay: boolean, zone: string | undefined): Pick<CalendarEvent, 'start' | 'end'> {
  const { start, end } = entry;
  if (!nonEmptyString(start)) fail('start', 'is required: an ISO 8601 date-time, or a date for an all-day event');
  if (end !== undefined && end !== null && typeof end !== 'string') fail('end', 'must be an ISO 8601 date-time or date');
  if (allDay) {
    if (!isIsoDate(start)) fail('start', `must be an ISO date (YYYY-MM-DD) for an all-day event, got ${JSON.stringify(start)}`);
    if (!end) return { start, end: start };
    if (!isIsoDate(end)) fail('end', `must be an ISO date (YYYY-MM-DD, the last day) for an all-day event, got ${JSON.stringify(end)}`);
    if (end < start) fail('end', `is before the start (${start})`);
    return { start, end };
  }
  const from = parseDateTime(start, zone);
  if (from === undefined) {
    if (parseDateTime(start, 'UTC') !== undefined) fail('start', `${JSON.stringify(start)} has no UTC offset: add one ("Z", "+01:00") or give the event a "timeZone"`);
    fail('start', `must be an ISO 8601 date-time such as "2027-01-14T18:00:00+01:00", got ${JSON.stringify(start)}`);
  }
  if (!end) return { start: new Date(from).toISOString(), end: new Date(from).toISOString() };
  const to = parseDateTime(end, zone);
  if (to === undefined) fail('end', `must be an ISO 8601 date-time with an offset or an event "timeZone", got ${JSON.stringify(end)}`);
  if (to < from) fail('end', `is before the start (${start})`);
  return { start: new Date(from).toISOString(), end: new Date(to).toISOString() };
}

function parseEvent(entry: unknown, categories: ReadonlySet<string>, feedUrl: string): CalendarEvent {
  if (!isRecord(entry)) fail('', 'must be an object');
  if (!nonEmptyString(entry.id)) fail('id', 'is required and must be a non-empty text');
  const title = localizedText(entry.title, 'title')!;
  if (entry.allDay !== undefined && typeof entry.allDay !== 'boolean') fail('allDay', 'must be true or false');
  const allDay = entry.allDay ?? (typeof entry.start === 'string' && isIsoDate(entry.start));
  let timeZone: string | undefined;
  if (entry.timeZone !== undefined && entry.timeZone !== null && entry.timeZone !== '') {
    if (!isTimeZone(entry.timeZone)) fail('timeZone', `${JSON.stringify(entry.timeZone)} is not an IANA time zone such as "Europe/Paris"`);
    timeZone = entry.timeZone;
  }
  const event: CalendarEvent = { id: entry.id.trim(), title, allDay, ...times(entry, allDay, timeZone) };
  if (timeZone) event.timeZone = timeZone;
  const location = optionalString(entry, 'location');
  if (location) event.location = location;
  const description = localizedText(entry.description, 'description', false, DESCRIPTION_LIMIT);
  if (description) event.description = description;
  const organizer = parseOrganizer(entry.organizer, feedUrl);
  if (organizer) event.organizer = organizer;
  const college = optionalString(entry, 'college');
  if (college) {
    if (!(COLLEGE_IDS as readonly string[]).includes(college)) fail('college', `"${college}" is not one of the cluster's colleges (${COLLEGE_IDS.join(', ')})`);
    event.college = college;
  }
  const category = optionalString(entry, 'category');
  if (category) {
    if (!isSlug(category)) fail('category', 'must be a slug such as "workshop"');
    if (categories.size && !categories.has(category)) fail('category', `"${category}" is not one of the feed's categories (${[...categories].join(', ')})`);
    event.category = category;
  }
  if (entry.url !== undefined && entry.url !== null && entry.url !== '') {
    const url = safeWebUrl(entry.url, feedUrl);
    if (!url) fail('url', 'must be an http(s) URL');
    event.url = url;
  }
  return event;
}

/** Where an event sits in time, for sorting: an all-day event counts from midnight UTC of its first day. */
export function eventSortKey(event: Pick<CalendarEvent, 'start' | 'allDay'>): number {
  return Date.parse(event.allDay ? `${event.start}T00:00:00Z` : event.start);
}

/** The events in {@link eventSortKey} order, in place; each key read once (not twice per comparison). */
export function sortByStart<T extends Pick<CalendarEvent, 'start' | 'allDay'>>(events: T[]): T[] {
  const keys = new Map(events.map((event) => [event, eventSortKey(event)]));
  return events.sort((a, b) => keys.get(a)! - keys.get(b)!);
}

/**
 * Checks an events feed entry by entry. A feed that is not an object of a known version throws a {@link FeedError};
 * a bad event is left out and reported in `issues` (naming the entry and the field), so that the valid ones still show.
 */
export function parseEventFeed(json: unknown, feedUrl: string): Parsed<EventFeed> {
  if (!isRecord(json)) throw new FeedError(FeedErrorKind.Invalid, feedUrl, 'an events feed must be a JSON object');
  if (json.version !== 1) {
    throw new FeedError(FeedErrorKind.Version, feedUrl, `unsupported events feed version ${JSON.stringify(json.version)}; this widget reads version 1`);
  }
  if (!Array.isArray(json.events)) throw new FeedError(FeedErrorKind.Invalid, feedUrl, '"events" must be a list');
  if (json.categories !== undefined && !Array.isArray(json.categories)) throw new FeedError(FeedErrorKind.Invalid, feedUrl, '"categories" must be a list');

  const issues: FeedIssue[] = [];
  const categories: EventCategory[] = [];
  checkEntries((json.categories as unknown[] | undefined) ?? [], 'categories', issues, (entry) => {
    const category = parseCategory(entry);
    if (categories.some((c) => c.id === category.id)) fail('id', `duplicate category id "${category.id}"`);
    categories.push(category);
  });
  const categoryIds = new Set(categories.map((c) => c.id));
  const ids = new Set<string>();
  const events = checkEntries(json.events, 'events', issues, (entry) => {
    const event = parseEvent(entry, categoryIds, feedUrl);
    if (ids.has(event.id)) fail('id', `duplicate event id "${event.id}"`);
    ids.add(event.id);
    return event;
  });
  sortByStart(events);
  const feed: EventFeed = { version: 1, categories, events };
  if (typeof json.updated === 'string' && !Number.isNaN(Date.parse(json.updated))) feed.updated = json.updated;
  if (json.subscriptions !== undefined) {
    const subscriptions = parseSubscriptions(json.subscriptions, feedUrl, issues);
    if (subscriptions) feed.subscriptions = subscriptions;
  }
  return { data: feed, issues };
}

/** A subscription's calendar file, `{ "ics": "https://…" }` (relative to the feed); its `webcal` is derived, never read. */
function subscriptionUrl(value: unknown, feedUrl: string): string | undefined {
  return isRecord(value) ? safeWebUrl(value.ics, feedUrl) : undefined;
}

/**
 * The `subscriptions` of an events feed. A subscription that is not an http(s) iCalendar address is left out with an
 * issue naming it; without a valid `all`, the feed offers none.
 */
function parseSubscriptions(value: unknown, feedUrl: string, issues: FeedIssue[]): EventSubscriptions | undefined {
  const problem = (field: string) => issues.push({ entry: 'subscriptions', field, message: 'must be an object whose "ics" is the http(s) address of an iCalendar file' });
  if (!isRecord(value)) {
    problem('subscriptions');
    return undefined;
  }
  const all = subscriptionUrl(value.all, feedUrl);
  if (!all) {
    problem('all');
    return undefined;
  }
  const group = (name: 'colleges' | 'members'): Record<string, string> => {
    const kept: Record<string, string> = {};
    const entries = value[name];
    for (const [id, item] of isRecord(entries) ? Object.entries(entries) : []) {
      // Ids are slugs (a college's, a member's): never "__proto__" or another name an object already has.
      const url = isSlug(id) ? subscriptionUrl(item, feedUrl) : undefined;
      if (url) kept[id] = url;
      else problem(`${name}.${id}`);
    }
    if (entries !== undefined && !isRecord(entries)) problem(name);
    return kept;
  };
  return { all, colleges: group('colleges'), members: group('members') };
}
