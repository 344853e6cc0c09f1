/**
 * One publish, from the staff's files to the site: read the member sheet (and the event sheets or `.ics`), fetch the
 * members' own calendars, check everything with the feed client's validators, build the site, write what changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayIn, FeedError, type CalendarEvent, type EventFeed } from '@frenchsouth-digital/feed';
import { calendarEvents, calendarProblem, checkEvents, CLUSTER_ZONE, memberEvents, readEventSheet, windowAround, type SourcedEvent } from './events.js';
import { readMembers } from './members.js';
import { messages } from './messages.js';
import { signSite, type SigningKey } from './signing.js';
import { fetchCalendar, loadBundles, localLogo, newestModification, writeSite, type WriteResult } from './node-io.js';
import type { Lang, Problem } from './problems.js';
import { buildSite } from './site.js';
import { readTable, UnreadableFile, type Table } from './table.js';

export interface PublishOptions {
  /** The member sheet: `.csv` or `.xlsx`. */
  members: string;
  /** Event sources: sheets (`.csv`, `.xlsx`), the cluster's `.ics`, or an events feed (`.json`). */
  events?: string[];
  /** The folder the site is written to; absent: check only, write nothing. */
  out?: string;
  /** Where the site will be served from, ending with `/`. Default: https://www.frenchsouth.digital/. */
  baseUrl?: string;
  /** The feeds' `updated`; default: the newest modification time of the input files. */
  updated?: string;
  /** The publishing day (`YYYY-MM-DD`, Paris) that the calendar window is counted from; default: today. */
  today?: string;
  lang?: Lang;
  strict?: boolean;
  /** How long a member calendar may take, in ms (default 10 s). */
  timeoutMs?: number;
  /** The built embed bundles; default: the repository's packages/widgets/dist. */
  widgets?: string;
  /** Sign the JSON feeds with these keys (see signing.ts); absent: the feeds are published unsigned. */
  keys?: SigningKey[];
  /** How long a signed feed stays good after its `updated`, in days (default 30): readers refuse it after. */
  expiresInDays?: number;
}

export interface PublishResult {
  /** 0 published; 1 `--strict` and some rows are bad (nothing written); 2 nothing published (a file or a column). */
  exitCode: 0 | 1 | 2;
  problems: Problem[];
  published: boolean;
  members: number;
  events: number;
  badRows: number;
  write?: WriteResult;
  files?: number;
}

const DEFAULT_WIDGETS = resolve(dirname(fileURLToPath(import.meta.url)), '../../widgets/dist');
/** The check page's script, built beside this file (packages/publish/dist/). */
const CHECK_SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), 'check.js');

async function tableOf(path: string, lang: Lang, problems: Problem[]): Promise<Table | undefined> {
  const t = messages(lang);
  const sheet = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = lang === 'fr' ? (code === 'ENOENT' ? 'il n’existe pas' : 'accès refusé') : code === 'ENOENT' ? 'it does not exist' : 'access denied';
    problems.push({ level: 'error', code: 'unreadable-file', sheet, value: path, message: t.unreadable(sheet, why) });
    return undefined;
  }
  try {
    return await readTable(sheet, bytes);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const message = { 'old-excel': t.oldExcel, empty: t.empty, 'not-a-spreadsheet': t.notSpreadsheet, unreadable: t.unreadable(sheet, error.message) }[error.code];
    problems.push({ level: 'error', code: error.code === 'old-excel' ? 'old-excel' : 'unreadable-file', sheet, message });
    return undefined;
  }
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const lang = options.lang ?? 'fr';
  const t = messages(lang);
  const baseUrl = options.baseUrl ?? 'https://www.frenchsouth.digital/';
  const problems: Problem[] = [];
  const fail = (code: 1 | 2): PublishResult => ({ exitCode: code, problems, published: false, members: 0, events: 0, badRows: 0 });
  const sheetDir = dirname(resolve(options.members));
  const localInputs = [options.members, ...(options.events ?? [])];

  const memberTable = await tableOf(options.members, lang, problems);
  const eventTables: { path: string; table?: Table; text?: string }[] = [];
  for (const path of options.events ?? []) {
    if (/\.(ics|ical|ifb|json)$/i.test(path)) {
      try {
        eventTables.push({ path, text: readFileSync(path, 'utf8') });
      } catch {
        problems.push({ level: 'error', code: 'unreadable-file', sheet: basename(path), message: t.unreadable(basename(path), lang === 'fr' ? 'il n’existe pas' : 'it does not exist') });
      }
    } else {
      const table = await tableOf(path, lang, problems);
      if (table) eventTables.push({ path, table });
    }
  }
  if (!memberTable || problems.some((p) => p.level === 'error')) return fail(2);

  const assets = new Map<string, Uint8Array>();
  const members = readMembers(memberTable, {
    lang,
    baseUrl,
    ...(options.updated ? { updated: options.updated } : {}),
    resolveLogo: (value, id) => {
      const logo = localLogo(value, sheetDir, id);
      if (!logo) return undefined;
      assets.set(logo.path, logo.content);
      return `${baseUrl}${logo.path}`;
    },
  });
  problems.push(...members.problems);
  if (!members.feed) return fail(2);

  const today = options.today ?? dayIn(Date.now(), CLUSTER_ZONE);
  const window = windowAround(today);
  const memberNames = new Map(members.feed.members.map((m) => [m.id, m.name]));
  const sourced: SourcedEvent[] = [];
  for (const source of eventTables) {
    const sheet = basename(source.path);
    if (source.table) {
      const read = readEventSheet(source.table, lang, memberNames);
      problems.push(...read.problems);
      if (read.fatal) return fail(2);
      sourced.push(...read.events);
      continue;
    }
    try {
      const { events, issues } = await calendarEvents(source.text!, `file://${resolve(source.path)}`, window);
      for (const issue of issues) problems.push({ level: 'warning', code: 'calendar-event', sheet, value: issue.entry, message: t.icsEvent(`${issue.field}: ${issue.message}`) });
      for (const event of events) sourced.push({ entry: event as unknown as Record<string, unknown>, source: { sheet, kind: 'ics' } });
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      problems.push({ level: 'error', code: 'not-ics', sheet, message: t.notIcs });
      return fail(2);
    }
  }

  // The members' own calendars, fetched now so that embedders never meet CORS; one that fails is left out.
  const timeoutMs = options.timeoutMs ?? 10_000;
  const memberCalendarFiles: string[] = [];
  const fetched = await pool(
    members.calendars.map((calendar) => async () => {
      const where = { sheet: memberTable.sheet, row: calendar.row, column: calendar.column, value: calendar.value };
      const got = await fetchCalendar(calendar.value, sheetDir, timeoutMs);
      if (!got.ok) {
        const message =
          got.reason === 'timeout' ? t.calendarTimeout(timeoutMs / 1000)
          : got.reason === 'http' ? t.calendarHttp(got.status ?? 0)
          : got.reason === 'missing-file' ? t.calendarMissingFile
          : got.reason === 'bad-url' ? t.calendarUrl(calendar.value)
          : t.calendarNetwork(got.detail ?? '');
        problems.push({ level: 'warning', code: `calendar-${got.reason}`, ...where, message });
        return [] as SourcedEvent[];
      }
      if (got.url.startsWith('file://')) memberCalendarFiles.push(fileURLToPath(got.url));
      try {
        const { events, issues } = await calendarEvents(got.text, got.url, window, got.contentType, true);
        for (const issue of issues) problems.push({ level: 'warning', code: 'calendar-event', ...where, message: t.calendarEvent(`${issue.entry} ${issue.field}: ${issue.message}`) });
        return memberEvents(calendar.member, events).map((event) => ({ entry: event as unknown as Record<string, unknown>, source: { sheet: memberTable.sheet, row: calendar.row, column: calendar.column, kind: 'member' as const } }));
      } catch (error) {
        problems.push({ level: 'warning', ...where, ...calendarProblem(error, t) });
        return [] as SourcedEvent[];
      }
    }),
    8,
  );
  for (const list of fetched) sourced.push(...list);

  const updated = options.updated ?? newestModification([...localInputs, ...memberCalendarFiles]) ?? `${today}T00:00:00Z`;
  members.feed.updated = updated;
  const checked = checkEvents(sourced, lang, updated, `${baseUrl}feeds/events.json`);
  problems.push(...checked.problems);
  const events: EventFeed = { ...checked.feed, updated };
  const badRows = new Set(problems.filter((p) => p.level === 'error' && p.row !== undefined).map((p) => `${p.sheet}:${p.row}`)).size;
  const result: PublishResult = { exitCode: 0, problems: sortProblems(problems), published: false, members: members.feed.members.length, events: events.events.length, badRows };
  if (options.strict && badRows > 0) return { ...result, exitCode: 1 };
  if (!options.out) return result;

  const widgets = loadBundles(options.widgets ?? DEFAULT_WIDGETS);
  const files = buildSite({
    members: members.feed,
    events,
    baseUrl,
    asOf: dayIn(Date.parse(updated), CLUSTER_ZONE),
    bundleFiles: widgets?.files ?? new Map(),
    bundles: widgets?.bundles ?? { stable: [], hashed: [] },
    assets,
    ...(existsSync(CHECK_SCRIPT) ? { checkScript: readFileSync(CHECK_SCRIPT) } : {}),
  });
  if (options.keys?.length) signSite(files, options.keys, new Date(Date.parse(updated) + (options.expiresInDays ?? 30) * 86_400_000).toISOString());
  const write = writeSite(options.out, files);
  return { ...result, published: true, write, files: files.size + 1 };
}

export type { CalendarEvent };

/** Problems in the order of the files, then of the rows. */
function sortProblems(problems: Problem[]): Problem[] {
  const order = new Map<string, number>();
  problems.forEach((p) => {
    if (!order.has(p.sheet)) order.set(p.sheet, order.size);
  });
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order.get(a.p.sheet)! - order.get(b.p.sheet)! || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
