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
import { sortByStart } from './events.js';
import { LOG_PREFIX } from './log.js';
import type { Parsed } from './parser.js';
import { safeUrl, safeWebUrl } from './text.js';
import type { CalendarEvent, EventOrganizer, FeedIssue } from './types.js';
import { ianaZone } from './windows-zones.js';
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
  /** The zone of floating times: the calendar's `X-WR-TIMEZONE`, else the zone the calendar shows, else the reader's. */
  floatingZone: string;
  url: string;
}

function tzidOf(component: Component, property: string): string | undefined {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof value === 'string' ? value : undefined;
}

/**
 * Where a DATE-TIME value stands in time:
 * - a TZID that names an IANA zone (also as a Windows name, or behind a prefix: {@link ianaZone}) is read with the
 *   browser's zone data, whatever the file's VTIMEZONE says (exporters write VTIMEZONEs of recent rules only);
 * - a UTC time (`Z`) is that instant;
 * - another TZID is read with its VTIMEZONE, whose earliest rules are extended backwards ({@link vtimezoneInstant});
 * - a floating time (neither) is a wall-clock time in the calendar's zone ({@link Context.floatingZone}).
 */
function instantOfTime(time: Time, tzid: string | undefined, context: Context): number {
  const wall = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
  const iana = ianaZone(tzid);
  if (iana) return instantOf(wall, iana);
  const zone = time.zone;
  if (zone && zone.tzid !== 'floating') return zone === ICAL.Timezone.utcTimezone || zone.tzid === 'UTC' ? time.toUnixTime() * 1000 : vtimezoneInstant(time, zone);
  return instantOf(wall, context.floatingZone);
}

/**
 * A time in a zone that only its VTIMEZONE defines. Before the zone's first change, ical.js counts the time as UTC;
 * here the earliest rules are extended backwards instead: the offset is the one the same date and time have in the
 * year after the first change (so a DST pattern keeps its seasons), or the first change's offset before it.
 */
function vtimezoneInstant(time: Time, zone: NonNullable<Time['zone']>): number {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  let offset = zone.utcOffset(time);
  const first = (zone as unknown as { changes?: { year: number; month: number; day: number; hour: number; minute: number; second: number; prevUtcOffset: number }[] }).changes?.[0];
  if (first && wall < Date.UTC(first.year, first.month - 1, first.day, first.hour, first.minute, first.second)) {
    const later = time.clone();
    later.year = first.year + 1;
    if (later.month === 2 && later.day === 29) later.day = 28;
    offset = zone.utcOffset(later);
  }
  return wall - offset * 1000;
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
  const zone = ianaZone(tzidOf(component, 'dtstart'));
  if (zone) event.timeZone = zone;
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
    if (tzid && !known(tzid)) fail(field.toUpperCase(), `TZID "${tzid}" has no VTIMEZONE in the file and is not an IANA or Windows time zone`);
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
 * The text with its lines unfolded, and repaired where calendar programs are known to write loosely:
 * - a TZID that is a Windows display name, unquoted, holds a colon (`TZID=(UTC+01:00) Brussels…:2027…`): quoted;
 * - spaces inside a recurrence rule (`RRULE:FREQ=WEEKLY;BYDAY=MO, TU`, Exchange): removed;
 * - an eight-digit DTSTART, DTEND, RECURRENCE-ID, EXDATE or RDATE without `VALUE=DATE`: read as a date.
 */
function repair(text: string): string[] {
  return text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n|\r/)
    .map((raw) => {
      const line = raw.replace(/;TZID=(\(UTC[+-]\d\d:\d\d\)[^:;"]*)/i, ';TZID="$1"');
      const colon = valueStart(line);
      if (colon < 0) return line;
      const head = line.slice(0, colon);
      const value = line.slice(colon + 1);
      const name = head.split(';')[0]!.toUpperCase();
      if (name === 'RRULE' || name === 'EXRULE') return `${head}:${value.replace(/\s+/g, '')}`;
      if (/^(DTSTART|DTEND|DUE|RECURRENCE-ID|EXDATE|RDATE)$/.test(name) && !/;VALUE=/i.test(head) && /^\d{8}(,\d{8})*$/.test(value.trim())) return `${head};VALUE=DATE:${value.trim()}`;
      return line;
    });
}

/** Where a content line's value starts: its first colon outside a quoted parameter value; -1 for none. */
function valueStart(line: string): number {
  const colon = line.indexOf(':');
  const quote = line.indexOf('"');
  if (quote < 0 || quote > colon) return colon;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

const wrap = (lines: string[]) => ['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n');
const toComponent = (jcal: unknown[]) => new ICAL.Component((Array.isArray(jcal[0]) ? jcal[0] : jcal) as unknown[]);

/** How a component of the file is named in a warning: `VEVENT[3] ("uid", "Summary")`. */
function partName(name: string, index: number, uid: unknown, summary: unknown): string {
  const said = [uid, summary].filter((v) => typeof v === 'string' && v.trim()).map((v) => `"${String(v).trim().slice(0, 80)}"`);
  return `${name}[${index}]${said.length ? ` (${said.join(', ')})` : ''}`;
}

/**
 * A file that ical.js cannot read whole, read component by component: each top-level component (VTIMEZONE, VEVENT…)
 * is parsed alone, and one that fails is left out and named, with its first unreadable line's property; the
 * calendar's own properties that fail are dropped one by one. The file must at least open a VCALENDAR.
 */
function readByParts(lines: string[], url: string, issues: FeedIssue[], error: Error): Component {
  const begin = lines.findIndex((line) => /^BEGIN:VCALENDAR$/i.test(line.trim()));
  if (begin < 0) throw new FeedError(FeedErrorKind.Invalid, url, `not a valid iCalendar file (${error.message})`);
  const head: string[] = [];
  const parts: { name: string; lines: string[] }[] = [];
  let depth = 0;
  for (const line of lines.slice(begin + 1)) {
    const upper = line.trim().toUpperCase();
    if (depth === 0 && upper === 'END:VCALENDAR') break;
    if (upper.startsWith('BEGIN:') && depth++ === 0) parts.push({ name: upper.slice(6), lines: [] });
    if (depth > 0) parts[parts.length - 1]!.lines.push(line);
    else if (line.trim()) head.push(line);
    if (upper.startsWith('END:') && depth > 0) depth--;
  }
  const readable = (candidate: string[]) => {
    try {
      ICAL.parse(wrap(candidate));
      return true;
    } catch {
      return false;
    }
  };
  const vcalendar = toComponent(ICAL.parse(wrap(head.filter((line) => readable([line])))));
  const counts = new Map<string, number>();
  for (const part of parts) {
    const index = counts.get(part.name) ?? 0;
    counts.set(part.name, index + 1);
    try {
      const component = toComponent(ICAL.parse(wrap(part.lines))).getAllSubcomponents()[0];
      if (component) vcalendar.addSubcomponent(component);
    } catch (caught) {
      const bad = part.lines.find((line, i) => i > 0 && !/^(BEGIN|END):/i.test(line) && !readable([`BEGIN:${part.name}`, line, `END:${part.name}`]));
      // The bad line's property name; a line with none (a fold that lost its space) is named by its text.
      const field = bad === undefined ? part.name : (/^[A-Za-z0-9-]+(?=[;:])/.exec(bad)?.[0].toUpperCase() ?? bad.trim().slice(0, 60));
      const value = (key: string) => {
        const line = part.lines.find((l) => new RegExp(`^${key}[;:]`, 'i').test(l));
        return line === undefined ? undefined : line.slice(valueStart(line) + 1);
      };
      issues.push({ entry: partName(part.name, index, value('UID'), value('SUMMARY')), field: field || part.name, message: `could not be read (${(caught as Error).message})` });
    }
  }
  return vcalendar;
}

/**
 * Checks an iCalendar file event by event. A line that ical.js cannot read costs only the component that holds it
 * ({@link readByParts}); a VEVENT without a usable DTSTART, with an unknown time zone or a broken RRULE is left out;
 * each is reported, named by index, UID and summary (`VEVENT[3] ("uid", "Summary") DTSTART …`). A file that is not
 * iCalendar is a {@link FeedError}.
 */
export function parseIcs(text: string, url: string): Parsed<IcsCalendar> {
  const lines = repair(text);
  const issues: FeedIssue[] = [];
  let vcalendar: Component;
  try {
    vcalendar = toComponent(ICAL.parse(lines.join('\r\n')));
  } catch (error) {
    vcalendar = readByParts(lines, url, issues, error as Error);
  }
  if (vcalendar.name !== 'vcalendar') throw new FeedError(FeedErrorKind.Invalid, url, 'not an iCalendar file: no VCALENDAR');
  const zones = new Set(vcalendar.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
  const known = (tzid: string) => zones.has(tzid) || ianaZone(tzid) !== undefined;
  const vevents = vcalendar.getAllSubcomponents('vevent');
  const named = vevents.map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('summary')] as const);
  const found: FeedIssue[] = [];
  const good = new Set(checkEntries(vevents, 'VEVENT', found, (entry) => checkEvent(entry, known)));
  // Name entries by UID and summary, as checkEntries names them by `id`.
  for (const issue of found) {
    const index = Number(/\[(\d+)\]/.exec(issue.entry)?.[1]);
    const [uid, summary] = named[index] ?? [];
    issues.push({ ...issue, entry: partName('VEVENT', index, uid, summary) });
  }
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

const prepared = new WeakMap<IcsCalendar, Map<string, Prepared>>();

const isCancelled = (component: Component) => String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

/** A number property (`SEQUENCE`), 0 when absent or not a number. */
const numberOf = (component: Component, name: string) => Number(component.getFirstPropertyValue(name)) || 0;
/** A date-time property as an instant (`LAST-MODIFIED`, `DTSTAMP`), 0 when absent or unreadable. */
function stampOf(component: Component, name: string): number {
  try {
    const value = component.getFirstPropertyValue(name) as Time | null;
    return value && typeof value.toUnixTime === 'function' ? value.toUnixTime() : 0;
  } catch {
    return 0;
  }
}

/**
 * Of two copies of one event (same UID, same RECURRENCE-ID), the one that counts: the higher SEQUENCE, then the later
 * LAST-MODIFIED, then the later DTSTAMP; on a tie, the later in the file. Exports and merged calendars hold several.
 */
function newer(a: Component, b: Component): Component {
  for (const [value, name] of [[numberOf, 'sequence'], [stampOf, 'last-modified'], [stampOf, 'dtstamp']] as const) {
    const [x, y] = [value(a, name), value(b, name)];
    if (x !== y) return x > y ? a : b;
  }
  return b;
}

/**
 * Exchange writes the RECURRENCE-ID of an all-day series' exception as a date-time at midnight: as Outlook does, it
 * is matched to its occurrence by date (the property made a DATE).
 */
function alignRecurrenceId(exception: Component, master: Component | undefined): void {
  if (!master || !(master.getFirstPropertyValue('dtstart') as Time | null)?.isDate) return;
  const property = exception.getFirstProperty('recurrence-id');
  const value = property?.getFirstValue() as Time | undefined;
  if (!property || !value || value.isDate || value.hour || value.minute || value.second) return;
  const day = ICAL.Time.fromData({ year: value.year, month: value.month, day: value.day, isDate: true });
  property.removeParameter('tzid');
  property.resetType('date');
  property.setValue(day);
}

/**
 * DTSTART is the first instance of a recurrence set (RFC 5545 3.8.5.2), but ical.js leaves it out of a set of RDATEs
 * without an RRULE (Google and Nextcloud write such sets for events on chosen dates): DTSTART is added to the RDATEs,
 * once. An EXDATE still removes it.
 */
function startAmongDates(master: Component): void {
  if (!master.hasProperty('rdate') || master.hasProperty('rrule')) return;
  const dtstart = master.getFirstProperty('dtstart');
  const start = dtstart?.getFirstValue() as Time | undefined;
  if (!dtstart || !start) return;
  const dates = master.getAllProperties('rdate').flatMap((p) => p.getValues() as (Time | { start?: Time })[]);
  if (dates.some((d) => String('start' in d && d.start ? d.start : d) === String(start))) return;
  const [, parameters, type, value] = dtstart.toJSON() as [string, Record<string, unknown>, string, unknown];
  master.addProperty(new ICAL.Property(['rdate', parameters, type, value]));
}

/**
 * The single events and the recurring series of a calendar, worked out once per calendar and zone. Copies of an
 * event are reduced to the one that counts ({@link newer}); cancelled events (`STATUS:CANCELLED`) and cancelled
 * occurrences are left out, not shown struck through.
 */
function prepare(calendar: IcsCalendar, shownZone: string | undefined): Prepared {
  const zone = shownZone && isTimeZone(shownZone) ? shownZone : localTimeZone();
  let byZone = prepared.get(calendar);
  const cached = byZone?.get(zone);
  if (cached) return cached;
  const vcalendar = new ICAL.Component(calendar.jcal);
  const calendarZone = ianaZone(textOf(vcalendar, 'x-wr-timezone'));
  const context: Context = { floatingZone: calendarZone ?? zone, url: '' };
  const result: Prepared = { context, singles: [], series: [], details: new WeakMap() };

  const masters = new Map<string, Component>();
  const exceptions = new Map<string, Map<string, Component>>();
  vcalendar.getAllSubcomponents('vevent').forEach((vevent, index) => {
    const uid = String(vevent.getFirstPropertyValue('uid') ?? `vevent-${index}`);
    if (!vevent.hasProperty('recurrence-id')) {
      const held = masters.get(uid);
      masters.set(uid, held ? newer(held, vevent) : vevent);
      return;
    }
    const list = exceptions.get(uid) ?? new Map<string, Component>();
    exceptions.set(uid, list);
    const id = String(vevent.getFirstPropertyValue('recurrence-id'));
    const held = list.get(id);
    list.set(id, held ? newer(held, vevent) : vevent);
  });
  const single = (id: string, component: Component, start: Time, end: Time | null) =>
    result.singles.push({ id, ...describe(component, context), ...span(start, end, tzidOf(component, 'dtstart'), tzidOf(component, 'dtend'), context) });

  for (const [uid, master] of masters) {
    if (isCancelled(master)) continue;
    const own = [...(exceptions.get(uid)?.values() ?? [])];
    for (const exception of own) alignRecurrenceId(exception, master);
    startAmongDates(master);
    const event = new ICAL.Event(master, { strictExceptions: true, exceptions: own });
    if (!event.isRecurring()) {
      single(uid, master, event.startDate, master.hasProperty('dtend') || master.hasProperty('duration') ? event.endDate : null);
      continue;
    }
    const overrides = own.map((e) => instantOfTime(e.getFirstPropertyValue('recurrence-id') as Time, tzidOf(e, 'recurrence-id'), context));
    const length = Math.max(0, event.duration.toSeconds() * 1000);
    result.series.push({ uid, master, event, startTzid: tzidOf(master, 'dtstart'), lastOverride: Math.max(-Infinity, ...overrides), length });
  }
  // Overrides whose series is not in the file still show, as single events.
  for (const [uid, list] of exceptions) {
    if (masters.has(uid)) continue;
    for (const vevent of list.values()) {
      if (isCancelled(vevent)) continue;
      const event = new ICAL.Event(vevent, { exceptions: [] });
      single(`${uid}@${String(vevent.getFirstPropertyValue('recurrence-id'))}`, vevent, event.startDate, event.endDate);
    }
  }
  if (!byZone) prepared.set(calendar, (byZone = new Map()));
  byZone.set(zone, result);
  return result;
}

/**
 * The events of an ICS calendar that overlap `[from, to)` (instants, ms). Recurring series are expanded from their
 * start up to the end of the range only (however long or endless the series), with EXDATE removed and
 * RECURRENCE-ID overrides in place. All-day events are kept when their days come within a day of the range.
 * What does not depend on the range (the parsed calendar, single events) is worked out once per calendar. Floating
 * times (no TZID, no `Z`) are in the calendar's `X-WR-TIMEZONE`, else in `zone` (the zone the calendar shows), else
 * in the reader's.
 */
export function expandIcs(calendar: IcsCalendar, from: number, to: number, zone?: string): CalendarEvent[] {
  const key = `${from}/${to}/${zone ?? ''}`;
  const last = lastExpansion.get(calendar);
  if (last?.key === key) return last.events;
  // Held before the work: an expansion that throws is not tried again for the same range.
  lastExpansion.set(calendar, { key, events: [] });
  const events = expand(calendar, from, to, zone);
  lastExpansion.set(calendar, { key, events });
  return events;
}

/** Each calendar's last expansion, so that a widget's every update over the same range costs nothing. */
const lastExpansion = new WeakMap<IcsCalendar, { key: string; events: CalendarEvent[] }>();

function expand(calendar: IcsCalendar, from: number, to: number, zone: string | undefined): CalendarEvent[] {
  const { context, singles, series, details } = prepare(calendar, zone);
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
      if (isCancelled(item)) continue;
      const times = span(occurrence.startDate, occurrence.endDate, tzidOf(item, 'dtstart'), tzidOf(item, 'dtend'), context);
      if (!overlaps(times)) continue;
      let described = details.get(item);
      if (!described) details.set(item, (described = describe(item, context)));
      events.push({ id: `${uid}@${next.toString()}`, ...described, ...times });
    }
  }
  return sortByStart(events);
}
