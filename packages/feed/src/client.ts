import { readCachedFeed, writeCachedFeed, type CachedFeed } from './cache.js';
import { FeedError, FeedErrorKind } from './errors.js';
import { LOG_PREFIX } from './log.js';
import { publishedAt } from './published.js';
import type { FeedParser } from './parser.js';
import type { FeedSource, Revalidation } from './revalidate.js';
import type { FeedIssue } from './types.js';
import { send } from './send.js';
import type { FeedSignature } from './signature.js';
import { pinnedKey, signatureRequired } from './cluster-keys.js';

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
      /** The cluster's signature on this copy, if any: check it with `isClusterSigned` (its key may have been removed since). */
      signature?: FeedSignature;
    }
  | { status: 'error'; error: FeedError };

export type FeedListener<T> = (state: FeedState<T>) => void;

/**
 * One feed URL read with one parser, shared by every widget on the page that asks for it. Rendering from the
 * offline copy needs only this file (and cache.ts, log.ts); the code that fetches and checks a feed
 * (revalidate.ts, loaded with `import()`) loads beside the IndexedDB read.
 */
class FeedEntry<T> implements FeedSource<T> {
  state: FeedState<T> = { status: 'loading' };
  cached: CachedFeed<T> | undefined;
  /** Why the last request did not bring a usable feed (failed, refused, or older than the copy held); cleared by a good one. */
  lastError: FeedError | undefined;
  readonly url: string;
  readonly parser: FeedParser<T>;
  readonly key: string;
  readonly #listeners = new Set<FeedListener<T>>();
  #started: Promise<void> | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(url: string, parser: FeedParser<T>) {
    this.url = url;
    this.parser = parser;
    this.key = `${parser.kind}:${url}`;
  }

  subscribe(listener: FeedListener<T>): () => void {
    this.#listeners.add(listener);
    void this.start();
    return () => this.#listeners.delete(listener);
  }

  /** Serves the offline copy at once, then revalidates it with the network. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      // All at once: the IndexedDB read (tens of ms to open on a first visit), the feed itself, the code that reads
      // and checks it, and the parser's code (see FeedParser.prepare): a first visit waits for one round trip, not
      // for the code, then the feed. The answer is compared with the copy held once that read is done (revalidate).
      const held = readCachedFeed<T>(this.key).then((cached) => {
        if (cached && cached.revision === this.parser.revision) show(this, cached, 'cache');
      });
      const sent = send(this.url, this.parser.accept);
      sent.catch(() => {});
      void this.parser.prepare?.();
      // A feed that must be signed (the cluster's) is checked by signature.ts: loaded beside revalidate.ts, which
      // imports it too, rather than after it (a verified badge in two chained requests: its entry, then these).
      if (signatureRequired(this.url)) import('./signature.js').catch(() => {});
      await this.refresh(sent, held);
    })();
    return this.#started;
  }

  /** Has {@link start} run (the offline copy read, the first request made or under way)? */
  get started(): boolean {
    return this.#started !== undefined;
  }

  /**
   * Asks the network for a newer feed; one request at a time. From {@link start}: the request `sent` already, and
   * the read of the copy held (`held`), which comes before anything this refresh puts in place.
   */
  refresh(sent?: Promise<Response>, held?: Promise<void>): Promise<void> {
    this.#refreshing ??= import('./revalidate.js')
      .then(
        ({ revalidate }) => revalidate(this, sent, held),
        (error: unknown): Revalidation<T> => ({ kind: 'failed', error: new FeedError(FeedErrorKind.Network, this.url, `the feed client could not load (${String(error)})`) }),
      )
      .then(async (outcome) => {
        await held;
        await this.#apply(outcome);
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  /**
   * Puts what a revalidation found in place. The IndexedDB write is made here, not in revalidate.ts, so that it
   * keeps its place among the other steps: a feed unchanged is written before `stale` is cleared; a new feed is
   * shown to the listeners first, then written. {@link refresh} resolves once the write is done.
   */
  async #apply(outcome: Revalidation<T>): Promise<void> {
    switch (outcome.kind) {
      case 'unchanged':
        this.cached = outcome.cached;
        await writeCachedFeed(this.key, outcome.cached);
        this.lastError = undefined;
        if (this.state.status === 'ready' && this.state.stale) this.set({ ...this.state, stale: false });
        break;
      case 'updated':
        this.lastError = undefined;
        show(this, outcome.cached, 'network');
        await writeCachedFeed(this.key, outcome.cached);
        break;
      case 'older':
        this.lastError = outcome.error;
        break;
      default:
        this.fail(outcome.error);
    }
  }

  /** A refresh failed: keep the last good copy if there is one, else show the error. */
  fail(error: FeedError): void {
    this.lastError = error;
    if (this.state.status === 'ready') {
      console.warn(`${LOG_PREFIX} ${error.message}; showing the copy fetched ${new Date(this.state.fetchedAt).toISOString()}`);
      if (!this.state.stale) this.set({ ...this.state, stale: true });
    } else {
      console.error(`${LOG_PREFIX} ${error.message}`);
      this.set({ status: 'error', error });
    }
  }

  set(state: FeedState<T>): void {
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

/**
 * Holds a copy and shows it (its `fetchedAt`: 0 for a seeded snapshot). A function, not a method: an entry may come
 * from another copy of this client on the page (see {@link REGISTRY}), so only the members they all have are used.
 */
function show<T>(entry: FeedEntry<T>, copy: CachedFeed<T>, source: 'cache' | 'network'): void {
  entry.cached = copy;
  entry.set({ status: 'ready', data: copy.data, issues: copy.issues, source, fetchedAt: copy.fetchedAt, stale: false, ...(copy.signature && { signature: copy.signature }) });
}

/**
 * The feeds this page holds, shared by every copy of this client on the page: a page that loads the badge's
 * standalone bundle beside another widget's bundle (each with a copy of this file) still makes one request per feed.
 * The name of the slot says the shape of what is shared; change it when FeedEntry or FeedState change shape.
 */
const REGISTRY = Symbol.for('fsd.feed-client.entries.v1');
const entries = ((globalThis as unknown as Record<symbol, Map<string, FeedEntry<unknown>> | undefined>)[REGISTRY] ??= new Map());

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

/**
 * Asks the network again now (a "refresh" button, a scheduled update); resolves with the resulting state.
 * One request: a feed not yet started is started (offline copy, then one request), else revalidated.
 */
export async function refreshFeed<T>(url: string, parser: FeedParser<T>): Promise<FeedState<T>> {
  const entry = entryFor(url, parser);
  if (entry.started) await entry.refresh();
  else await entry.start();
  return entry.state;
}

/** Why the last request for this feed, in this context, did not bring a usable feed; `undefined` after a good one. */
export function lastFeedError<T>(url: string, parser: FeedParser<T>): FeedError | undefined {
  return entryFor(url, parser).lastError;
}

/** The copy of a feed held in IndexedDB, without any request: for contexts that only read (a popup, a page). */
export async function readStoredFeed<T>(url: string, parser: FeedParser<T>): Promise<CachedFeed<T> | undefined> {
  const entry = entryFor(url, parser);
  const cached = await readCachedFeed<T>(entry.key);
  return cached && cached.revision === parser.revision ? cached : undefined;
}

/**
 * Puts a feed shipped with the code (the extension's bundled snapshot) in place of the copy held, when there is
 * none or when the one held is older, so that readers work from their first second and offline. The snapshot goes
 * through the parser like any feed. Resolves `true` when it was put in place.
 */
export async function seedFeed<T>(url: string, parser: FeedParser<T>, json: unknown): Promise<boolean> {
  const entry = entryFor(url, parser);
  const { data, issues } = await parser.parse(json, entry.url);
  const held = await readCachedFeed<T>(entry.key);
  if (held && held.revision === parser.revision) {
    const heldAt = parser.published?.(held.data);
    const seedAt = parser.published?.(data);
    if (!heldAt || !seedAt || Date.parse(seedAt) <= publishedAt(heldAt, held.fetchedAt)) return false;
  }
  // No fingerprint: the first answer from the server is parsed and, unless it is older, replaces the snapshot.
  const copy: CachedFeed<T> = { revision: parser.revision, data, issues, fingerprint: '', fetchedAt: 0, bundled: true };
  await writeCachedFeed(entry.key, copy);
  if (entry.started) {
    show(entry, copy, 'cache');
  }
  return true;
}

export type { CachedFeed };

/**
 * Does this copy carry the cluster's signature now: signed by a key still pinned (a key removed by a rotation no
 * longer counts) and not past its `expires`? What the badge's `verified` and the cluster's mark rest on.
 */
export function isClusterSigned(signature: FeedSignature | undefined, now = Date.now()): signature is FeedSignature {
  return !!signature && !signature.own && pinnedKey(signature.kid) !== undefined && !(signature.expires && Date.parse(signature.expires) < now);
}
