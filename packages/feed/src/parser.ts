import type { FeedIssue } from './types.js';

/** What a feed parser keeps of a feed: the valid data, and what it had to leave out. */
export interface Parsed<T> {
  data: T;
  issues: FeedIssue[];
}

/**
 * Turns a feed into checked data. `kind` names the feed in cache keys and messages;
 * bump `revision` when the parsed shape changes, so that cached copies of the old shape are not served.
 * The same client, cache and revalidation serve JSON feeds and text ones (an iCalendar file).
 */
export interface FeedParser<T> {
  kind: string;
  revision: number;
  /** `json` (default): `parse` gets the parsed JSON, and a body that is not JSON is an error. `text`: it gets the body. */
  format?: 'json' | 'text';
  /**
   * A `text` reader that also takes JSON feeds (the calendar's sources): the body parsed as JSON when it is a JSON
   * feed, else `undefined`. Its signature is then checked as a JSON feed's is (see signature.ts).
   */
  json?(text: string): unknown;
  /** The request's `Accept` header; `application/json` by default. */
  accept?: string;
  /** `contentType` is the response's `Content-Type` header, when there is one. */
  parse(input: unknown, url: string, contentType?: string): Parsed<T> | Promise<Parsed<T>>;
  /** Called when a request starts, so that code the parser loads lazily arrives with the feed. */
  prepare?(): unknown;
  /** When the feed says it was published, to refuse a copy older than the one already held. */
  published?(data: T): string | undefined;
}
