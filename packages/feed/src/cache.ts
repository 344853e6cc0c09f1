import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { LOG_PREFIX } from './log.js';
import type { FeedIssue } from './types.js';
import type { FeedSignature } from './signature.js';

/** The last good copy of a feed, as kept in IndexedDB. */
export interface CachedFeed<T> {
  revision: number;
  data: T;
  /** What the parser left out of that copy. */
  issues: FeedIssue[];
  /** A fingerprint of the body (see revalidate.ts), to skip parsing when revalidation returns the same feed. */
  fingerprint: string;
  etag?: string;
  lastModified?: string;
  /** When the copy was fetched (ms since the epoch); 0 for a copy shipped with the code. */
  fetchedAt: number;
  /** Who signed it among the cluster's pinned keys, and when; absent for an unsigned or foreign-signed feed. */
  signature?: FeedSignature;
  /** The copy was shipped with the code (see `seedFeed`), not fetched. */
  bundled?: boolean;
}

let store: UseStore | undefined | null;

/** The IndexedDB store, or `null` where storage is not available (sandboxed frames, some private modes). */
function feedStore(): UseStore | null {
  if (store === undefined) {
    try {
      store = typeof indexedDB === 'undefined' ? null : createStore('fsd-feeds', 'feeds');
    } catch {
      store = null;
    }
  }
  return store;
}

export async function readCachedFeed<T>(key: string): Promise<CachedFeed<T> | undefined> {
  const db = feedStore();
  if (!db) return undefined;
  try {
    // What idb-keyval's get() does, without its default store (never used here) in the bundle.
    return await db('readonly', (objects) => promisifyRequest<CachedFeed<T> | undefined>(objects.get(key)));
  } catch {
    return undefined;
  }
}

export async function writeCachedFeed<T>(key: string, value: CachedFeed<T>): Promise<void> {
  const db = feedStore();
  if (!db) return;
  try {
    await db('readwrite', (objects) => {
      objects.put(value, key);
      return promisifyRequest(objects.transaction);
    });
  } catch (error) {
    console.warn(`${LOG_PREFIX} could not keep a copy of the feed for offline use (${String(error)})`);
  }
}
