import type { FeedIssue } from './types.js';

/** What a feed parser keeps of a feed: the valid data, and what it had to leave out. */
export interface Parsed<T> {
  data: T;
  issues: FeedIssue[];
}

/**
 * Turns a feed's JSON into checked data. `kind` names the feed in cache keys and messages;
 * bump `revision` when the parsed shape changes, so that cached copies of the old shape are not served.
 */
export interface FeedParser<T> {
  kind: string;
  revision: number;
  parse(json: unknown, url: string): Parsed<T> | Promise<Parsed<T>>;
  /** Called when a request starts, so that code the parser loads lazily arrives with the feed. */
  prepare?(): unknown;
  /** When the feed says it was published, to refuse a copy older than the one already held. */
  published?(data: T): string | undefined;
}
