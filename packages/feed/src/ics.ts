/**
 * iCalendar (`.ics`) sources, read with ical.js (the reference parser, with RRULE / EXDATE / RECURRENCE-ID and
 * VTIMEZONE support). This module and ical.js load only when a calendar has an ICS source.
 *
 * The checked calendar is kept as jCal (plain arrays, so it fits in the offline cache); {@link expandIcs} turns it
 * into the events of a time range, expanding each recurring series lazily up to the end of that range.
 */
import ICAL from 'ical.js';
import { fail, checkEntries } from './entries.js';
import { FeedError, FeedErrorKind } from './errors.js';
import { eventSortKey } from './events.js';
import { LOG_PREFIX } from './log.js';
import type { Parsed } from './parser.js';
import { safeUrl, safeWebUrl } from './text.js';
import type { CalendarEvent, EventOrganizer, FeedIssue } from './types.js';
import { addDays, instantOf, isoDay, isTimeZone, localTimeZone } from './zoned-time.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

/** A checked iCalendar file. */
export interface IcsCalendar {
  /** The calendar's name (`X-WR-CALNAME`), when it has one. */
  name?: string;
  /** The calendar as jCal (RFC 7265), without the events that were left out. */
  jcal: unknown[];
}

/** How many occurrences of one series are looked at, at most, in one expansion: a guard against endless rules. */
export const MAX_OCCURRENCES = 20_000;

interface Context {
  /** The zone of floating times: the calendar's `X-WR-TIMEZONE`, else the reader's. */
  floatingZone: string;
  url: string;
}

function tzidOf(component: Component, property: string): string | undefined {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof value === 'string' ? value : undefined;
}

/** Where a DATE-TIME value stands in time. VTIMEZONE blocks win; a bare IANA TZID is read with Intl. */
function instantOfTime(time: Time, tzid: string | undefined, context: Context): number {
  const zone = time.zone?.tzid;
  if (zone && zone !== 'floating') return time.toUnixTime() * 1000;
  const wall = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
  return instantOf(wall, tzid && isTimeZone(tzid) ? tzid : context.floatingZone);
}

function dayOfTime(time: Time): string {
  return isoDay(time.year, time.month, time.day);
}

function textOf(component: Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function organizerOf(component: Component): EventOrganizer | undefined {
  const property = component.getFirstProperty('organizer');
  if (!property) return undefined;
  const address = String(property.getFirstValue() ?? '');
  const cn = property.getParameter('cn');
  const name = (typeof cn === 'string' && cn.trim()) || address.replace(/^mailto:/i, '');
  if (!name) return undefined;
  const organizer: EventOrganizer = { name };
  const url = safeUrl(address);
  if (url) organizer.url = url;
  return organizer;
}

/** The parts of an event that do not depend on the occurrence. */
function describe(component: Component, context: Context): Omit<CalendarEvent, 'id' | 'start' | 'end' | 'allDay'> {
  const event: Omit<CalendarEvent, 'id' | 'start' | 'end' | 'allDay'> = { title: { fr: textOf(component, 'summary') ?? '—' } };
  const tzid = tzidOf(component, 'dtstart');
  if (tzid && isTimeZone(tzid)) event.timeZone = tzid;
  const location = textOf(component, 'location');
  if (location) event.location = location;
  const description = textOf(component, 'description');
  if (description) event.description = { fr: description };
  const organizer = organizerOf(component);
  if (organizer) event.organizer = organizer;
  const url = safeWebUrl(textOf(component, 'url'), context.url);
  if (url) event.url = url;
  const categories = component.getAllProperties('categories').flatMap((p) => p.getValues()).map((c) => String(c).trim().toLowerCase());
  if (categories[0]) event.category = categories[0];
  return event;
}

/** The start and end of an occurrence, as the calendar shows them. */
function span(start: Time, end: Time | null, startTzid: string | undefined, endTzid: string | undefined, context: Context): Pick<CalendarEvent, 'allDay' | 'start' | 'end'> {
  if (start.isDate) {
    const first = dayOfTime(start);
    // DTEND of an all-day event is the day after the last one.
    const last = end && end.isDate ? addDays(dayOfTime(end), -1) : first;
    return { allDay: true, start: first, end: last < first ? first : last };
  }
  const from = instantOfTime(start, startTzid, context);
  const to = end ? instantOfTime(end, endTzid ?? startTzid, context) : from;
  return { allDay: false, start: new Date(from).toISOString(), end: new Date(Math.max(from, to)).toISOString() };
}

function checkEvent(component: unknown, known: (tzid: string) => boolean): Component {
  const vevent = component as Component;
  const dtstart = vevent.getFirstProperty('dtstart');
  if (!dtstart) fail('DTSTART', 'is required');
  let start: Time;
  try {
    start = dtstart.getFirstValue() as Time;
  } catch (error) {
    fail('DTSTART', `is not a valid date or date-time (${(error as Error).message})`);
  }
  if (!start || typeof start.toUnixTime !== 'function') fail('DTSTART', 'is not a date or date-time');
  for (const field of ['dtstart', 'dtend']) {
    const tzid = tzidOf(vevent, field);
    if (tzid && !known(tzid)) fail(field.toUpperCase(), `TZID "${tzid}" has no VTIMEZONE in the file and is not an IANA time zone`);
  }
  const dtend = vevent.getFirstProperty('dtend');
  if (dtend) {
    let end: Time;
    try {
      end = dtend.getFirstValue() as Time;
    } catch (error) {
      fail('DTEND', `is not a valid date or date-time (${(error as Error).message})`);
    }
    if (end.isDate !== start.isDate) fail('DTEND', 'must be a date when DTSTART is a date, and a date-time when it is a date-time');
  }
  for (const rrule of vevent.getAllProperties('rrule')) {
    try {
      const recur = rrule.getFirstValue() as { freq?: string };
      if (!recur?.freq) throw new Error('no FREQ');
    } catch (error) {
      fail('RRULE', `is not a valid recurrence rule (${(error as Error).message})`);
    }
  }
  return vevent;
}

/**
 * Checks an iCalendar file event by event: a VEVENT without a usable DTSTART, with an unknown time zone or a broken
 * RRULE is left out and reported (`VEVENT[3] ("uid") DTSTART …`); a file that is not iCalendar is a {@link FeedError}.
 */
export function parseIcs(text: string, url: string): Parsed<IcsCalendar> {
  let vcalendar: Component;
  try {
    const jcal = ICAL.parse(text);
    vcalendar = new ICAL.Component((Array.isArray(jcal[0]) ? jcal[0] : jcal) as unknown[]);
  } catch (error) {
    throw new FeedError(FeedErrorKind.Invalid, url, `not a valid iCalendar file (${(error as Error).message})`);
  }
  if (vcalendar.name !== 'vcalendar') throw new FeedError(FeedErrorKind.Invalid, url, 'not an iCalendar file: no VCALENDAR');
  const zones = new Set(vcalendar.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
  const known = (tzid: string) => zones.has(tzid) || isTimeZone(tzid);
  const issues: FeedIssue[] = [];
  const vevents = vcalendar.getAllSubcomponents('vevent');
  const named = vevents.map((v) => ({ id: v.getFirstPropertyValue('uid') ?? undefined }));
  const good = new Set(checkEntries(vevents, 'VEVENT', issues, (entry) => checkEvent(entry, known)));
  // Name entries by UID, as checkEntries names them by `id`.
  issues.forEach((issue) => {
    const index = Number(/\[(\d+)\]/.exec(issue.entry)?.[1]);
    const uid = named[index]?.id;
    if (uid !== undefined && !issue.entry.includes('("')) issue.entry = `VEVENT[${index}] ("${String(uid)}")`;
  });
  for (const vevent of vevents) if (!good.has(vevent)) vcalendar.removeSubcomponent(vevent);
  const calendar: IcsCalendar = { jcal: vcalendar.toJSON() as unknown[] };
  const name = textOf(vcalendar, 'x-wr-calname');
  if (name) calendar.name = name;
  return { data: calendar, issues };
}

/**
 * The events of an ICS calendar that overlap `[from, to)` (instants, ms). Recurring series are expanded from their
 * start up to the end of the range only (however long or endless the series), with EXDATE removed and
 * RECURRENCE-ID overrides in place. All-day events are kept when their days come within a day of the range.
 */
interface Series {
  uid: string;
  master: Component;
  event: InstanceType<typeof ICAL.Event>;
  startTzid: string | undefined;
  /** The latest RECURRENCE-ID among the overrides: an override may move an occurrence from after a range into it. */
  lastOverride: number;
  /** How long an occurrence lasts (ms). */
  length: number;
}

/** What does not depend on the range, worked out once per calendar: single events, and the recurring series. */
interface Prepared {
  context: Context;
  singles: CalendarEvent[];
  series: Series[];
  details: WeakMap<Component, ReturnType<typeof describe>>;
}

const prepared = new WeakMap<IcsCalendar, Prepared>();

function prepare(calendar: IcsCalendar): Prepared {
  const cached = prepared.get(calendar);
  if (cached) return cached;
  const vcalendar = new ICAL.Component(calendar.jcal);
  const calendarZone = textOf(vcalendar, 'x-wr-timezone');
  const context: Context = { floatingZone: calendarZone && isTimeZone(calendarZone) ? calendarZone : localTimeZone(), url: '' };
  const result: Prepared = { context, singles: [], series: [], details: new WeakMap() };

  const masters = new Map<string, Component>();
  const exceptions = new Map<string, Component[]>();
  vcalendar.getAllSubcomponents('vevent').forEach((vevent, index) => {
    const uid = String(vevent.getFirstPropertyValue('uid') ?? `vevent-${index}`);
    if (vevent.hasProperty('recurrence-id')) exceptions.set(uid, [...(exceptions.get(uid) ?? []), vevent]);
    else masters.set(uid, vevent);
  });
  const single = (id: string, component: Component, start: Time, end: Time | null) =>
    result.singles.push({ id, ...describe(component, context), ...span(start, end, tzidOf(component, 'dtstart'), tzidOf(component, 'dtend'), context) });

  for (const [uid, master] of masters) {
    const event = new ICAL.Event(master, { strictExceptions: true, exceptions: exceptions.get(uid) ?? [] });
    if (!event.isRecurring()) {
      single(uid, master, event.startDate, master.hasProperty('dtend') || master.hasProperty('duration') ? event.endDate : null);
      continue;
    }
    const overrides = (exceptions.get(uid) ?? []).map((e) => instantOfTime(e.getFirstPropertyValue('recurrence-id') as Time, tzidOf(e, 'recurrence-id'), context));
    const length = Math.max(0, event.duration.toSeconds() * 1000);
    result.series.push({ uid, master, event, startTzid: tzidOf(master, 'dtstart'), lastOverride: Math.max(-Infinity, ...overrides), length });
  }
  // Overrides whose series is not in the file still show, as single events.
  for (const [uid, list] of exceptions) {
    if (masters.has(uid)) continue;
    for (const vevent of list) {
      const event = new ICAL.Event(vevent, { exceptions: [] });
      single(`${uid}@${String(vevent.getFirstPropertyValue('recurrence-id'))}`, vevent, event.startDate, event.endDate);
    }
  }
  prepared.set(calendar, result);
  return result;
}

/**
 * The events of an ICS calendar that overlap `[from, to)` (instants, ms). Recurring series are expanded from their
 * start up to the end of the range only (however long or endless the series), with EXDATE removed and
 * RECURRENCE-ID overrides in place. All-day events are kept when their days come within a day of the range.
 * What does not depend on the range (the parsed calendar, single events) is worked out once per calendar.
 */
export function expandIcs(calendar: IcsCalendar, from: number, to: number): CalendarEvent[] {
  const { context, singles, series, details } = prepare(calendar);
  const dayFrom = new Date(from - 86_400_000).toISOString().slice(0, 10);
  const dayTo = new Date(to + 86_400_000).toISOString().slice(0, 10);
  const overlaps = (e: Pick<CalendarEvent, 'allDay' | 'start' | 'end'>) =>
    e.allDay ? e.end >= dayFrom && e.start <= dayTo : Date.parse(e.end) >= from && Date.parse(e.start) < to;

  const events = singles.filter(overlaps);
  for (const { uid, event, startTzid, lastOverride, length } of series) {
    const until = Math.max(to + 86_400_000, lastOverride);
    const iterator = event.iterator();
    let steps = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++steps > MAX_OCCURRENCES) {
        console.warn(`${LOG_PREFIX} VEVENT "${uid}": more than ${MAX_OCCURRENCES} occurrences before the end of the range; the rest are not shown`);
        break;
      }
      const at = next.isDate ? Date.parse(`${dayOfTime(next)}T00:00:00Z`) : instantOfTime(next, startTzid, context);
      if (at > until) break;
      // An occurrence over well before the range is skipped cheaply, unless an override could move it.
      if (lastOverride === -Infinity && at + length + 2 * 86_400_000 < from) continue;
      const occurrence = event.getOccurrenceDetails(next);
      const item = occurrence.item.component;
      const times = span(occurrence.startDate, occurrence.endDate, tzidOf(item, 'dtstart'), tzidOf(item, 'dtend'), context);
      if (!overlaps(times)) continue;
      let described = details.get(item);
      if (!described) details.set(item, (described = describe(item, context)));
      events.push({ id: `${uid}@${next.toString()}`, ...described, ...times });
    }
  }
  return events.sort((a, b) => eventSortKey(a) - eventSortKey(b));
}
