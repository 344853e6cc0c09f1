import type { CachedFeed } from './cache.js';
import { FeedError, FeedErrorKind } from './errors.js';
import { LOG_PREFIX } from './log.js';
import { FUTURE_MARGIN_MS, publishedAt } from './published.js';
import { options, type FeedClientOptions } from './options.js';
import { send } from './send.js';
import type { FeedParser } from './parser.js';
import type { FeedIssue } from './types.js';
import type { FeedSignature } from './signature.js';
import { signatureRequired } from './cluster-keys.js';

/** The signature check, a chunk of its own: loaded only for a feed that is signed or must be. */
const signing = () => import('./signature.js');

/** What a revalidation needs to know of a feed. Nothing here is written to. */
export interface FeedSource<T> {
  readonly url: string;
  readonly key: string;
  readonly parser: FeedParser<T>;
  /**
   * The copy held. Read when the answer has arrived (to compare fingerprints) and again once it is parsed (to
   * compare publication dates), so that a copy put in place meanwhile (a seeded snapshot) is the one compared.
   */
  readonly cached: CachedFeed<T> | undefined;
}

/**
 * What a revalidation found; the feed entry applies it (the copy held, the last error, the state, the IndexedDB
 * write: see `FeedEntry.#apply` in client.ts).
 */
export type Revalidation<T> =
  /** The server sent the same feed: the copy held, with a new `fetchedAt`. */
  | { kind: 'unchanged'; cached: CachedFeed<T> }
  /** The server sent another feed, parsed and checked: the copy to hold (its data and issues with it). */
  | { kind: 'updated'; cached: CachedFeed<T> }
  /** The server sent a feed published before the copy held: the copy is kept (the warning is printed already). */
  | { kind: 'older'; error: FeedError }
  /** No usable feed: the request failed, or the feed was refused. */
  | { kind: 'failed'; error: FeedError };

/**
 * A fingerprint of the body's bytes, enough to tell whether a feed changed: their length and SHA-256, which the
 * browser computes off the page's thread (FNV-1a over the text of 17 MB held the page for 0.2 s the first time).
 * Where WebCrypto is missing (a page served over plain http), one that matches no other: the feed is read again.
 */
const fingerprint = async (bytes: Uint8Array<ArrayBuffer>): Promise<string> =>
  globalThis.crypto?.subtle ? `${bytes.length}:${new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))}` : `${Math.random()}`;

/**
 * The body's text (UTF-8, a leading byte order mark dropped), a megabyte at a time, each in a task of its own: 17 MB
 * decoded in one call held the page 50 ms, and up to 145 ms on a busy machine. A `setTimeout` between them, not
 * ics-budget.ts's `pause()`, which comes with ical.js in the iCalendar chunk.
 */
async function decodeText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for (let at = 0; at < bytes.length; at += 1 << 20) {
    if (at) await new Promise((resolve) => setTimeout(resolve));
    text += decoder.decode(bytes.subarray(at, at + (1 << 20)), { stream: true });
  }
  return text + decoder.decode();
}

function reportIssues(url: string, issues: readonly FeedIssue[]): void {
  const shown = issues.slice(0, options.maxReportedIssues);
  for (const issue of shown) {
    const field = issue.field ? `field "${issue.field}" ` : '';
    console.warn(`${LOG_PREFIX} ${url}: ${issue.entry} left out: ${field}${issue.message}`);
  }
  if (issues.length > shown.length) console.warn(`${LOG_PREFIX} ${url}: ${issues.length - shown.length} more entries left out`);
}

/**
 * Why a response that arrived at `final` after a redirect from `requested` is refused, or `undefined` when it may be
 * read: a move from https to anything else, always; a move to another origin, under `redirects: 'same-origin'`.
 */
export function redirectRefusal(requested: string, final: string, rule: FeedClientOptions['redirects']): string | undefined {
  let from: URL;
  let to: URL;
  try {
    from = new URL(requested);
    to = new URL(final);
  } catch {
    return `the server redirected the feed to an address that cannot be read (${final}); refused`;
  }
  if (from.protocol === 'https:' && to.protocol !== 'https:') {
    return `the server redirected the feed from https to ${to.protocol.slice(0, -1)} (${final}); a feed read in clear could have been altered on the way: refused`;
  }
  if (rule === 'same-origin' && to.origin !== from.origin) {
    return `the server redirected the feed to another site (${final}); only a redirect within ${from.origin} is followed: refused`;
  }
  return undefined;
}

/**
 * Why a fetch failed, as precisely as a page can tell. The browser gives the same TypeError for a server that is down
 * and for one that answers without letting this page read the answer (no `Access-Control-Allow-Origin`: CORS). For a
 * feed on another origin, one request that asks for no CORS (its opaque answer cannot be read) tells the two apart.
 */
async function unreachable(url: string, error: Error): Promise<string> {
  const page = globalThis.location?.origin;
  if (page && page !== 'null' && new URL(url).origin !== page) {
    try {
      await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(options.timeoutMs) });
      return `the server answers, but does not let this page read the feed: a feed read from another site must be served with the header Access-Control-Allow-Origin (CORS) naming ${page} or *`;
    } catch {
      // Not reachable either way: the network, the name or the server is at fault.
    }
  }
  return `the feed could not be reached (${error.message})`;
}

/** Checks the answer to a request ({@link send}, unless it was sent already): what failed, is refused, or may be read. */
export async function request(url: string, accept?: string, sent = send(url, accept)): Promise<Response> {
  let response: Response;
  try {
    response = await sent;
  } catch (error) {
    // The request's only abort is its timeout: a TimeoutError, or an AbortError where a browser does not give the reason.
    if (/^(Timeout|Abort)Error$/.test((error as Error).name)) throw new FeedError(FeedErrorKind.Timeout, url, `no answer within ${options.timeoutMs / 1000} s`);
    throw new FeedError(FeedErrorKind.Network, url, await unreachable(url, error as Error));
  }
  // The browser followed the redirects already (a cross-origin feed's redirect cannot be read otherwise): the
  // target's answer is refused unread, and the copy held stays.
  const refusal = response.redirected ? redirectRefusal(url, response.url, options.redirects) : undefined;
  if (refusal) {
    void response.body?.cancel();
    throw new FeedError(FeedErrorKind.Redirect, url, refusal);
  }
  if (!response.ok) {
    throw new FeedError(FeedErrorKind.Http, url, `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  return response;
}

/**
 * The body's bytes, refused past `options.maxBytes`: at once when
 * the response says its length, else as the bytes come, before the whole is held.
 */
async function readBody(response: Response, url: string): Promise<Uint8Array<ArrayBuffer>> {
  const limit = options.maxBytes;
  const tooLarge = () =>
    new FeedError(FeedErrorKind.TooLarge, url, `the feed is larger than ${(limit / 1024 / 1024).toLocaleString('en')} MB, the most a reader takes; it was not read`);
  if (Number(response.headers.get('Content-Length')) > limit) {
    void response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > limit) {
      void reader.cancel();
      throw tooLarge();
    }
    chunks.push(part.value);
  }
  // One copy of the parts, by the browser (smaller here than a copy loop: the badge's validator chunk has a budget).
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/**
 * Fetches the feed again (or reads the answer to a request {@link send sent} already) and, when it changed, checks it
 * and says what should replace the copy held. A feed that fails to load, to parse, or that is older than the copy held
 * never replaces it. Never rejects. `reading`, when given, is the read of the copy held, still under way: the answer
 * is compared with that copy once it is done.
 */
export async function revalidate<T>(feed: FeedSource<T>, sent?: Promise<Response>, reading?: Promise<void>): Promise<Revalidation<T>> {
  const { url, parser } = feed;
  try {
    void parser.prepare?.();
    const response = await request(url, parser.accept, sent);
    const bytes = await readBody(response, url);
    const printing = fingerprint(bytes);
    const text = await decodeText(bytes);
    const print = await printing;
    // The copy held is known from here on (a first visit's IndexedDB can be slower to open than the network).
    await reading;
    if (feed.cached?.fingerprint === print) {
      // The same signed bytes again, past their `expires`: refused as a replay (signature.ts).
      if (feed.cached.signature) (await signing()).expiryCheck(url, feed.cached.signature);
      return { kind: 'unchanged', cached: { ...feed.cached, fetchedAt: Date.now() } };
    }
    let input: unknown = text;
    let signature: FeedSignature | undefined;
    if (parser.format !== 'text') {
      try {
        input = JSON.parse(text);
      } catch (error) {
        throw new FeedError(FeedErrorKind.NotJson, url, `the feed is not valid JSON (${(error as Error).message})`);
      }
    }
    // The signature the feed names is checked against its exact bytes before the feed is read (signature.ts); its
    // code loads only for a JSON feed that names a signature or must have one (not for an embedder's own list). A
    // reader of JSON or iCalendar (the calendar's sources) gets the text, and says whether it is JSON (`json`).
    const json = parser.format === 'text' ? parser.json?.(text) : input;
    if (json !== undefined && ((json as { signature?: unknown } | null)?.signature || signatureRequired(url))) {
      signature = await (await signing()).checkSignature(json, bytes, url, request, readBody);
    }
    const { data, issues } = await parser.parse(input, url, response.headers.get('Content-Type') ?? undefined);
    const published = parser.published?.(data);
    const held = feed.cached && parser.published?.(feed.cached.data);
    if (published && held && Date.parse(published) < publishedAt(held, feed.cached!.fetchedAt)) {
      const message = `the server sent a feed published ${published}, older than the copy held (${held}); keeping the copy`;
      console.warn(`${LOG_PREFIX} ${url}: ${message}`);
      return { kind: 'older', error: new FeedError(FeedErrorKind.Older, url, message) };
    }
    reportIssues(url, issues);
    if (published && Date.parse(published) > Date.now() + FUTURE_MARGIN_MS) {
      console.warn(`${LOG_PREFIX} ${url}: the feed says it was published ${published}, in the future; it counts as published now, so that the next feed replaces it`);
    }
    const copy: CachedFeed<T> = { revision: parser.revision, data, issues, fingerprint: print, fetchedAt: Date.now() };
    if (signature) copy.signature = signature;
    const etag = response.headers.get('ETag');
    const lastModified = response.headers.get('Last-Modified');
    if (etag) copy.etag = etag;
    if (lastModified) copy.lastModified = lastModified;
    return { kind: 'updated', cached: copy };
  } catch (caught) {
    return { kind: 'failed', error: caught instanceof FeedError ? caught : new FeedError(FeedErrorKind.Invalid, url, String(caught)) };
  }
}
