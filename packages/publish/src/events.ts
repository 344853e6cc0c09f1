/**
 * The cluster's events → the events feed: from a spreadsheet (one row per event), from the cluster's `.ics` (or an
 * events feed in JSON), and from each member's own calendar named in the member sheet. iCalendar is read and expanded
 * by the feed client's reader (`loadIcs` of `@frenchsouth-digital/feed`), and the whole feed checked by its validator
 * (`parseEventFeed`), as the calendar widget would check it.
 */
import {
  addDays,
  calendarSourceParser,
  eventSortKey,
  FeedError,
  instantOf,
  loadIcs,
  parseEventFeed,
  type CalendarEvent,
  type EventFeed,
  type FeedIssue,
} from '@frenchsouth-digital/feed';
import { CATEGORIES, COLLEGES } from './cluster.js';
import { EVENT_COLUMNS, mapColumns, type EventColumn } from './columns.js';
import { collegeOf } from './members.js';
import { messages, type Messages } from './messages.js';
import type { Lang, Problem } from './problems.js';
import type { Table, TableRow } from './table.js';
import { cellText, cleanUrl, key, readDateTime, readYesNo, slugify } from './values.js';

/** The zone of the cluster: times written without an offset are Paris times. */
export const CLUSTER_ZONE = 'Europe/Paris';

/** The days of member calendars (and of the cluster's `.ics`) that are published, around the publishing day. */
export interface Window {
  /** ms, inclusive */
  from: number;
  /** ms, exclusive */
  to: number;
}

/** 30 days back to 365 ahead of `today` (`YYYY-MM-DD`, Paris). */
export function windowAround(today: string, back = 30, ahead = 365): Window {
  const midnight = (day: string) => instantOf({ ...wall(day), hour: 0, minute: 0, second: 0 }, CLUSTER_ZONE);
  return { from: midnight(addDays(today, -back)), to: midnight(addDays(today, ahead)) };
}

function wall(day: string) {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
}

/** One event with where it came from, to map the validator's issues back. */
export interface SourcedEvent {
  entry: Record<string, unknown>;
  source: {
    sheet: string;
    row?: number;
    column?: string;
    kind: 'sheet' | 'ics' | 'member';
    /** For a sheet row: each feed field's column (its header as written) and cell text. */
    cells?: Record<string, { column: string; value: string }>;
  };
}

export interface EventSheetResult {
  events: SourcedEvent[];
  problems: Problem[];
  /** A required column is missing: nothing may be published. */
  fatal: boolean;
}

/** The category of a cell: its id (`workshop`) or its name in French or English (`Atelier`). */
export function categoryOf(text: string): string | undefined {
  const wanted = key(text);
  if (!wanted) return undefined;
  return CATEGORIES.find((c) => [c.id, c.name.fr, c.name.en ?? ''].some((name) => key(name) === wanted))?.id;
}

const categoryNames = (lang: Lang) => CATEGORIES.map((c) => (lang === 'fr' ? c.name.fr : c.name.en ?? c.name.fr));
const collegeNames = (lang: Lang) => COLLEGES.map((c) => (lang === 'fr' ? c.name.fr.replace(/\s*\(.*\)\s*$/, '') : c.name.en ?? c.name.fr));

const FIELD_COLUMN: Record<string, EventColumn> = {
  id: 'id',
  title: 'title',
  allDay: 'allDay',
  start: 'start',
  end: 'end',
  timeZone: 'start',
  location: 'location',
  description: 'description',
  organizer: 'organizer',
  college: 'college',
  category: 'category',
  url: 'url',
};

/** The event sheet: one row per event; dates in Paris time unless the cell gives an offset. */
export function readEventSheet(table: Table, lang: Lang, members: ReadonlyMap<string, string>): EventSheetResult {
  const t = messages(lang);
  const { index, missing, unknown } = mapColumns(table.headers, EVENT_COLUMNS);
  const problems: Problem[] = [];
  const header = (column: EventColumn) => (index[column] !== undefined ? table.headers[index[column]!]! : '');
  for (const name of unknown) problems.push({ level: 'warning', code: 'unknown-column', sheet: table.sheet, row: table.headerRow, column: name, message: t.unknownColumn });
  if (missing.length) {
    for (const column of missing) {
      const names = lang === 'fr' ? `« ${column.fr[0]} » (ou « ${column.en[0]} »)` : `"${column.en[0]}" (or "${column.fr[0]}")`;
      problems.push({ level: 'error', code: 'missing-column', sheet: table.sheet, row: table.headerRow, column: lang === 'fr' ? column.fr[0] : column.en[0], message: t.missingColumn(names) });
    }
    return { events: [], problems, fatal: true };
  }
  const text = (row: TableRow, column: EventColumn) => (index[column] !== undefined ? cellText(row.cells[index[column]!]) : '');
  const memberByKey = new Map<string, { id: string; name: string }>();
  for (const [id, name] of members) {
    memberByKey.set(key(id), { id, name });
    memberByKey.set(key(name), { id, name });
  }
  const events: SourcedEvent[] = [];
  const taken = new Set<string>();
  for (const row of table.rows) {
    const bad = (code: string, column: EventColumn, message: string) =>
      problems.push({ level: 'error', code, sheet: table.sheet, row: row.number, column: header(column), value: text(row, column), message });
    const before = problems.length;
    const title = text(row, 'title');
    const entry: Record<string, unknown> = { title: { fr: title, en: text(row, 'titleEn') } };

    const allDayText = text(row, 'allDay');
    const allDayCell = readYesNo(allDayText);
    if (allDayCell === undefined) bad('bad-yes-no', 'allDay', t.badYesNo(allDayText));
    const startText = text(row, 'start');
    const start = readDateTime(startText);
    if (!startText) bad('required', 'start', t.required(header('start')));
    else if (!start) bad('bad-date', 'start', t.badDateTime(startText));
    const endText = text(row, 'end');
    const end = endText ? readDateTime(endText) : undefined;
    if (endText && !end) bad('bad-date', 'end', t.badDateTime(endText));
    const allDay = allDayCell ?? (start ? !start.time : false);
    if (start) {
      entry.allDay = allDay;
      if (allDay) {
        entry.start = start.day;
        if (end) entry.end = end.day;
      } else {
        entry.start = `${start.day}T${start.time ?? '00:00:00'}${start.offset ?? ''}`;
        entry.timeZone = CLUSTER_ZONE;
        if (end) {
          if (!end.time && end.day === start.day) entry.end = entry.start;
          else if (!end.time) bad('bad-date', 'end', t.badDateTime(endText));
          else entry.end = `${end.day}T${end.time}${end.offset ?? ''}`;
        }
      }
    }
    if (!start) {
      // Reported above; a stand-in lets the validator look at the rest of the row (which is not published).
      entry.allDay = true;
      entry.start = '2015-05-05';
    }
    const location = text(row, 'location');
    if (location) entry.location = location;
    const college = text(row, 'college');
    if (college) entry.college = collegeOf(college);
    const category = text(row, 'category');
    if (category) {
      const id = categoryOf(category);
      if (id) entry.category = id;
      else bad('unknown-category', 'category', t.badCategory(category, categoryNames(lang)));
    }
    const organizer = text(row, 'organizer');
    if (organizer) entry.organizer = memberByKey.get(key(organizer)) ?? { name: organizer };
    const description = { fr: text(row, 'description'), en: text(row, 'descriptionEn') };
    if (description.fr || description.en) entry.description = description;
    const url = text(row, 'url');
    if (url) entry.url = cleanUrl(url);

    const day = start?.day ?? `ligne-${row.number}`;
    let id = text(row, 'id');
    if (!id) {
      const base = `${slugify(title) || 'evenement'}-${day}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    }
    taken.add(id);
    entry.id = id;
    const cells = Object.fromEntries(Object.entries(FIELD_COLUMN).map(([field, column]) => [field, { column: header(column) || header('title'), value: text(row, column) }]));
    const source = { sheet: table.sheet, row: row.number, kind: 'sheet' as const, cells };
    events.push({ entry: problems.length === before ? entry : { ...entry, _bad: true }, source });
  }
  return { events, problems, fatal: false };
}

/** Known categories only: an `.ics` CATEGORIES value that names none of them is dropped, not a reason to refuse. */
function withKnownCategory(event: CalendarEvent): CalendarEvent {
  if (event.category === undefined) return event;
  const { category, ...rest } = event;
  const id = categoryOf(category);
  return id ? { ...rest, category: id } : rest;
}

/** Why a calendar could not be used, in the report's words. */
export function calendarProblem(error: unknown, t: Messages): { code: string; message: string } {
  if (error instanceof FeedError && (error.kind === 'invalid' || error.kind === 'not-json')) return { code: 'calendar-not-ics', message: t.calendarNotIcs };
  return { code: 'calendar-failed', message: t.calendarNetwork(error instanceof Error ? error.message : String(error)) };
}

/**
 * The events of an iCalendar text (or of a JSON events feed) within the window. Events the reader had to leave out
 * come back as `issues` (`VEVENT[3] ("uid", "Summary") DTSTART …`). Throws a {@link FeedError} when the text is no calendar.
 */
export async function calendarEvents(text: string, url: string, window: Window, contentType?: string, requireIcs = false): Promise<{ events: CalendarEvent[]; issues: FeedIssue[]; name?: string }> {
  const parsed = await calendarSourceParser.parse(text, url, contentType);
  if (parsed.data.format === 'json') {
    if (requireIcs) throw new FeedError('invalid', url, 'a JSON feed, not an iCalendar file');
    return { events: parsed.data.feed.events.map(withKnownCategory), issues: parsed.issues };
  }
  const { expandIcs } = await loadIcs();
  // Floating times (no zone in the file) are the cluster's: Montpellier's wall clock, whatever machine publishes.
  const expansion = expandIcs(parsed.data, window.from, window.to, CLUSTER_ZONE);
  const issues = [...parsed.issues];
  // Over its budget (see ics-budget.ts of the feed client), a calendar gives what was computed, and says so.
  if (expansion.exceeded) issues.push({ entry: 'VCALENDAR', field: '', message: `too heavy to read whole over the window: ${expansion.exceeded}; only part of its events is published` });
  const result: { events: CalendarEvent[]; issues: FeedIssue[]; name?: string } = { events: expansion.events.map(withKnownCategory), issues };
  if (parsed.data.name) result.name = parsed.data.name;
  return result;
}

/** A member's own events: each tagged with the member as organiser, its id prefixed with the member's. */
export function memberEvents(member: { id: string; name: string }, events: readonly CalendarEvent[]): CalendarEvent[] {
  return events.map((event) => ({ ...event, id: `${member.id}/${event.id}`, organizer: { id: member.id, name: member.name } }));
}

/** Events in their published order: by start, then by id. */
export function sortEvents(events: CalendarEvent[]): CalendarEvent[] {
  return events.sort((a, b) => eventSortKey(a) - eventSortKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A value that passes the validator for a field, to find a sheet row's next problem. */
function patch(entry: Record<string, unknown>, field: string, row: number): void {
  if (field === 'id') entry.id = `fsd-row-${row}`;
  else if (field === 'title') entry.title = 'x';
  else if (field === 'start' || field === 'end' || field === 'allDay' || field === 'timeZone') {
    entry.allDay = true;
    entry.start = '2015-05-05';
    delete entry.end;
    delete entry.timeZone;
  } else delete entry[field];
}

/**
 * Every event through `parseEventFeed`, issues mapped back to their sheet and row. Rows the sheet reading already
 * found bad are checked too (to report all their problems) but never published.
 */
export function checkEvents(sourced: SourcedEvent[], lang: Lang, updated: string | undefined, feedUrl: string): { feed: EventFeed; problems: Problem[] } {
  const t = messages(lang);
  const json = (entries: Record<string, unknown>[]) => {
    const feed: Record<string, unknown> = { version: 1, categories: CATEGORIES, events: entries };
    if (updated) feed.updated = updated;
    return feed;
  };
  const strip = ({ _bad, ...entry }: Record<string, unknown>) => (void _bad, entry);
  const first = parseEventFeed(json(sourced.map((s) => strip(s.entry))), feedUrl);
  const problems: Problem[] = [];
  const leftOut = new Set<number>();
  sourced.forEach((s, i) => {
    if (s.entry._bad) leftOut.add(i);
  });

  let pending: { index: number; entry: Record<string, unknown>; issues: FeedIssue[] }[] = [];
  const group = (issues: FeedIssue[], map: (i: number) => number) => {
    const found = new Map<number, FeedIssue[]>();
    for (const issue of issues) {
      const at = /^events\[(\d+)\]/.exec(issue.entry);
      if (at) found.set(map(Number(at[1])), [...(found.get(map(Number(at[1]))) ?? []), issue]);
    }
    return found;
  };
  for (const [index, issues] of group(first.issues, (i) => i)) pending.push({ index, entry: strip(sourced[index]!.entry), issues });
  for (let round = 0; pending.length && round < 8; round++) {
    for (const item of pending) {
      const source = sourced[item.index]!.source;
      leftOut.add(item.index);
      for (const issue of item.issues) {
        problems.push(explainEvent(issue, item.entry, source, t, lang));
        if (source.kind === 'sheet') patch(item.entry, issue.field, source.row ?? 0);
      }
    }
    const retry = pending.filter((p) => sourced[p.index]!.source.kind === 'sheet');
    if (!retry.length) break;
    const again = parseEventFeed(json(retry.map((p) => p.entry)), feedUrl);
    pending = [...group(again.issues, (i) => i)].map(([i, issues]) => ({ ...retry[i]!, issues }));
  }
  const indexOf = new Map<unknown, number>();
  sourced.forEach((s, i) => {
    if (!indexOf.has(s.entry.id)) indexOf.set(s.entry.id, i);
  });
  const kept = first.data.events.filter((event) => !leftOut.has(indexOf.get(event.id) ?? -1));
  return { feed: { ...first.data, events: sortEvents(kept) }, problems };
}

function explainEvent(issue: FeedIssue, entry: Record<string, unknown>, source: SourcedEvent['source'], t: Messages, lang: Lang): Problem {
  const cell = source.cells?.[issue.field];
  const column = cell?.column;
  const base = { level: source.kind === 'sheet' ? ('error' as const) : ('warning' as const), sheet: source.sheet, ...(source.row ? { row: source.row } : {}) };
  if (source.kind !== 'sheet') {
    return { ...base, code: 'calendar-event', column: source.column ?? '', value: String(entry.id ?? ''), message: t.calendarEvent(`${issue.field}: ${issue.message}`) };
  }
  const value = cell?.value ?? (typeof entry[issue.field] === 'string' ? String(entry[issue.field]) : '');
  const where = { ...base, column: column ?? issue.field, value };
  switch (issue.field) {
    case 'id':
      return { ...where, code: /duplicate/.test(issue.message) ? 'duplicate-id' : 'bad-id', value: String(entry.id), message: /duplicate/.test(issue.message) ? t.duplicateEventId(String(entry.id)) : t.badId };
    case 'title':
      return { ...where, code: 'required', message: t.required(column ?? 'Titre') };
    case 'end':
      return { ...where, code: /before/.test(issue.message) ? 'end-before-start' : 'bad-date', message: /before/.test(issue.message) ? t.endBefore : t.badDateTime(value) };
    case 'start':
      return { ...where, code: 'bad-date', message: t.badDateTime(value) };
    case 'college':
      return { ...where, code: 'unknown-college', message: t.badEventCollege(value, collegeNames(lang)) };
    case 'category':
      return { ...where, code: 'unknown-category', message: t.badCategory(value, categoryNames(lang)) };
    case 'url':
      return { ...where, code: 'bad-url', message: t.badEventUrl(value) };
    case 'organizer':
      return { ...where, code: 'bad-organizer', message: t.badOrganizer };
    default:
      return { ...where, code: 'invalid', message: t.other(issue.message) };
  }
}
