/**
 * iCalendar (`.ics`) sources, read with ical.js (the reference parser, with RRULE / EXDATE / RECURRENCE-ID and
 * VTIMEZONE support). This module and ical.js load only when a calendar has an ICS source.
 *
 * The checked calendar is kept as jCal (plain arrays, so it fits in the offline cache); {@link expandIcs} turns it
 * into the events of a time range, expanding each recurring series lazily up to the end of that range.
 */
import ICAL from 'ical.js';
import { clip, DESCRIPTION_LIMIT, fail, EntryProblem, TITLE_LIMIT } from './entries.js';
import { FeedError, FeedErrorKind } from './errors.js';
import { sortByStart } from './events.js';
import { FIRST_SLICE_MS, guardedStep, loopClock, MAX_CALENDAR_OCCURRENCES, MAX_RANGE_EVENTS, pause, runFor, runSliced, SLICE_MS, StepTooLong, type Run, type Steps } from './ics-budget.js';
import { LOG_PREFIX } from './log.js';
import { options } from './options.js';
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
  /**
   * The calendar as jCal (RFC 7265), without the events that were left out, as JSON texts: first the calendar's own
   * properties, then its components in runs of {@link RUN}. The offline cache copies strings at once, where
   * structured-cloning the arrays of a 10 MB file held the page for 0.4 s; and each run is read back in a step of its
   * own (one `JSON.parse` of the whole took 0.1 s). Always there in memory; kept offline only for a calendar of at
   * most {@link BLOB_CHARS}: for a larger one it is not enumerable, so that IndexedDB does not copy it, and `runs`
   * holds the same texts. A calendar read back from the offline copy without it is read from `runs` first.
   */
  jcal?: string[];
  /**
   * The texts of `jcal` as Blobs, for a calendar larger than {@link BLOB_CHARS}: IndexedDB keeps a Blob without copying
   * it on the page's thread, where it copied 15 MB of texts while the page waited (0.35 s in Firefox, 0.05 s in
   * Chromium). Read back by {@link expandIcsSoon}.
   */
  runs?: Blob[];
  /** How many parts of the file were left out (each named in the console, up to `maxReportedIssues`). */
  leftOut: number;
}

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

/** A text property, cut at `max` characters ({@link TITLE_LIMIT}, {@link DESCRIPTION_LIMIT}). */
function textOf(component: Component, name: string, max: number = TITLE_LIMIT): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() ? clip(value.trim(), max) : undefined;
}

function organizerOf(component: Component): EventOrganizer | undefined {
  const property = component.getFirstProperty('organizer');
  if (!property) return undefined;
  const address = String(property.getFirstValue() ?? '');
  const cn = property.getParameter('cn');
  const name = clip((typeof cn === 'string' && cn.trim()) || address.replace(/^mailto:/i, ''), TITLE_LIMIT);
  if (!name) return undefined;
  const organizer: EventOrganizer = { name };
  const url = safeUrl(address);
  if (url) organizer.url = url;
  return organizer;
}

/** The parts of an event that do not depend on the occurrence. Texts are cut at {@link TITLE_LIMIT}, {@link DESCRIPTION_LIMIT}. */
function describe(component: Component, context: Context): Omit<CalendarEvent, 'id' | 'start' | 'end' | 'allDay'> {
  const event: Omit<CalendarEvent, 'id' | 'start' | 'end' | 'allDay'> = { title: { fr: textOf(component, 'summary') ?? '—' } };
  const zone = ianaZone(tzidOf(component, 'dtstart'));
  if (zone) event.timeZone = zone;
  const location = textOf(component, 'location', TITLE_LIMIT);
  if (location) event.location = location;
  const description = textOf(component, 'description', DESCRIPTION_LIMIT);
  if (description) event.description = { fr: description };
  const organizer = organizerOf(component);
  if (organizer) event.organizer = organizer;
  const url = safeWebUrl(textOf(component, 'url', Infinity), context.url);
  if (url) event.url = url;
  const categories = component.getAllProperties('categories').flatMap((p) => p.getValues()).map((c) => String(c).trim().toLowerCase());
  if (categories[0]) event.category = clip(categories[0], TITLE_LIMIT);
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
  rulesOf(vevent, 'RRULE', false);
  rulesOf(vevent, 'EXRULE', false);
  return vevent;
}

// --- Rules -----------------------------------------------------------------------------------------------------

type Recur = InstanceType<typeof ICAL.Recur>;

/** The values each BYxxx part may take (RFC 5545 3.3.10): `[least, most, signed]`; `0` is never allowed with a sign. */
const RANGES: Record<string, [number, number, boolean]> = {
  BYSECOND: [0, 60, false],
  BYMINUTE: [0, 59, false],
  BYHOUR: [0, 23, false],
  BYMONTHDAY: [1, 31, true],
  BYYEARDAY: [1, 366, true],
  BYWEEKNO: [1, 53, true],
  BYMONTH: [1, 12, false],
  BYSETPOS: [1, 366, true],
};
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Steps larger than this (`INTERVAL=1000000000`) make ical.js count its way day by day. */
const MAX_INTERVAL = 1000;
const FREQUENCIES = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/**
 * Refuses, before any expansion, a rule that ical.js would spin on or throw at: values out of range (`BYHOUR=25`),
 * months that never have the days asked (`BYMONTH=2;BYMONTHDAY=31`), parts that RFC 5545 does not allow together
 * (`BYYEARDAY` in a monthly rule), and in a VTIMEZONE any rule but a yearly one (clocks change a few times a year;
 * a rule every minute since 1970 is millions of changes, worked out before the first time can be read).
 */
function checkRule(recur: Recur, field: string, inZone: boolean): void {
  const freq = String(recur.freq ?? '');
  if (!FREQUENCIES.includes(freq)) fail(field, `FREQ "${freq}" is not a frequency`);
  if (inZone && freq !== 'YEARLY') fail(field, `FREQ=${freq} in a time zone: its clocks change a few times a year, not every ${freq.toLowerCase().replace(/ly$/, '').replace(/^dai$/, 'day')}`);
  const interval = recur.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL) fail(field, `INTERVAL=${String(interval)} is not between 1 and ${MAX_INTERVAL}`);
  const parts = (recur.parts ?? {}) as Record<string, unknown[] | undefined>;
  for (const [name, [least, most, signed]] of Object.entries(RANGES)) {
    for (const raw of parts[name] ?? []) {
      const value = Number(raw);
      const size = signed ? Math.abs(value) : value;
      if (!Number.isInteger(value) || size < least || size > most) fail(field, `${name}=${String(raw)} is out of range (${signed ? `±${least} to ±${most}` : `${least} to ${most}`})`);
    }
  }
  for (const day of parts.BYDAY ?? []) {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(String(day));
    const nth = m?.[1] === undefined ? undefined : Math.abs(Number(m[1]));
    if (!m || nth === 0 || (nth ?? 0) > 53) fail(field, `BYDAY=${String(day)} is not a day of the week`);
    if ((nth ?? 0) > 5 && freq === 'MONTHLY') fail(field, `BYDAY=${String(day)}: a month has at most 5 of each day of the week`);
  }
  const has = (name: string) => (parts[name]?.length ?? 0) > 0;
  if (has('BYYEARDAY') && (freq !== 'YEARLY' || has('BYMONTH') || has('BYWEEKNO') || has('BYMONTHDAY'))) fail(field, 'BYYEARDAY goes only with FREQ=YEARLY, without BYMONTH, BYWEEKNO or BYMONTHDAY');
  if (has('BYWEEKNO') && (freq !== 'YEARLY' || has('BYMONTHDAY'))) fail(field, 'BYWEEKNO goes only with FREQ=YEARLY, without BYMONTHDAY');
  if (freq === 'WEEKLY' && has('BYMONTHDAY')) fail(field, 'BYMONTHDAY does not go with FREQ=WEEKLY');
  if (has('BYMONTH') && has('BYMONTHDAY')) {
    const months = (parts.BYMONTH ?? []).map(Number);
    const longest = Math.max(...months.map((month) => DAYS_IN_MONTH[month - 1]!));
    const days = (parts.BYMONTHDAY ?? []).map(Number);
    if (days.every((day) => Math.abs(day) > longest)) fail(field, `BYMONTH=${months.join(',')} has no day ${days.join(',')}: the rule never occurs`);
  }
}

/** Each rule (`RRULE`, `EXRULE`) of a component, readable and checked ({@link checkRule}). */
function rulesOf(component: Component, field: string, inZone: boolean): void {
  for (const property of component.getAllProperties(field.toLowerCase())) {
    let recur: Recur;
    try {
      recur = property.getFirstValue() as Recur;
    } catch (error) {
      fail(field, `is not a valid recurrence rule (${(error as Error).message})`);
    }
    if (!recur || typeof recur !== 'object') fail(field, 'is not a recurrence rule');
    checkRule(recur, field, inZone);
  }
}

/** A UTC offset as jCal holds it (`+01:00`, `-04:30:00`), or as written (`+0100`). */
const UTC_OFFSET = /^[+-](?:[01]\d|2[0-3]):?[0-5]\d(?::?[0-5]\d)?$/;

/**
 * Checks a VTIMEZONE: a TZID, and observances (STANDARD, DAYLIGHT) each with a DTSTART, UTC offsets
 * (`TZOFFSETFROM`, `TZOFFSETTO`: `+0100`) and yearly rules only ({@link checkRule}). ical.js would read an offset
 * such as `midi` as NaN, and every time in the zone with it.
 */
function checkZone(zone: Component): void {
  const observances = zone.getAllSubcomponents().filter((c) => c.name === 'standard' || c.name === 'daylight');
  if (!observances.length) fail('STANDARD', 'a time zone needs at least one STANDARD or DAYLIGHT observance');
  for (const observance of observances) {
    for (const name of ['TZOFFSETFROM', 'TZOFFSETTO']) {
      const property = observance.getFirstProperty(name.toLowerCase());
      const raw = property ? String((property.toJSON() as unknown[])[3] ?? '') : undefined;
      if (raw === undefined) fail(name, 'is required');
      if (!UTC_OFFSET.test(raw)) fail(name, `is not a UTC offset such as +0100 (${property!.toICALString().slice(0, 60)})`);
    }
    let start: Time | undefined;
    try {
      start = observance.getFirstPropertyValue('dtstart') as Time | undefined;
    } catch (error) {
      fail('DTSTART', `is not a valid date-time (${(error as Error).message})`);
    }
    if (!start || typeof start.toUnixTime !== 'function') fail('DTSTART', 'is required');
    rulesOf(observance, 'RRULE', true);
  }
}

/**
 * The VTIMEZONEs of the calendar checked ({@link checkZone}): a bad one is taken out of the calendar and reported.
 * Its TZID stays usable: an IANA name is read with the browser's zone data (as every IANA TZID is), another as the
 * calendar's wall-clock time (its `X-WR-TIMEZONE`, else the zone the calendar shows). Gives the TZIDs taken out.
 */
function checkZones(vcalendar: Component, report: (issue: FeedIssue) => void): Set<string> {
  const dropped = new Set<string>();
  const floating = ianaZone(textOf(vcalendar, 'x-wr-timezone'));
  for (const zone of vcalendar.getAllSubcomponents('vtimezone')) {
    const tzid = String(zone.getFirstPropertyValue('tzid') ?? '');
    try {
      if (!tzid) fail('TZID', 'is required');
      checkZone(zone);
    } catch (problem) {
      if (!(problem instanceof EntryProblem)) throw problem;
      const iana = ianaZone(tzid);
      const instead = iana ? `the browser's data for ${iana} is used instead` : `its times are shown in the calendar's zone (${floating ?? 'the zone the calendar shows'})`;
      report({ entry: `VTIMEZONE "${tzid.slice(0, 80)}"`, field: problem.field, message: `${problem.message}; ${instead}` });
      vcalendar.removeSubcomponent(zone);
      if (tzid) dropped.add(tzid);
    }
  }
  return dropped;
}

/** The properties {@link repair} may rewrite. */
const REPAIRED = /^(?:RRULE|EXRULE|DTSTART|DTEND|DUE|RECURRENCE-ID|EXDATE|RDATE)[;:]/i;

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
      const line = raw.includes('(') ? raw.replace(/;TZID=(\(UTC[+-]\d\d:\d\d\)[^:;"]*)/i, ';TZID="$1"') : raw;
      // Most lines (SUMMARY, UID, BEGIN…) need nothing: no copy of their parts is made.
      if (!REPAIRED.test(line)) return line;
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

/** One top-level component of the file (VTIMEZONE, VEVENT…) as its lines, and its place among those of its name. */
interface Part {
  name: string;
  index: number;
  lines: string[];
  /** The length of its lines, in characters. */
  chars: number;
}

/** Components per JSON text of a calendar kept ({@link IcsCalendar.jcal}). */
const RUN = 500;
/** The most characters of JSON a calendar keeps offline as texts; over this, as Blobs ({@link IcsCalendar.runs}). */
const BLOB_CHARS = 1024 * 1024;
/** Characters of the file parsed in one step: ical.js parses a text in one call. */
const GROUP_CHARS = 16 * 1024;
/** Characters of the file unfolded and repaired in one step. */
const PIECE_CHARS = 16 * 1024;

/** A part that ical.js cannot read alone: named, with its first unreadable line's property. */
function* unreadablePart(part: Part, error: unknown): Generator<void, FeedIssue, void> {
  // Line by line, the thread given back: the bad line of a hostile part may be its last of 100,000.
  let bad: string | undefined;
  const due = loopClock();
  for (let i = 1; i < part.lines.length && bad === undefined; i++) {
    const line = part.lines[i]!;
    if (!/^(BEGIN|END):/i.test(line) && !readable([`BEGIN:${part.name}`, line, `END:${part.name}`])) bad = line;
    if (due()) yield;
  }
  // The bad line's property name; a line with none (a fold that lost its space) is named by its text.
  const field = bad === undefined ? part.name : (/^[A-Za-z0-9-]+(?=[;:])/.exec(bad)?.[0].toUpperCase() ?? bad.trim().slice(0, 60));
  const value = (key: string) => {
    const property = new RegExp(`^${key}[;:]`, 'i');
    const line = part.lines.find((l) => property.test(l));
    return line === undefined ? undefined : line.slice(valueStart(line) + 1);
  };
  return { entry: partName(part.name, part.index, value('UID'), value('SUMMARY')), field: field || part.name, message: `could not be read (${(error as Error).message})` };
}

function readable(lines: string[]): boolean {
  try {
    ICAL.parse(wrap(lines));
    return true;
  } catch {
    return false;
  }
}

/**
 * ical.js finds the zone of a TZID by looking through every component of the calendar each time the TZID is not a
 * VTIMEZONE it has already met: quadratic, and hours for a file of 100,000 events in a zone the file does not define
 * (an IANA name, as Nextcloud writes, or an unknown one). The calendar's lookup goes through a map instead.
 */
function indexZones(vcalendar: Component): void {
  const defined = new Map(vcalendar.getAllSubcomponents('vtimezone').map((zone) => [String(zone.getFirstPropertyValue('tzid')), zone] as const));
  const zones = new Map<string, InstanceType<typeof ICAL.Timezone> | null>();
  (vcalendar as unknown as { getTimeZoneByID: (tzid: string) => InstanceType<typeof ICAL.Timezone> | null }).getTimeZoneByID = (tzid) => {
    let zone = zones.get(tzid);
    if (zone === undefined) {
      const component = defined.get(tzid);
      zones.set(tzid, (zone = component ? new ICAL.Timezone({ component, tzid }) : null));
    }
    return zone;
  };
}

/** The components of a parsed text, as jCal. */
const componentsOf = (lines: string[]) => ((toComponent(ICAL.parse(wrap(lines))).toJSON() as unknown[])[2] ?? []) as unknown[][];

/**
 * A part larger than {@link GROUP_CHARS} (a series with 100,000 EXDATE lines), parsed a piece at a time: its own
 * properties in runs of lines, each nested component (VALARM) whole; gives it as jCal. Throws as ical.js does.
 */
function* largePart(part: Part): Generator<void, unknown[][], void> {
  const { name, lines } = part;
  const properties: unknown[] = [];
  const nested: unknown[] = [];
  let run: string[] = [];
  let size = 0;
  const flush = () => {
    const [read] = componentsOf([`BEGIN:${name}`, ...run, `END:${name}`]) as [string, unknown[], unknown[]][];
    if (read) {
      properties.push(...read[1]);
      nested.push(...read[2]);
    }
    run = [];
    size = 0;
  };
  let depth = 0;
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i]!;
    const upper = line.trim().toUpperCase();
    if (upper.startsWith('BEGIN:')) depth++;
    run.push(line);
    size += line.length;
    if (upper.startsWith('END:') && depth > 0) depth--;
    if (depth === 0 && size >= GROUP_CHARS) {
      flush();
      yield;
    }
  }
  flush();
  return [[name.toLowerCase(), properties, nested]];
}

/**
 * Reads an iCalendar file a step at a time ({@link Steps}): unfolded and repaired a piece at a time ({@link repair}),
 * then cut into its top-level components, parsed a group of about {@link GROUP_CHARS} at a time. A group that ical.js
 * cannot read is read again part by part, and a part that fails is left out and named, with its first unreadable
 * line's property; the calendar's own properties that fail are dropped one by one. The file must at least open a
 * VCALENDAR. Then each VTIMEZONE and each VEVENT is checked ({@link checkZones}, {@link checkEvent}).
 */
function* reading(text: string, url: string, done: (parsed: Parsed<IcsCalendar>) => void): Steps {
  const issues: FeedIssue[] = [];
  // Past the issues the console names one by one, the others are only counted: naming 100,000 events (their UID and
  // SUMMARY read, their messages made) for nothing cost Firefox a collection of half a second.
  const most = namedMost();
  let unnamed = 0;
  const naming = () => issues.length < most || (unnamed++, false);
  const head: string[] = [];
  const subcomponents: unknown[][] = [];
  const counts = new Map<string, number>();
  /** Parts read, not yet parsed, and their length in characters. */
  let group: Part[] = [];
  let size = 0;
  /** Parts parsed: in one call, or a large part in pieces, or, where that fails, part by part. */
  function* parseParts(parts: Part[], chars: number): Steps {
    let read: unknown[][] | undefined;
    let failure: unknown;
    try {
      read = parts.length === 1 && chars > GROUP_CHARS ? yield* largePart(parts[0]!) : componentsOf(parts.flatMap((part) => part.lines));
    } catch (error) {
      // One bad part among them: each read alone.
      failure = error;
    }
    if (read && (read.length === parts.length || parts.length === 1)) {
      for (const component of read) subcomponents.push(component);
      return;
    }
    if (parts.length === 1) {
      if (naming()) issues.push(yield* unreadablePart(parts[0]!, failure));
      return;
    }
    for (const part of parts) {
      try {
        for (const component of componentsOf(part.lines)) subcomponents.push(component);
      } catch (error) {
        if (naming()) issues.push(yield* unreadablePart(part, error));
      }
    }
  }
  /** The group parsed; a part larger than a group (the one that filled it) alone, in pieces. */
  function* parseGroup(): Steps {
    const parts = group;
    const chars = size;
    group = [];
    size = 0;
    const last = parts[parts.length - 1]!;
    if (parts.length > 1 && last.chars > GROUP_CHARS) {
      parts.pop();
      yield* parseParts(parts, chars - last.chars);
      yield* parseParts([last], last.chars);
    } else yield* parseParts(parts, chars);
  }
  // The text is read a piece at a time, unfolded and repaired ({@link repair}), cut into its parts as it goes, and
  // each group of parts parsed once it is large enough: the lines of the whole file are never held at once.
  let state: 'before' | 'in' | 'after' = 'before';
  let depth = 0;
  let part: Part | undefined;
  for (let at = 0; at < text.length && state !== 'after'; ) {
    // A piece ends at a line break that no folded line continues, so that unfolding never spans two pieces.
    let end = Math.min(text.length, at + PIECE_CHARS);
    while (end < text.length && (text[end - 1] !== '\n' || text[end] === ' ' || text[end] === '\t')) end++;
    for (const line of repair(text.slice(at, end))) {
      // Only BEGIN and END lines matter to the cutting: the others are not copied to upper case.
      const first = line.charCodeAt(0) | 32;
      const upper = first === 98 || first === 101 || first === 32 || first === 41 ? line.trim().toUpperCase() : '';
      if (state === 'before') {
        if (upper === 'BEGIN:VCALENDAR') state = 'in';
        continue;
      }
      if (!line.trim()) continue;
      if (depth === 0 && upper === 'END:VCALENDAR') {
        state = 'after';
        break;
      }
      if (upper.startsWith('BEGIN:') && depth++ === 0) {
        const name = upper.slice(6);
        const index = counts.get(name) ?? 0;
        counts.set(name, index + 1);
        part = { name, index, lines: [], chars: 0 };
      }
      if (depth === 0 || !part) {
        head.push(line);
        continue;
      }
      part.lines.push(line);
      part.chars += line.length;
      size += line.length;
      if (upper.startsWith('END:') && --depth === 0) {
        group.push(part);
        part = undefined;
        if (size >= GROUP_CHARS) yield* parseGroup();
      }
    }
    at = end;
    yield;
  }
  if (state === 'before') throw new FeedError(FeedErrorKind.Invalid, url, 'not an iCalendar file: no VCALENDAR');
  // A part never ended (a cut file) is parsed too: it fails, and is named.
  if (part) group.push(part);
  if (group.length) yield* parseGroup();
  let top: unknown[];
  try {
    top = toComponent(ICAL.parse(wrap(head))).toJSON() as unknown[];
  } catch {
    top = toComponent(ICAL.parse(wrap(head.filter((line) => readable([line]))))).toJSON() as unknown[];
  }
  const vcalendar = new ICAL.Component(['vcalendar', top[1] ?? [], subcomponents]);

  // Zones first: a VEVENT's times are read with its zone from here on.
  const dropped = checkZones(vcalendar, (issue) => naming() && issues.push(issue));
  indexZones(vcalendar);
  const zones = new Set(vcalendar.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
  // Each TZID looked up once: a file may name one unknown zone in 100,000 events.
  const seen = new Map<string, boolean>();
  const known = (tzid: string) => {
    let answer = seen.get(tzid);
    if (answer === undefined) seen.set(tzid, (answer = zones.has(tzid) || dropped.has(tzid) || ianaZone(tzid) !== undefined));
    return answer;
  };
  // A component wraps its part of the file's jCal (the same arrays): the events left out are matched by identity
  // and taken out in one pass at the end (removing them one by one is quadratic).
  const bad = new Set<unknown>();
  const all = vcalendar.toJSON()[2] as unknown[][];
  const checking = loopClock();
  for (let i = 0, index = -1; i < all.length; i++) {
    if (all[i]![0] !== 'vevent') continue;
    index++;
    // Made here rather than by ical.js's getAllSubcomponents, which makes them all in one call.
    const vevent = new ICAL.Component(all[i]!, vcalendar);
    try {
      checkEvent(vevent, known);
    } catch (problem) {
      if (!(problem instanceof EntryProblem)) throw problem;
      if (naming()) issues.push({ entry: partName('VEVENT', index, vevent.getFirstPropertyValue('uid'), vevent.getFirstPropertyValue('summary')), field: problem.field, message: problem.message });
      bad.add(vevent.jCal);
    }
    if (checking()) yield;
  }
  const kept = bad.size ? all.filter((sub) => !bad.has(sub)) : all;
  yield;
  const jcal = [JSON.stringify(top[1] ?? [])];
  for (let i = 0; i < kept.length; i += RUN) {
    jcal.push(JSON.stringify(kept.slice(i, i + RUN)));
    yield;
  }
  const calendar: IcsCalendar = { leftOut: issues.length + unnamed };
  yield* keeping(calendar, jcal);
  const name = textOf(vcalendar, 'x-wr-calname');
  if (name) calendar.name = name;
  done({ data: calendar, issues: listed(issues, unnamed) });
}

/** `jcal` as the calendar's texts in memory only: not enumerable, so that the offline copy leaves it out. */
const inMemory = (calendar: IcsCalendar, jcal: string[]) => Object.defineProperty(calendar, 'jcal', { value: jcal, enumerable: false, configurable: true, writable: true });

/** The calendar's texts put in place: as they are when small, else in memory and as Blobs to keep offline. */
function* keeping(calendar: IcsCalendar, jcal: string[]): Steps {
  let chars = 0;
  for (const text of jcal) chars += text.length;
  if (chars <= BLOB_CHARS || typeof Blob !== 'function') {
    calendar.jcal = jcal;
    return;
  }
  inMemory(calendar, jcal);
  const runs: Blob[] = [];
  const due = loopClock();
  for (const text of jcal) {
    runs.push(new Blob([text]));
    if (due()) yield;
  }
  calendar.runs = runs;
}

/** Calendars whose texts are being read back from their Blobs ({@link IcsCalendar.runs}). */
const reads = new WeakMap<IcsCalendar, Promise<void>>();

/**
 * Reads a calendar's texts back from the Blobs of its offline copy (off the page's thread). Never rejects: Blobs that
 * cannot be read give a calendar without events, and the console says why.
 */
function readRuns(calendar: IcsCalendar, source: string): Promise<void> {
  let read = reads.get(calendar);
  if (!read) {
    read = Promise.all((calendar.runs ?? []).map((run) => run.text())).then(
      (texts) => void inMemory(calendar, texts),
      (error: unknown) => {
        console.error(`${LOG_PREFIX} ${source}: the copy kept offline could not be read (${String(error)}); it shows no events until the network answers`);
        inMemory(calendar, []);
      },
    );
    reads.set(calendar, read);
  }
  return read;
}

/** How many issues of a file the console names one by one. */
const namedMost = () => Math.max(1, options.maxReportedIssues);

/**
 * The issues as kept and reported: as many as the console is told of one by one (`maxReportedIssues`), the last of
 * them summing up the rest (their number is the calendar's `leftOut`). 100,000 issues kept whole took 0.12 s to copy
 * into the offline cache.
 */
function listed(issues: FeedIssue[], unnamed: number): FeedIssue[] {
  const most = namedMost();
  const total = issues.length + unnamed;
  if (total <= most) return issues;
  const rest = total - most + 1;
  return [...issues.slice(0, most - 1), { entry: `${rest.toLocaleString('en')} more parts of the file`, field: '', message: 'not named one by one' }];
}

/**
 * Checks an iCalendar file event by event, at once (for Node and tests; a page uses {@link readIcs}). A line that
 * ical.js cannot read costs only the component that holds it; a VEVENT without a usable DTSTART, with an unknown time
 * zone or a broken RRULE is left out; a VTIMEZONE whose rules are broken or too frequent is left out, its times read
 * as documented at {@link checkZones}. Each is reported, named by index, UID and summary
 * (`VEVENT[3] ("uid", "Summary") DTSTART …`). A file that is not iCalendar is a {@link FeedError}.
 */
export function parseIcs(text: string, url: string): Parsed<IcsCalendar> {
  let parsed: Parsed<IcsCalendar> | undefined;
  const work = reading(text, url, (result) => (parsed = result));
  while (!work.next().done);
  return parsed!;
}

/** {@link parseIcs} in slices of a few milliseconds, the page given the thread back between them. */
export async function readIcs(text: string, url: string): Promise<Parsed<IcsCalendar>> {
  let parsed: Parsed<IcsCalendar> | undefined;
  const work = reading(text, url, (result) => (parsed = result));
  const run: Run = { spentMs: 0, counting: false };
  if (!runFor(work, run, SLICE_MS)) {
    await runSliced(work, run, new AbortController().signal);
    // What follows (the calendar shown, its first expansion) starts a task of its own, not the end of the last slice.
    await pause();
  }
  return parsed!;
}

/** A recurring series, ready to expand. */
interface Series {
  uid: string;
  master: Component;
  event: InstanceType<typeof ICAL.Event>;
  startTzid: string | undefined;
  /**
   * Its overrides (RECURRENCE-ID), with where their occurrence was and where it is now: one moved into a range from
   * an occurrence far from it is found here, without expanding the series up to it.
   */
  overrides: Override[];
  /** How long an occurrence lasts (ms). */
  length: number;
  excluded: Exclusions;
  /** Set once a step of the series was stopped ({@link StepTooLong}): it is left out of every later expansion. */
  failed?: true;
  /**
   * The occurrences its iterator has given so far, in order, with their instants; `iterator` is kept where it
   * stopped, at the end of them, and `done` once it gave its last. A later range (the next month) starts from these
   * instead of from the series' first occurrence, a year back for a weekly meeting. At most {@link SEEN_MOST}; past
   * them, each expansion walks a fresh iterator of its own, as it would without them.
   */
  seen: { next: InstanceType<typeof ICAL.Time>; at: number }[];
  iterator?: ReturnType<InstanceType<typeof ICAL.Event>['iterator']>;
  done?: true;
}

/** The most occurrences of one series kept ({@link Series.seen}): a weekly series over 190 years, a daily one over 27. */
const SEEN_MOST = 10_000;

/** A series' EXDATEs, as sets ({@link exclusions}). */
interface Exclusions {
  /** The series' VEVENT without its EXDATEs. */
  master: Component;
  /** Date-times, as instants. */
  instants: Set<number>;
  /** Dates (`YYYY-MM-DD`): no occurrence on those days. */
  days: Set<string>;
  /** The days of the date-times, for a series of dates (Exchange writes its EXDATEs as midnight date-times). */
  wallDays: Set<string>;
}

/**
 * A series' EXDATEs taken out of its VEVENT and kept as sets, read a few hundred properties a step. ical.js keeps
 * them in a sorted list, inserted one by one and made again at each expansion: 100,000 EXDATEs held the page for
 * 0.3 s at each month shown.
 */
function* exclusions(master: Component, context: Context): Generator<void, Exclusions, void> {
  const properties = master.jCal[1] as unknown[][];
  const excluded: Exclusions = { master, instants: new Set(), days: new Set(), wallDays: new Set() };
  if (!properties.some((p) => p[0] === 'exdate')) return excluded;
  const due = loopClock();
  for (const jcal of properties) {
    if (jcal[0] !== 'exdate') continue;
    const property = new ICAL.Property(jcal, master);
    const tzid = property.getParameter('tzid');
    try {
      for (const value of property.getValues() as Time[]) {
        if (value.isDate) excluded.days.add(dayOfTime(value));
        else {
          excluded.instants.add(instantOfTime(value, typeof tzid === 'string' ? tzid : undefined, context));
          excluded.wallDays.add(dayOfTime(value));
        }
      }
    } catch (error) {
      console.warn(`${LOG_PREFIX} ${eventName(String(master.getFirstPropertyValue('uid')), master)}: an EXDATE left out (${String(error)})`);
    }
    if (due()) yield;
  }
  excluded.master = new ICAL.Component([master.name, properties.filter((p) => p[0] !== 'exdate'), master.jCal[2]], master.parent ?? undefined);
  return excluded;
}

/** An override of one occurrence of a series. */
interface Override {
  id: string;
  /** Where the occurrence it replaces was (its RECURRENCE-ID), as an instant. */
  at: number;
  item: Component;
  times: Pick<CalendarEvent, 'allDay' | 'start' | 'end'>;
}

/** What does not depend on the range, worked out once per calendar: single events, and the recurring series. */
interface Prepared {
  context: Context;
  singles: CalendarEvent[];
  series: Series[];
  details: WeakMap<Component, ReturnType<typeof describe>>;
}

const prepared = new WeakMap<IcsCalendar, Map<string, Prepared>>();
/** Preparations under way, per calendar and zone. */
const preparations = new WeakMap<IcsCalendar, Map<string, Steps>>();

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

/** How a VEVENT is named in a message once read: `VEVENT "uid" ("Summary")`. */
function eventName(uid: string, component: Component): string {
  const summary = textOf(component, 'summary');
  return `VEVENT "${uid.slice(0, 80)}"${summary ? ` ("${summary.slice(0, 80)}")` : ''}`;
}

/** A step of the work that was stopped inside ical.js: the part it was for is left out and named. */
function stopped(error: unknown, what: string): void {
  if (!(error instanceof StepTooLong)) throw error;
  console.warn(`${LOG_PREFIX} ${what} (${error.message})`);
}

/**
 * The single events and the recurring series of a calendar, worked out once per calendar and zone, one event a step.
 * Copies of an event are reduced to the one that counts ({@link newer}); cancelled events (`STATUS:CANCELLED`) and
 * cancelled occurrences are left out, not shown struck through.
 */
function* preparing(calendar: IcsCalendar, zone: string, into: (result: Prepared) => void): Steps {
  const subcomponents: unknown[][] = [];
  const jcal = calendar.jcal ?? [];
  for (const run of jcal.slice(1)) {
    for (const sub of JSON.parse(run) as unknown[][]) subcomponents.push(sub);
    yield;
  }
  const vcalendar = new ICAL.Component(['vcalendar', JSON.parse(jcal[0] ?? '[]') as unknown[], subcomponents]);
  indexZones(vcalendar);
  yield;
  const calendarZone = ianaZone(textOf(vcalendar, 'x-wr-timezone'));
  const context: Context = { floatingZone: calendarZone ?? zone, url: '' };
  const result: Prepared = { context, singles: [], series: [], details: new WeakMap() };

  const masters = new Map<string, Component>();
  const exceptions = new Map<string, Map<string, Component>>();
  const due = loopClock();
  for (let i = 0, index = -1; i < subcomponents.length; i++) {
    if (subcomponents[i]![0] !== 'vevent') continue;
    index++;
    if (due()) yield;
    const vevent = new ICAL.Component(subcomponents[i]!, vcalendar);
    const uid = String(vevent.getFirstPropertyValue('uid') ?? `vevent-${index}`);
    if (!vevent.hasProperty('recurrence-id')) {
      const held = masters.get(uid);
      masters.set(uid, held ? newer(held, vevent) : vevent);
      continue;
    }
    const list = exceptions.get(uid) ?? new Map<string, Component>();
    exceptions.set(uid, list);
    const id = String(vevent.getFirstPropertyValue('recurrence-id'));
    const held = list.get(id);
    list.set(id, held ? newer(held, vevent) : vevent);
  }
  yield;
  const single = (id: string, component: Component, start: Time, end: Time | null) =>
    result.singles.push({ id, ...describe(component, context), ...span(start, end, tzidOf(component, 'dtstart'), tzidOf(component, 'dtend'), context) });

  for (const [uid, held] of masters) {
    if (isCancelled(held)) continue;
    const own = [...(exceptions.get(uid)?.values() ?? [])];
    let excluded: Exclusions | undefined;
    try {
      excluded = yield* exclusions(held, context);
    } catch (error) {
      stopped(error, `${eventName(uid, held)} left out: it could not be read`);
      continue;
    }
    const master = excluded.master;
    let event: InstanceType<typeof ICAL.Event> | undefined;
    try {
      event = guardedStep(() => {
        for (const exception of own) alignRecurrenceId(exception, master);
        startAmongDates(master);
        const read = new ICAL.Event(master, { strictExceptions: true, exceptions: [] });
        if (!read.isRecurring()) single(uid, master, read.startDate, master.hasProperty('dtend') || master.hasProperty('duration') ? read.endDate : null);
        return read.isRecurring() ? read : undefined;
      });
    } catch (error) {
      stopped(error, `${eventName(uid, master)} left out: it could not be read`);
    }
    yield;
    if (!event) continue;
    // Overrides related one at a time (a Google export holds hundreds, a hostile file 50,000), the thread given back.
    const overrides: Override[] = [];
    for (let i = 0; i < own.length; i++) {
      const component = own[i]!;
      try {
        guardedStep(() => {
          const exception = new ICAL.Event(component);
          event.relateException(exception);
          const id = exception.recurrenceId;
          const times = span(exception.startDate, exception.endDate, tzidOf(component, 'dtstart'), tzidOf(component, 'dtend'), context);
          overrides.push({ id: `${uid}@${id.toString()}`, at: instantOfTime(id, tzidOf(component, 'recurrence-id'), context), item: component, times });
        });
      } catch (error) {
        if (!(error instanceof EntryProblem)) stopped(error, `${eventName(uid, component)}: an override left out`);
        else console.warn(`${LOG_PREFIX} ${eventName(uid, component)}: an override left out: field "${error.field}" ${error.message}`);
      }
      if (due()) yield;
    }
    const length = Math.max(0, event.duration.toSeconds() * 1000);
    result.series.push({ uid, master, event, startTzid: tzidOf(master, 'dtstart'), overrides, length, excluded, seen: [] });
  }
  // Overrides whose series is not in the file still show, as single events.
  for (const [uid, list] of exceptions) {
    if (masters.has(uid)) continue;
    for (const vevent of list.values()) {
      if (isCancelled(vevent)) continue;
      try {
        guardedStep(() => {
          const event = new ICAL.Event(vevent, { exceptions: [] });
          single(`${uid}@${String(vevent.getFirstPropertyValue('recurrence-id'))}`, vevent, event.startDate, event.endDate);
        });
      } catch (error) {
        stopped(error, `${eventName(uid, vevent)} left out: it could not be read`);
      }
      yield;
    }
  }
  into(result);
}

/** The events of a calendar over a range, and why they are not all there when they are not. */
export interface IcsExpansion {
  events: CalendarEvent[];
  /** Set when the calendar's budget ran out before the end of the range: what was computed is shown. */
  exceeded?: string;
}

/** Occurrences a series is given in its turn, before the next series has its: an endless series cannot starve the rest. */
const TURN = 256;

/**
 * The work of one expansion, a step per occurrence ({@link Steps}): the calendar prepared first if it is not yet for
 * this zone (its time not counted in the budget: it is done once), then the single events of the range, then the
 * series in turns of {@link TURN} occurrences each, so that a few endless series cannot keep the others from the
 * range. At most {@link MAX_CALENDAR_OCCURRENCES} occurrences in all.
 */
function* expanding(calendar: IcsCalendar, from: number, to: number, shownZone: string | undefined, run: Run, out: IcsExpansion): Steps {
  const zone = shownZone && isTimeZone(shownZone) ? shownZone : localTimeZone();
  let byZone = prepared.get(calendar);
  if (!byZone) prepared.set(calendar, (byZone = new Map()));
  if (!byZone.has(zone)) {
    // Done once per calendar and zone, linear in the file (whose size the feed client bounds): not in the budget.
    let going = preparations.get(calendar);
    if (!going) preparations.set(calendar, (going = new Map()));
    let work = going.get(zone);
    if (!work) going.set(zone, (work = preparing(calendar, zone, (result) => byZone.set(zone, result))));
    run.counting = false;
    // Stepped here, not delegated with `yield*`: an expansion stopped for another range (a visitor clicking through
    // the months) leaves the preparation where it is, and the next expansion goes on with it.
    try {
      while (!work.next().done) yield;
    } catch (error) {
      going.delete(zone);
      throw error;
    }
    going.delete(zone);
    run.counting = true;
  }
  const { context, singles, series, details } = byZone.get(zone)!;
  const dayFrom = new Date(from - 86_400_000).toISOString().slice(0, 10);
  const dayTo = new Date(to + 86_400_000).toISOString().slice(0, 10);
  const overlaps = (e: Pick<CalendarEvent, 'allDay' | 'start' | 'end'>) =>
    e.allDay ? e.end >= dayFrom && e.start <= dayTo : Date.parse(e.end) >= from && Date.parse(e.start) < to;

  /** What an event says (title, place…), read once per VEVENT however many of its occurrences are shown. */
  const describedOnce = (item: Component) => {
    let described = details.get(item);
    if (!described) details.set(item, (described = describe(item, context)));
    return described;
  };
  const events: CalendarEvent[] = [];
  const due = loopClock();
  for (let i = 0; i < singles.length; i++) {
    if (overlaps(singles[i]!)) events.push(singles[i]!);
    if (due()) yield;
  }
  out.events = events;

  /** A series' turn: where it is in its occurrences seen, or its own iterator once they are all used and full. */
  type Turn = { series: Series; index: number; own?: Series['iterator']; until: number };
  const until = to + 86_400_000;
  /** The first occurrence seen that is not over well before the range (the same test as in `step`). */
  const firstIndex = ({ seen, length }: Series) => {
    let low = 0;
    let high = seen.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (seen[middle]!.at + length + 2 * 86_400_000 < from) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let active: Turn[] = series.filter((s) => !s.failed).map((s) => ({ series: s, index: firstIndex(s), until }));
  // Overrides of occurrences that the expansion does not look at in detail (long before the range, or after it)
  // that were moved into the range.
  for (const { overrides, length } of series) {
    for (const { id, at, item, times } of overrides) {
      if (due()) yield;
      if (at + length + 2 * 86_400_000 >= from && at <= until) continue;
      if (!isCancelled(item) && overlaps(times)) {
        events.push({ id, ...describedOnce(item), ...times });
      }
    }
  }
  let occurrences = 0;
  /** Where an occurrence starts: a date at its UTC midnight, a time in its series' zone. */
  const instant = (time: InstanceType<typeof ICAL.Time>, tzid: string | undefined) => (time.isDate ? Date.parse(`${dayOfTime(time)}T00:00:00Z`) : instantOfTime(time, tzid, context));
  /** One occurrence of a series: `false` once the series is done (or dropped). */
  const step = (turn: Turn): boolean => {
    const { uid, event, startTzid, length, excluded, seen } = turn.series;
    let next: InstanceType<typeof ICAL.Time> | null;
    let at: number;
    if (turn.index < seen.length) {
      ({ next, at } = seen[turn.index++]!);
    } else if (turn.series.done) {
      return false;
    } else if (turn.own || seen.length >= SEEN_MOST) {
      // Past the occurrences kept: a fresh iterator, whose first ones (those kept) are passed over.
      next = (turn.own ??= event.iterator()).next();
      if (!next) return false;
      at = instant(next, startTzid);
      if (at <= seen[seen.length - 1]!.at) return true;
    } else {
      const series = turn.series;
      next = (series.iterator ??= event.iterator()).next();
      if (!next) {
        series.done = true;
        return false;
      }
      at = instant(next, startTzid);
      seen.push({ next, at });
      turn.index++;
    }
    if (at > turn.until) return false;
    if (next.isDate ? excluded.days.has(dayOfTime(next)) || excluded.wallDays.has(dayOfTime(next)) : excluded.instants.has(at) || excluded.days.has(dayOfTime(next))) return true;
    // An occurrence over well before the range is skipped cheaply (an override that moved it is found apart).
    if (at + length + 2 * 86_400_000 < from) return true;
    const occurrence = event.getOccurrenceDetails(next);
    const item = occurrence.item.component;
    if (isCancelled(item)) return true;
    const times = span(occurrence.startDate, occurrence.endDate, tzidOf(item, 'dtstart'), tzidOf(item, 'dtend'), context);
    if (!overlaps(times)) return true;
    events.push({ id: `${uid}@${next.toString()}`, ...describedOnce(item), ...times });
    return true;
  };
  while (active.length) {
    const going: Turn[] = [];
    for (const turn of active) {
      let more = true;
      for (let n = 0; n < TURN && more; n++) {
        if (++occurrences > MAX_CALENDAR_OCCURRENCES || events.length >= MAX_RANGE_EVENTS) {
          const what = occurrences > MAX_CALENDAR_OCCURRENCES ? `occurrences before the end of the range` : 'events in the range';
          const most = occurrences > MAX_CALENDAR_OCCURRENCES ? MAX_CALENDAR_OCCURRENCES : MAX_RANGE_EVENTS;
          out.exceeded = `more than ${most.toLocaleString('en')} ${what}, ${eventName(turn.series.uid, turn.series.master)} among the series not expanded to its end`;
          return;
        }
        try {
          more = guardedStep(() => step(turn));
        } catch (error) {
          if (error instanceof EntryProblem) {
            // An occurrence that cannot be placed in time (span): that occurrence only.
            console.warn(`${LOG_PREFIX} ${eventName(turn.series.uid, turn.series.master)}: an occurrence left out: field "${error.field}" ${error.message}`);
            continue;
          }
          turn.series.failed = true;
          more = false;
          stopped(error, `${eventName(turn.series.uid, turn.series.master)} left out: its RRULE could not be expanded`);
        }
        yield;
      }
      if (more) going.push(turn);
    }
    active = going;
  }
}

/** Each calendar's last expansion, so that a widget's every update over the same range costs nothing. */
interface Expansion {
  key: string;
  /** Set once done. */
  result?: IcsExpansion;
  /** While the work runs in slices: stops it. */
  stop?: AbortController;
  /** While the work runs in slices: settles once it is done (or failed). */
  done?: Promise<void>;
  /** What the work in slices threw, thrown again to the next caller. */
  error?: unknown;
}
const lastExpansion = new WeakMap<IcsCalendar, Expansion>();

function start(calendar: IcsCalendar, from: number, to: number, zone: string | undefined) {
  const run: Run = { spentMs: 0, counting: true };
  const out: IcsExpansion = { events: [] };
  return { run, out, work: expanding(calendar, from, to, zone, run, out) };
}

/** The expansion done: its events in order; over budget, named in the console when the caller names its source. */
function finish(run: Run, out: IcsExpansion, source: string | undefined): IcsExpansion {
  out.events = sortByStart(out.events);
  if (run.exceeded && !out.exceeded) out.exceeded = run.exceeded;
  if (out.exceeded && source) console.warn(`${LOG_PREFIX} ${source} is too heavy to show whole over this range: ${out.exceeded}; only part of its events is shown`);
  return out;
}

/**
 * The events of an ICS calendar that overlap `[from, to)` (instants, ms), worked out at once. Recurring series are
 * expanded from their start up to the end of the range only (however long or endless the series), with EXDATE
 * removed and RECURRENCE-ID overrides in place. All-day events are kept when their days come within a day of the
 * range. What does not depend on the range (the parsed calendar, single events) is worked out once per calendar.
 * Floating times (no TZID, no `Z`) are in the calendar's `X-WR-TIMEZONE`, else in `zone` (the zone the calendar
 * shows), else in the reader's. The work is bounded (see ics-budget.ts): past its budget, `exceeded` says why, and
 * the console too when `source` names the calendar (its URL).
 */
export function expandIcs(calendar: IcsCalendar, from: number, to: number, zone?: string, source?: string): IcsExpansion {
  const key = `${from}/${to}/${zone ?? ''}`;
  const last = lastExpansion.get(calendar);
  if (last?.key === key && last.result) return last.result;
  last?.stop?.abort();
  const { run, out, work } = start(calendar, from, to, zone);
  runFor(work, run);
  const result = finish(run, out, source);
  lastExpansion.set(calendar, { key, result });
  return result;
}

/**
 * {@link expandIcs} for a page that must stay responsive: the work runs at once for {@link FIRST_SLICE_MS}, and if it is not
 * done then, in slices with the thread given back between them. Gives the expansion when it is done within the
 * first slice (or was done before); else `undefined`, and `done` is called once it is, unless another range of
 * the same calendar was asked for meanwhile (the older work is then stopped). Never throws: an expansion that fails
 * gives no events, and the console names `source` (the calendar's URL) and the error.
 */
export function expandIcsSoon(calendar: IcsCalendar, from: number, to: number, zone: string | undefined, done: () => void, source = 'an iCalendar source'): IcsExpansion | undefined {
  try {
    return expandSoon(calendar, from, to, zone, done, source);
  } catch (error) {
    // Not thrown into the page: no events for this range, and the reason in the console.
    console.error(`${LOG_PREFIX} ${source} could not be expanded (${String(error)})`);
    const result: IcsExpansion = { events: [] };
    lastExpansion.set(calendar, { key: `${from}/${to}/${zone ?? ''}`, result });
    return result;
  }
}

function expandSoon(calendar: IcsCalendar, from: number, to: number, zone: string | undefined, done: () => void, source: string): IcsExpansion | undefined {
  const key = `${from}/${to}/${zone ?? ''}`;
  const last = lastExpansion.get(calendar);
  if (last?.key === key) {
    if (last.result) return last.result;
    if (last.error !== undefined) {
      lastExpansion.delete(calendar);
      throw last.error;
    }
    void last.done?.then(done);
    return undefined;
  }
  last?.stop?.abort();
  if (!calendar.jcal) {
    // Read back from the offline copy's Blobs first; `done` then asks again.
    const entry: Expansion = { key };
    entry.done = readRuns(calendar, source).then(() => {
      if (lastExpansion.get(calendar) === entry) lastExpansion.delete(calendar);
    });
    void entry.done.then(done);
    lastExpansion.set(calendar, entry);
    return undefined;
  }
  const { run, out, work } = start(calendar, from, to, zone);
  if (runFor(work, run, FIRST_SLICE_MS)) {
    const result = finish(run, out, source);
    lastExpansion.set(calendar, { key, result });
    return result;
  }
  const stop = new AbortController();
  const entry: Expansion = { key, stop };
  entry.done = runSliced(work, run, stop.signal).then(
    () => {
      if (!stop.signal.aborted) entry.result = finish(run, out, source);
    },
    (error: unknown) => {
      entry.error = error;
    },
  );
  void entry.done.then(() => {
    delete entry.stop;
    if (!stop.signal.aborted) done();
  });
  lastExpansion.set(calendar, entry);
  return undefined;
}
