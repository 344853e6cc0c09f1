/** Cells as people type them, turned into the feed's values: domains, dates, URLs, yes/no, slugs. */
import { fold } from '@frenchsouth-digital/feed';
import type { Cell } from './table.js';

/** A cell as text: dates of an `.xlsx` as `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM` with a time of day), trimmed. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    // Excel keeps days as fractions: 18:30 comes back as 18:29:59.999. Round to the minute.
    const rounded = new Date(Math.round(cell.getTime() / 60_000) * 60_000);
    const iso = rounded.toISOString();
    return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : iso.slice(0, 16);
  }
  if (typeof cell === 'boolean') return cell ? 'oui' : 'non';
  return String(cell).trim();
}

/** A column name or a choice folded for comparison: case, accents, spaces and punctuation ignored. */
export function key(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, '');
}

/** `Studio Garrigue (exemple)` → `studio-garrigue-exemple`: a member or event id from a name. */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/**
 * Domains as people type them, several per cell (spaces, commas, semicolons): `https://www.Kaliop.com/` → `kaliop.com`.
 * The scheme, `www.`, a path, a port and a trailing dot go; what is left is checked by the feed's validator.
 */
export function cleanDomains(text: string): string[] {
  const domains: string[] = [];
  for (const piece of text.split(/[\s,;]+/)) {
    let host = piece.trim().toLowerCase();
    if (!host) continue;
    host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
    host = host.replace(/^[^@/?#]*@/, ''); // user@ in a pasted URL
    host = host.split(/[/?#]/)[0]!.replace(/:\d*$/, '').replace(/\.+$/, '');
    host = host.replace(/^www\d?\./, '');
    if (host && !domains.includes(host)) domains.push(host);
  }
  return domains;
}

/** A web address as people type it: `www.kaliop.com` gets `https://`; anything else is left for the validator. */
export function cleanUrl(text: string): string {
  const value = text.trim();
  if (!value) return '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s/]+\.[^\s/]+(\/\S*)?$/.test(value)) return `https://${value}`;
  return value;
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const pad = (n: string) => n.padStart(2, '0');

/**
 * A day as people write it: `2015-05-05`, French `05/05/2015` (also `5/5/2015`, `05.05.2015`, `05-05-2015`), or a
 * date cell of an `.xlsx`. Returns `YYYY-MM-DD` (not yet checked as a real day), or the text as it was.
 */
export function cleanDate(text: string): string {
  const value = text.trim();
  const day = DAY_FIRST.exec(value);
  if (day) return `${day[3]}-${pad(day[2]!)}-${pad(day[1]!)}`;
  const iso = ISO_DAY.exec(value);
  if (iso) return `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`;
  // An .xlsx date cell with a time of day that is midnight, or a pasted ISO date-time: the day alone.
  const stamp = /^(\d{4}-\d{2}-\d{2})T00:00(:00(\.0+)?)?Z?$/.exec(value);
  if (stamp) return stamp[1]!;
  return value;
}

const DATE_TIME_FR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:hH](\d{2})(?::(\d{2}))?)?$/;
const DATE_TIME_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})[:hH](\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A date or a date and time as people write them; `time` is absent for a day alone. */
export interface WrittenTime {
  day: string;
  time?: string;
  /** `Z` or `+02:00` when the cell gives one. */
  offset?: string;
}

/** `14/01/2027 18:30`, `2027-01-14 18h30`, `2027-01-14T18:30:00+01:00`, `14/01/2027` → its parts; `undefined` if none. */
export function readDateTime(text: string): WrittenTime | undefined {
  const value = text.trim();
  let m = DATE_TIME_FR.exec(value);
  if (m) {
    const written: WrittenTime = { day: `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}` };
    if (m[4]) written.time = `${pad(m[4])}:${m[5]}:${m[6] ?? '00'}`;
    return written;
  }
  m = DATE_TIME_ISO.exec(value);
  if (m) {
    const written: WrittenTime = { day: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` };
    if (m[4]) written.time = `${pad(m[4])}:${m[5]}:${m[6] ?? '00'}`;
    if (m[8]) written.offset = m[8].toUpperCase() === 'Z' ? 'Z' : m[8].length === 3 ? `${m[8]}:00` : m[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return written;
  }
  return undefined;
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0', '']);

/** Yes or no as people write it (`oui`, `x`, `TRUE`, `1`…); `undefined` when it is neither. */
export function readYesNo(text: string): boolean | undefined {
  const value = key(text) || text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return undefined;
}

/** A list of words in one cell, separated by commas or semicolons. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((word) => word.trim()).filter(Boolean))];
}
