import { fingerprint, readCachedFeed, writeCachedFeed, type CachedFeed } from './cache.js';
import { FeedError, FeedErrorKind } from './errors.js';
import type { FeedParser } from './parser.js';
import type { FeedIssue } from './types.js';

export type FeedState<T> =
  | { status: 'loading' }
  | {
      status: 'ready';
      data: T;
      issues: FeedIssue[];
      /** Where the data shown comes from: the offline copy, or the network in this page's life. */
      source: 'cache' | 'network';
      fetchedAt: number;
      /** The last refresh failed: the data is the last good copy. */
      stale: boolean;
    }
  | { status: 'error'; error: FeedError };

export type FeedListener<T> = (state: FeedState<T>) => void;

export interface FeedClientOptions {
  /** How long a request may take before it counts as failed, in ms. */
  timeoutMs: number;
  /** How many entry problems are printed one by one before a summary line. */
  maxReportedIssues: number;
}

const options: FeedClientOptions = { timeoutMs: 10_000, maxReportedIssues: 20 };

/** Adjusts the client for this page (for example a shorter timeout). */
export function configureFeedClient(changes: Partial<FeedClientOptions>): void {
  Object.assign(options, changes);
}

const LOG_PREFIX = '[FrenchSouth.digital]';

function reportIssues(url: string, issues: readonly FeedIssue[]): void {
  const shown = issues.slice(0, options.maxReportedIssues);
  for (const issue of shown) {
    const field = issue.field ? `field "${issue.field}" ` : '';
    console.warn(`${LOG_PREFIX} ${url}: ${issue.entry} left out: ${field}${issue.message}`);
  }
  if (issues.length > shown.length) {
    console.warn(`${LOG_PREFIX} ${url}: ${issues.length - shown.length} more entries left out`);
  }
}

/** One feed URL read with one parser: shared by every widget on the page that asks for it. */
class FeedEntry<T> {
  state: FeedState<T> = { status: 'loading' };
  readonly #url: string;
  readonly #parser: FeedParser<T>;
  readonly #key: string;
  readonly #listeners = new Set<FeedListener<T>>();
  #cached: CachedFeed<T> | undefined;
  #started: Promise<void> | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(url: string, parser: FeedParser<T>) {
    this.#url = url;
    this.#parser = parser;
    this.#key = `${parser.kind}:${url}`;
  }

  subscribe(listener: FeedListener<T>): () => void {
    this.#listeners.add(listener);
    this.start();
    return () => this.#listeners.delete(listener);
  }

  /** Serves the offline copy at once, then revalidates it with the network. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      const cached = await readCachedFeed<T>(this.#key);
      if (cached && cached.revision === this.#parser.revision) {
        this.#cached = cached;
        this.#set({ status: 'ready', data: cached.data, issues: cached.issues, source: 'cache', fetchedAt: cached.fetchedAt, stale: false });
      }
      await this.refresh();
    })();
    return this.#started;
  }

  /** Asks the network for a newer feed; one request at a time. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#revalidate().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #revalidate(): Promise<void> {
    try {
      const response = await this.#fetch();
      const text = await response.text();
      const print = fingerprint(text);
      if (this.#cached && this.#cached.fingerprint === print) {
        this.#cached = { ...this.#cached, fetchedAt: Date.now() };
        await writeCachedFeed(this.#key, this.#cached);
        if (this.state.status === 'ready' && this.state.stale) this.#set({ ...this.state, stale: false });
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new FeedError(FeedErrorKind.NotJson, this.#url, `the feed is not valid JSON (${(error as Error).message})`);
      }
      const { data, issues } = this.#parser.parse(json, this.#url);
      const published = this.#parser.published?.(data);
      const held = this.#cached && this.#parser.published?.(this.#cached.data);
      if (published && held && Date.parse(published) < Date.parse(held)) {
        console.warn(`${LOG_PREFIX} ${this.#url}: the server sent a feed published ${published}, older than the copy held (${held}); keeping the copy`);
        return;
      }
      reportIssues(this.#url, issues);
      const entry: CachedFeed<T> = { revision: this.#parser.revision, data, issues, fingerprint: print, fetchedAt: Date.now() };
      const etag = response.headers.get('ETag');
      const lastModified = response.headers.get('Last-Modified');
      if (etag) entry.etag = etag;
      if (lastModified) entry.lastModified = lastModified;
      this.#cached = entry;
      this.#set({ status: 'ready', data, issues, source: 'network', fetchedAt: entry.fetchedAt, stale: false });
      await writeCachedFeed(this.#key, entry);
    } catch (caught) {
      const error = caught instanceof FeedError ? caught : new FeedError(FeedErrorKind.Invalid, this.#url, String(caught));
      if (this.state.status === 'ready') {
        console.warn(`${LOG_PREFIX} ${error.message}; showing the copy fetched ${new Date(this.state.fetchedAt).toISOString()}`);
        if (!this.state.stale) this.#set({ ...this.state, stale: true });
      } else {
        console.error(`${LOG_PREFIX} ${error.message}`);
        this.#set({ status: 'error', error });
      }
    }
  }

  /**
   * `cache: 'no-cache'` makes the browser revalidate with the ETag / Last-Modified it holds (a 304 comes back
   * as the stored body) without adding request headers, so cross-origin feeds need no CORS preflight.
   */
  async #fetch(): Promise<Response> {
    const signal = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      response = await fetch(this.#url, { cache: 'no-cache', credentials: 'omit', headers: { Accept: 'application/json' }, signal });
    } catch (error) {
      if (signal.aborted) {
        throw new FeedError(FeedErrorKind.Timeout, this.#url, `no answer within ${options.timeoutMs / 1000} s`);
      }
      throw new FeedError(FeedErrorKind.Network, this.#url, `the feed could not be reached (${(error as Error).message})`);
    }
    if (!response.ok) {
      throw new FeedError(FeedErrorKind.Http, this.#url, `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    return response;
  }

  #set(state: FeedState<T>): void {
    this.state = state;
    for (const listener of [...this.#listeners]) {
      try {
        listener(state);
      } catch (error) {
        console.error(`${LOG_PREFIX} a feed listener failed`, error);
      }
    }
  }
}

const entries = new Map<string, FeedEntry<unknown>>();

function entryFor<T>(url: string, parser: FeedParser<T>): FeedEntry<T> {
  const absolute = new URL(url, globalThis.location?.href).href;
  const key = `${parser.kind}:${absolute}`;
  let entry = entries.get(key) as FeedEntry<T> | undefined;
  if (!entry) {
    entry = new FeedEntry(absolute, parser);
    entries.set(key, entry as FeedEntry<unknown>);
  }
  return entry;
}

/**
 * Follows a feed: the listener gets its current state at once, then every change (cached copy, fresh copy, error).
 * However many callers watch the same URL, the page makes one request. Returns the function that stops watching.
 */
export function watchFeed<T>(url: string, parser: FeedParser<T>, listener: FeedListener<T>): () => void {
  let entry: FeedEntry<T>;
  try {
    entry = entryFor(url, parser);
  } catch {
    const error = new FeedError(FeedErrorKind.Invalid, String(url), 'is not a valid URL');
    console.error(`${LOG_PREFIX} ${error.message}`);
    listener({ status: 'error', error });
    return () => {};
  }
  listener(entry.state);
  return entry.subscribe(listener);
}

/** The feed once it has settled: the fresh copy, else the last good one, else the error. */
export async function loadFeed<T>(url: string, parser: FeedParser<T>): Promise<FeedState<T>> {
  const entry = entryFor(url, parser);
  await entry.start();
  return entry.state;
}

/** Asks the network again now (a "refresh" button, a scheduled update); resolves with the resulting state. */
export async function refreshFeed<T>(url: string, parser: FeedParser<T>): Promise<FeedState<T>> {
  const entry = entryFor(url, parser);
  await entry.start();
  await entry.refresh();
  return entry.state;
}
