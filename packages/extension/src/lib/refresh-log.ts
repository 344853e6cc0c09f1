import browser from './browser.js';

/**
 * The outcome of the last refresh of each feed, kept in `storage.local` under `refreshLog` beside the settings:
 * written by the background after each refresh, read by the options page. Each reader goes through
 * {@link getRefreshLog}, which keeps only well-formed entries.
 */

/** The outcome of the last refresh of one feed. */
export interface RefreshResult {
  at: number;
  ok: boolean;
  /** `updated`, `unchanged`, or the feed client's error kind (`network`, `http`, `not-json`, `older`, …). */
  outcome: string;
  message?: string;
  members?: number;
}

/** Feed URL → the outcome of its last refresh. */
export type RefreshLog = Record<string, RefreshResult>;

const KEY = 'refreshLog';

/** One entry as stored, if it has the shape of a {@link RefreshResult}; other fields are dropped. */
function refreshResult(value: unknown): RefreshResult | undefined {
  if (typeof value !== 'object' || value === null || !('at' in value) || !('ok' in value) || !('outcome' in value)) return undefined;
  const { at, ok, outcome } = value;
  if (typeof at !== 'number' || typeof ok !== 'boolean' || typeof outcome !== 'string') return undefined;
  const result: RefreshResult = { at, ok, outcome };
  if ('message' in value && typeof value.message === 'string') result.message = value.message;
  if ('members' in value && typeof value.members === 'number') result.members = value.members;
  return result;
}

/** The log as stored; an entry of another shape (or a log that is not an object) is left out. */
export async function getRefreshLog(): Promise<RefreshLog> {
  const { [KEY]: stored } = await browser.storage.local.get(KEY);
  const log: RefreshLog = {};
  if (typeof stored !== 'object' || stored === null) return log;
  for (const [url, value] of Object.entries(stored)) {
    const result = refreshResult(value);
    if (result) log[url] = result;
  }
  return log;
}

export async function setRefreshLog(log: RefreshLog): Promise<void> {
  await browser.storage.local.set({ [KEY]: log });
}
