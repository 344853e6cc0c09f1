/** What the calendar shows, worked out from its sources: pure functions of the events, the zone and the days. */
import { addDays, dayIn, daysBetween, startOfDay, type CalendarEvent, type LocalizedText } from '@frenchsouth-digital/feed';

/** An event as one source gave it, placed on the days it covers in the viewer's zone. */
export interface Occurrence {
  /** Unique in the calendar: the source's index and the event's id. */
  key: string;
  event: CalendarEvent;
  /** The source URL it came from. */
  source: string;
  /** The JSON feed names its categories; an iCalendar category is its own name. */
  categoryName?: LocalizedText;
  firstDay: string;
  lastDay: string;
  /** Instant the occurrence starts (all-day: the start of its first day in the viewer's zone). */
  startsAt: number;
}

export const VIEWS = ['month', 'list', 'next'] as const;
export type CalendarView = (typeof VIEWS)[number];

/** Each event's days in the zone last asked: a change of month asks again for the same events. */
const daysCache = new WeakMap<CalendarEvent, { zone: string; days: [string, string] }>();

/** The days an event covers in `zone`: an event ending at midnight does not spill onto the next day. */
export function daysOf(event: CalendarEvent, zone: string): [string, string] {
  if (event.allDay) return [event.start, event.end];
  const held = daysCache.get(event);
  if (held?.zone === zone) return held.days;
  const start = Date.parse(event.start);
  const end = Date.parse(event.end);
  const first = dayIn(start, zone);
  const days: [string, string] = [first, end > start ? dayIn(end - 1, zone) : first];
  daysCache.set(event, { zone, days });
  return days;
}

/** Each event's occurrence as last made: a change of month makes none again for the same events (nor their garbage). */
const occurrences = new WeakMap<CalendarEvent, { zone: string; index: number; occurrence: Occurrence }>();

/**
 * The event as the calendar shows it, from the source at `index` (`source`, its URL) in `zone`. The same event object
 * comes from the same feed as read, whose category names go with it: for the same source and zone, the occurrence
 * made last time is given again.
 */
export function occurrence(event: CalendarEvent, source: string, index: number, zone: string, categoryName?: LocalizedText): Occurrence {
  const held = occurrences.get(event);
  if (held && held.zone === zone && held.index === index && held.occurrence.source === source) return held.occurrence;
  const [firstDay, lastDay] = daysOf(event, zone);
  const startsAt = event.allDay ? startOfDay(firstDay, zone) : Date.parse(event.start);
  const result: Occurrence = { key: `${index}:${event.id}`, event, source, firstDay, lastDay, startsAt };
  if (categoryName) result.categoryName = categoryName;
  occurrences.set(event, { zone, index, occurrence: result });
  return result;
}

export interface Filters {
  colleges: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  /** A member id: only that member's events (and the cluster's own with `includeCluster`). */
  organizer: string;
  includeCluster: boolean;
}

/** A space- or comma-separated attribute as a set of values. */
export function valueSet(value: string | null | undefined): Set<string> {
  return new Set((value ?? '').split(/[\s,]+/).filter(Boolean));
}

/**
 * Whether an event passes the filters. The organiser filter applies to the JSON feed, which names members;
 * events of iCalendar sources, which do not, are the embedder's own choice and are kept.
 */
export function passes(event: CalendarEvent, fromIcs: boolean, filters: Filters): boolean {
  if (filters.colleges.size && !(event.college && filters.colleges.has(event.college))) return false;
  if (filters.categories.size && !(event.category && filters.categories.has(event.category))) return false;
  if (filters.organizer && !fromIcs) {
    if (event.organizer) return event.organizer.id === filters.organizer;
    return filters.includeCluster;
  }
  return true;
}

/** The weeks (Monday first) that show the month of `day`: each an array of seven ISO days. */
export function monthWeeks(day: string): string[][] {
  const first = `${day.slice(0, 8)}01`;
  const nextMonth = addMonths(first, 1);
  const weekday = (isoWeekday(first) + 6) % 7; // 0 = Monday
  let cursor = addDays(first, -weekday);
  const weeks: string[][] = [];
  while (cursor < nextMonth) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(cursor, i)));
    cursor = addDays(cursor, 7);
  }
  return weeks;
}

/** 0 = Sunday … 6 = Saturday. */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The same day `months` months later, kept inside shorter months (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * The occurrences of each day between `from` and `to` (inclusive), from `occurrences` sorted by
 * {@link compareOccurrences}: each day's list keeps that order (an event begun on an earlier day comes first).
 */
export function byDay(occurrences: readonly Occurrence[], from: string, to: string): Map<string, Occurrence[]> {
  const days = new Map<string, Occurrence[]>();
  const add = (day: string, o: Occurrence) => {
    const list = days.get(day);
    if (list) list.push(o);
    else days.set(day, [o]);
  };
  for (const o of occurrences) {
    if (o.lastDay < from || o.firstDay > to) continue;
    // Most events hold one day: no date arithmetic for them (a change of month runs this over every event).
    if (o.firstDay === o.lastDay) {
      add(o.firstDay, o);
      continue;
    }
    const first = o.firstDay < from ? from : o.firstDay;
    const span = daysBetween(first, o.lastDay > to ? to : o.lastDay);
    for (let i = 0; i <= span; i++) add(addDays(first, i), o);
  }
  return days;
}

/** By first day; on a day, all-day events first, then by start, then by title. */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  if (a.firstDay !== b.firstDay) return a.firstDay < b.firstDay ? -1 : 1;
  if (a.event.allDay !== b.event.allDay) return a.event.allDay ? -1 : 1;
  return a.startsAt - b.startsAt || titleOrder(a.event.title.fr, b.event.title.fr);
}

let collator: Intl.Collator | undefined;
/** French alphabetical order, with one collator for the calendar's life (`localeCompare` may make one per call). */
const titleOrder = (a: string, b: string) => (collator ??= new Intl.Collator('fr')).compare(a, b);

/** The ISO 8601 week number of the week that holds `day` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: string): number {
  const thursday = addDays(day, 3 - ((isoWeekday(day) + 6) % 7));
  return Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
}

/** The first and last days a view covers from `anchor`: the month grid's whole weeks, a month of list, a year ahead. */
export function visibleDays(view: CalendarView, anchor: string): [string, string] {
  switch (view) {
    case 'month': {
      const weeks = monthWeeks(anchor);
      return [weeks[0]![0]!, weeks[weeks.length - 1]![6]!];
    }
    case 'list':
      return [anchor, addDays(addMonths(anchor, 1), -1)];
    default:
      return [anchor, addDays(anchor, 365)];
  }
}
