/**
 * The member sheet → the member feed. Each row becomes a feed entry, and the feed is checked by the feed client's
 * own validator (`parseMemberFeed` of `@frenchsouth-digital/feed`, with the full Public Suffix List): what the widgets and the
 * extension would refuse is refused here, with the same rules (public suffixes, a domain claimed twice…). Each issue it reports is mapped back to the row
 * and the column of the sheet, and told in a sentence.
 */
import { isIsoDate, type FeedIssue, type Member, type MemberFeed } from '@frenchsouth-digital/feed';
import { parseListedMemberFeed } from '@frenchsouth-digital/feed/public-suffix-list';
import { CLUSTER, COLLEGES, ORIGINS } from './cluster.js';
import { MEMBER_COLUMNS, mapColumns, type MemberColumn } from './columns.js';
import { messages, type Messages } from './messages.js';
import type { Lang, Problem } from './problems.js';
import type { Table, TableRow } from './table.js';
import { cellText, cleanDate, cleanDomains, cleanUrl, key, slugify, splitList } from './values.js';

/** A member's own calendar, named in the sheet: fetched at publish time. */
export interface MemberCalendar {
  member: Pick<Member, 'id' | 'name'>;
  value: string;
  row: number;
  column: string;
}

export interface MembersOptions {
  lang: Lang;
  /** Where the site is published, ending with `/`: profile pages are `<baseUrl>membres/<id>/`. */
  baseUrl: string;
  updated?: string;
  /**
   * Turns a Logo cell that is not a web address into one (a file next to the sheet, copied into the site), or says
   * it cannot (`undefined`). Without it, the cell goes to the validator as it is.
   */
  resolveLogo?: (value: string, id: string) => string | undefined;
}

export interface MembersResult {
  /** `undefined` when the sheet cannot be used at all (a required column is missing). */
  feed?: MemberFeed;
  problems: Problem[];
  /** Member id → its row in the sheet. */
  rows: Map<string, number>;
  calendars: MemberCalendar[];
  /** Rows left out. */
  badRows: number[];
}

const FIELD_COLUMN: Record<string, MemberColumn> = {
  name: 'name',
  domains: 'domains',
  college: 'college',
  city: 'city',
  description: 'descriptionFr',
  website: 'website',
  logo: 'logo',
  memberSince: 'memberSince',
  validUntil: 'validUntil',
  origin: 'origin',
  tags: 'tags',
};

/** The college of a cell: its id (`smart-software`) or its name in French or English (`Smart Software`). */
export function collegeOf(text: string): string {
  const wanted = key(text);
  if (!wanted) return text;
  for (const college of COLLEGES) {
    const names = [college.id, college.name.fr, college.name.en ?? '', college.name.fr.replace(/\s*\(.*\)\s*$/, '')];
    if (names.some((name) => key(name) === wanted)) return college.id;
  }
  return text;
}

const collegeNames = (lang: Lang) => COLLEGES.map((c) => (lang === 'fr' ? c.name.fr.replace(/\s*\(.*\)\s*$/, '') : c.name.en ?? c.name.fr));

function originOf(text: string): string {
  const wanted = key(text);
  return ORIGINS.find((origin) => key(origin.id) === wanted || key(origin.name) === wanted)?.id ?? text;
}

type Entry = Record<string, unknown>;

/** The whole sheet in one pass, then the validator; each row's every problem is found (see {@link checkMembers}). */
export function readMembers(table: Table, options: MembersOptions): MembersResult {
  const t = messages(options.lang);
  const { index, missing, unknown } = mapColumns(table.headers, MEMBER_COLUMNS);
  const problems: Problem[] = [];
  const header = (column: MemberColumn) => (index[column] !== undefined ? table.headers[index[column]!] : undefined);
  for (const name of unknown) problems.push({ level: 'warning', code: 'unknown-column', sheet: table.sheet, row: table.headerRow, column: name, message: t.unknownColumn });
  if (missing.length) {
    for (const column of missing) {
      const names = options.lang === 'fr' ? `« ${column.fr[0]} » (ou « ${column.en[0]} »)` : `"${column.en[0]}" (or "${column.fr[0]}")`;
      problems.push({ level: 'error', code: 'missing-column', sheet: table.sheet, row: table.headerRow, column: options.lang === 'fr' ? column.fr[0] : column.en[0], message: t.missingColumn(names) });
    }
    return { problems, rows: new Map(), calendars: [], badRows: [] };
  }

  const text = (row: TableRow, column: MemberColumn) => (index[column] !== undefined ? cellText(row.cells[index[column]!]) : '');
  const entries: Entry[] = [];
  const early = new Map<number, Problem[]>();
  const problem = (row: TableRow, code: string, column: MemberColumn, message: string) => {
    const list = early.get(row.number) ?? [];
    list.push({ level: 'error', code, sheet: table.sheet, row: row.number, column: header(column)!, value: text(row, column), message });
    early.set(row.number, list);
  };
  // Each English tag translates the French one in the same place: `données, IA` and `data, AI`.
  const tagsOf = (row: TableRow): (string | { fr: string; en: string })[] => {
    const fr = splitList(text(row, 'tags'));
    const en = splitList(text(row, 'tagsEn'));
    if (en.length === 0) return fr;
    if (en.length !== fr.length) {
      problems.push({ level: 'warning', code: 'tags-en-count', sheet: table.sheet, row: row.number, column: header('tagsEn')!, value: text(row, 'tagsEn'), message: t.tagsEnCount(fr.length, en.length) });
      return fr;
    }
    return fr.map((tag, i) => ({ fr: tag, en: en[i]! }));
  };
  for (const row of table.rows) {
    const name = text(row, 'name');
    const entry: Entry = {
      id: text(row, 'id') || slugify(name) || `ligne-${row.number}`,
      name,
      domains: cleanDomains(text(row, 'domains')),
      college: collegeOf(text(row, 'college')),
      city: text(row, 'city'),
      description: { fr: text(row, 'descriptionFr'), en: text(row, 'descriptionEn') },
      website: cleanUrl(text(row, 'website')),
      tags: tagsOf(row),
    };
    const since = text(row, 'memberSince');
    if (since) entry.memberSince = cleanDate(since);
    const until = text(row, 'validUntil');
    if (until) entry.validUntil = cleanDate(until);
    if (isIsoDate(entry.memberSince) && isIsoDate(entry.validUntil) && entry.validUntil < entry.memberSince) {
      problem(row, 'end-before-start', 'validUntil', t.endBeforeStart);
    }
    const origin = text(row, 'origin');
    if (origin) entry.origin = originOf(origin);
    const logo = text(row, 'logo');
    if (logo) {
      if (/^https?:\/\//i.test(logo) || !options.resolveLogo) entry.logo = logo;
      else {
        const resolved = options.resolveLogo(logo, String(entry.id));
        if (resolved) entry.logo = resolved;
        else problem(row, 'bad-logo', 'logo', t.badLogo(logo));
      }
    }
    entries.push(entry);
  }

  const checked = checkMembers(table, entries, options, text, header, t);
  const badRows = new Set<number>();
  for (const [number, list] of early) {
    problems.push(...list);
    badRows.add(number);
  }
  for (const found of checked.problems) {
    problems.push(found);
    badRows.add(found.row!);
  }
  const members = checked.members.filter((member) => !badRows.has(checked.rows.get(member.id)!));
  const rows = new Map([...checked.rows].filter(([, number]) => !badRows.has(number)));
  const byId = new Map(members.map((m) => [m.id, m]));
  const calendars: MemberCalendar[] = [];
  if (index.calendar !== undefined) {
    table.rows.forEach((row, i) => {
      const member = byId.get(String(entries[i]!.id));
      const value = text(row, 'calendar');
      if (member && value && rows.get(member.id) === row.number) calendars.push({ member: { id: member.id, name: member.name }, value, row: row.number, column: header('calendar')! });
    });
  }
  const feed: MemberFeed = { ...checked.feed, members: members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
  // By row, then in the order of the sheet's columns.
  const position = (problem: Problem) => (problem.column === undefined ? -1 : table.headers.indexOf(problem.column));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || position(a) - position(b));
  return { feed, problems, rows, calendars, badRows: [...badRows].sort((a, b) => a - b) };
}

/** A value that passes the validator for a field, put in place of a faulty one to look for the row's next problem. */
function patch(entry: Entry, issue: FeedIssue, row: number): void {
  switch (issue.field) {
    case 'id':
      entry.id = `fsd-row-${row}`;
      break;
    case 'domains': {
      const named = /^"([^"]*)"/.exec(issue.message)?.[1];
      const domains = (entry.domains as string[]).filter((d) => d !== named);
      entry.domains = named !== undefined && domains.length ? domains : [`row-${row}.invalid`];
      break;
    }
    case 'college':
      entry.college = COLLEGES[0]!.id;
      break;
    case 'website':
      entry.website = 'https://example.org/';
      break;
    case 'memberSince':
      entry.memberSince = '2015-05-05';
      break;
    case 'description':
      entry.description = 'x';
      break;
    case 'tags':
      entry.tags = [];
      break;
    case 'logo':
    case 'validUntil':
    case 'origin':
      delete entry[issue.field];
      break;
    default:
      entry[issue.field] = 'x';
  }
}

/**
 * Runs the entries through `parseListedMemberFeed` (the readers' validator, with the whole Public Suffix List:
 * `uk.com`, `notion.site` are refused here even where the widgets' short list has no rule for them). The validator
 * stops at an entry's first problem; to report every problem of a row, its faulty value is replaced by a valid one
 * and the bad entries checked again (after the good ones, so that a domain claimed twice is reported on the later
 * row), until no new problem comes up.
 */
function checkMembers(
  table: Table,
  entries: Entry[],
  options: MembersOptions,
  text: (row: TableRow, column: MemberColumn) => string,
  header: (column: MemberColumn) => string | undefined,
  t: Messages,
) {
  const cluster = { name: CLUSTER.name, site: CLUSTER.site, profileUrl: `${options.baseUrl}membres/{id}/` };
  const feedUrl = `${options.baseUrl}feeds/members.json`;
  const feedOf = (members: Entry[]) => {
    const json: Entry = { version: 1, cluster, colleges: COLLEGES, members };
    if (options.updated) json.updated = options.updated;
    return json;
  };
  const first = parseListedMemberFeed(feedOf(entries), feedUrl);
  const rows = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (!rows.has(String(entry.id))) rows.set(String(entry.id), table.rows[i]!.number);
  });
  const names = new Map(entries.map((entry) => [String(entry.id), String(entry.name)]));
  const problems: Problem[] = [];
  const good = new Set(first.data.members.map((m) => m.id));
  const goodEntries = entries.filter((entry, i) => good.has(String(entry.id)) && rows.get(String(entry.id)) === table.rows[i]!.number);

  let pending: { entry: Entry; row: TableRow; issues: FeedIssue[] }[] = [];
  const byIndex = new Map<number, FeedIssue[]>();
  for (const issue of first.issues) {
    const at = /^members\[(\d+)\]/.exec(issue.entry);
    if (!at) continue;
    byIndex.set(Number(at[1]), [...(byIndex.get(Number(at[1])) ?? []), issue]);
  }
  for (const [i, issues] of byIndex) pending.push({ entry: { ...entries[i]! }, row: table.rows[i]!, issues });

  for (let round = 0; pending.length && round < 12; round++) {
    for (const item of pending) {
      for (const issue of item.issues) {
        problems.push(explain(issue, item.row, item.entry, table, text, header, rows, names, t, options.lang));
        patch(item.entry, issue, item.row.number);
      }
    }
    const again = parseListedMemberFeed(feedOf([...goodEntries, ...pending.map((p) => p.entry)]), feedUrl);
    const next = new Map<number, FeedIssue[]>();
    for (const issue of again.issues) {
      const at = /^members\[(\d+)\]/.exec(issue.entry);
      const i = at ? Number(at[1]) - goodEntries.length : -1;
      if (i >= 0) next.set(i, [...(next.get(i) ?? []), issue]);
    }
    pending = [...next].map(([i, issues]) => ({ ...pending[i]!, issues }));
  }
  return { feed: first.data, members: first.data.members, rows, problems };
}

function explain(
  issue: FeedIssue,
  row: TableRow,
  entry: Entry,
  table: Table,
  text: (row: TableRow, column: MemberColumn) => string,
  header: (column: MemberColumn) => string | undefined,
  rows: Map<string, number>,
  names: Map<string, string>,
  t: Messages,
  lang: Lang,
): Problem {
  const { field, message } = issue;
  let column: MemberColumn = FIELD_COLUMN[field] ?? 'name';
  if (field === 'id') column = header('id') ? 'id' : 'name';
  if (field === 'description' && !header('descriptionFr')) column = 'descriptionEn';
  const value = text(row, column);
  const base = { level: 'error' as const, sheet: table.sheet, row: row.number, column: header(column)!, value };
  const required = (code = 'required') => ({ ...base, code, message: t.required(base.column) });
  switch (field) {
    case 'id':
      if (/duplicate member id/.test(message)) return { ...base, value: String(entry.id), code: 'duplicate-id', message: t.duplicateId(String(entry.id), rows.get(String(entry.id))) };
      return { ...base, value: String(entry.id), code: 'bad-id', message: t.badId };
    case 'domains': {
      const owner = /^"([^"]*)" already belongs to member "([^"]*)"/.exec(message);
      if (owner) return { ...base, code: 'domain-taken', message: t.domainTaken(owner[1]!, names.get(owner[2]!) ?? owner[2]!, rows.get(owner[2]!)) };
      const suffix = /^"([^"]*)" is a public suffix/.exec(message);
      // A single word (`acme`) is a top-level domain to the validator; to people it is no domain name at all.
      if (suffix && !suffix[1]!.includes('.')) return { ...base, code: 'bad-domain', message: t.notDomain(suffix[1]!) };
      if (suffix) return { ...base, code: 'public-suffix', message: t.publicSuffix(suffix[1]!) };
      const bad = /^"([^"]*)" is not a domain name/.exec(message);
      if (bad) return { ...base, code: 'bad-domain', message: t.notDomain(bad[1]!) };
      return value ? { ...base, code: 'no-domain', message: t.noDomain } : required();
    }
    case 'college':
      return value ? { ...base, code: 'unknown-college', message: t.unknownCollege(value, collegeNames(lang)) } : required();
    case 'website':
      return value ? { ...base, code: 'bad-url', message: t.badWebsite(value) } : required();
    case 'logo':
      return { ...base, code: 'bad-logo', message: t.badLogo(value) };
    case 'memberSince':
    case 'validUntil':
      return value ? { ...base, code: 'bad-date', message: t.badDate(value) } : required();
    case 'origin':
      return { ...base, code: 'bad-origin', message: t.badOrigin(value) };
    case 'tags':
      return { ...base, code: 'bad-tags', message: t.badTags };
    case 'name':
    case 'city':
    case 'description':
      return required();
    default:
      return { ...base, code: 'invalid', message: t.other(message) };
  }
}
