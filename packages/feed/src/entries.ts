/**
 * Entry-by-entry checking shared by every feed validator: a check throws an {@link EntryProblem} naming the field,
 * the validator leaves the entry out and reports it as a {@link FeedIssue}, and the rest of the feed is kept.
 */
import { isIsoDate, isRecord, nonEmptyString } from './text.js';
import type { FeedIssue, LocalizedText } from './types.js';

/** Thrown inside an entry's check; the entry is skipped and the problem reported. */
export class EntryProblem {
  readonly field: string;
  readonly message: string;
  constructor(field: string, message: string) {
    this.field = field;
    this.message = message;
  }
}

export function fail(field: string, message: string): never {
  throw new EntryProblem(field, message);
}

/**
 * The most characters of a feed's text shown: a name or title, a place, a description. A longer text is cut there
 * and ends with "…" (a 1 MB title held the page for 2 s while it was laid out). README, Security: limits.
 */
export const TITLE_LIMIT = 300;
export const DESCRIPTION_LIMIT = 20_000;

/** `text` cut to `max` characters, ending with "…" when it was cut (never inside a pair of UTF-16 surrogates). */
export const clip = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, /[\uD800-\uDBFF]/.test(text[max - 2]!) ? max - 2 : max - 1)}…` : text;

/** A text in French and/or English, each cut at `max` characters ({@link TITLE_LIMIT}, {@link DESCRIPTION_LIMIT}). */
export function localizedText(value: unknown, field: string, required = true, max: number = TITLE_LIMIT): LocalizedText | undefined {
  if (typeof value === 'string' && value.trim()) return { fr: clip(value.trim(), max) };
  if (isRecord(value)) {
    const fr = nonEmptyString(value.fr) ? clip(value.fr.trim(), max) : undefined;
    const en = nonEmptyString(value.en) ? clip(value.en.trim(), max) : undefined;
    if (fr || en) return en ? { fr: fr ?? en, en } : { fr: fr! };
  }
  if (required || (value !== undefined && value !== null && value !== '')) {
    fail(field, 'must be a text, or an object with "fr" and/or "en" texts');
  }
  return undefined;
}

export function stringField(entry: Record<string, unknown>, field: string): string {
  const value = entry[field];
  if (!nonEmptyString(value)) fail(field, 'is required and must be a non-empty text');
  return value.trim();
}

/**
 * An optional text field, cut at `max` characters: absent, `null` and `""` give `undefined`; anything but a text is a
 * problem.
 */
export function optionalString(entry: Record<string, unknown>, field: string, max: number = TITLE_LIMIT): string | undefined {
  const value = entry[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') fail(field, 'must be a text');
  return clip(value.trim(), max) || undefined;
}

export function dateField(entry: Record<string, unknown>, field: string, required: boolean): string | undefined {
  const value = entry[field];
  if (value === undefined || value === null) {
    if (required) fail(field, 'is required (an ISO date, YYYY-MM-DD)');
    return undefined;
  }
  if (!isIsoDate(value)) fail(field, `must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(value)}`);
  return value;
}

/** How an entry is named in messages: `members[12] ("acme")`, or `members[12]` when it has no usable id. */
export function entryName(list: string, index: number, entry: unknown): string {
  return isRecord(entry) && typeof entry.id === 'string' ? `${list}[${index}] ("${entry.id}")` : `${list}[${index}]`;
}

/**
 * Checks each entry of a list with `check`; a bad entry is left out and its problem added to `issues`.
 * Any other exception is a bug and goes through.
 */
export function checkEntries<T>(list: readonly unknown[], name: string, issues: FeedIssue[], check: (entry: unknown, index: number) => T): T[] {
  const kept: T[] = [];
  list.forEach((entry, index) => {
    try {
      kept.push(check(entry, index));
    } catch (problem) {
      if (!(problem instanceof EntryProblem)) throw problem;
      issues.push({ entry: entryName(name, index, entry), field: problem.field, message: problem.message });
    }
  });
  return kept;
}
