import { fingerprint, writeCachedFeed, type CachedFeed } from './cache.js';
import type { FeedHandle } from './client.js';
import { FeedError, FeedErrorKind } from './errors.js';
import { LOG_PREFIX } from './log.js';
import { options } from './options.js';
import type { FeedIssue } from './types.js';

function reportIssues(url: string, issues: readonly FeedIssue[]): void {
  const shown = issues.slice(0, options.maxReportedIssues);
  for (const issue of shown) {
    const field = issue.field ? `field "${issue.field}" ` : '';
    console.warn(`${LOG_PREFIX} ${url}: ${issue.entry} left out: ${field}${issue.message}`);
  }
  if (issues.length > shown.length) console.warn(`${LOG_PREFIX} ${url}: ${issues.length - shown.length} more entries left out`);
}

/**
 * `cache: 'no-cache'` makes the browser revalidate with the ETag / Last-Modified it holds (a 304 comes back as the
 * stored body) without adding request headers, so that a cross-origin feed needs no CORS preflight.
 */
async function request(url: string, accept: string): Promise<Response> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache', credentials: 'omit', headers: { Accept: accept }, signal });
  } catch (error) {
    if (signal.aborted) throw new FeedError(FeedErrorKind.Timeout, url, `no answer within ${options.timeoutMs / 1000} s`);
    throw new FeedError(FeedErrorKind.Network, url, `the feed could not be reached (${(error as Error).message})`);
  }
  if (!response.ok) {
    throw new FeedError(FeedErrorKind.Http, url, `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  return response;
}

/**
 * Fetches the feed again and, when it changed, checks it and puts it in place of the copy held. A feed that fails
 * to load, to parse, or that is older than the copy held never replaces it.
 */
export async function revalidate<T>(feed: FeedHandle<T>): Promise<void> {
  const { url, parser } = feed;
  try {
    void parser.prepare?.();
    const response = await request(url, parser.accept ?? 'application/json');
    const text = await response.text();
    const print = fingerprint(text);
    if (feed.cached && feed.cached.fingerprint === print) {
      feed.cached = { ...feed.cached, fetchedAt: Date.now() };
      await writeCachedFeed(feed.key, feed.cached);
      feed.lastError = undefined;
      if (feed.state.status === 'ready' && feed.state.stale) feed.set({ ...feed.state, stale: false });
      return;
    }
    let input: unknown = text;
    if (parser.format !== 'text') {
      try {
        input = JSON.parse(text);
      } catch (error) {
        throw new FeedError(FeedErrorKind.NotJson, url, `the feed is not valid JSON (${(error as Error).message})`);
      }
    }
    const { data, issues } = await parser.parse(input, url, response.headers.get('Content-Type') ?? undefined);
    const published = parser.published?.(data);
    const held = feed.cached && parser.published?.(feed.cached.data);
    if (published && held && Date.parse(published) < Date.parse(held)) {
      const message = `the server sent a feed published ${published}, older than the copy held (${held}); keeping the copy`;
      console.warn(`${LOG_PREFIX} ${url}: ${message}`);
      feed.lastError = new FeedError(FeedErrorKind.Older, url, message);
      return;
    }
    reportIssues(url, issues);
    const entry: CachedFeed<T> = { revision: parser.revision, data, issues, fingerprint: print, fetchedAt: Date.now() };
    const etag = response.headers.get('ETag');
    const lastModified = response.headers.get('Last-Modified');
    if (etag) entry.etag = etag;
    if (lastModified) entry.lastModified = lastModified;
    feed.cached = entry;
    feed.lastError = undefined;
    feed.set({ status: 'ready', data, issues, source: 'network', fetchedAt: entry.fetchedAt, stale: false });
    await writeCachedFeed(feed.key, entry);
  } catch (caught) {
    feed.fail(caught instanceof FeedError ? caught : new FeedError(FeedErrorKind.Invalid, url, String(caught)));
  }
}
