/**
 * Signed feeds: the feed is published as it always was, plain JSON, and signed beside it. The feed names its
 * signature (`"signature": "members.json.jws"`, relative to the feed), a JWS in the JSON General Serialization
 * (RFC 7515 §7.2.1), `alg: "EdDSA"` over Ed25519 (RFC 8037), whose payload is a digest of the feed's exact bytes:
 *
 *   members.json      { "version": 1, "updated": …, "expires": …, "signature": "members.json.jws", "members": [ … ] }
 *   members.json.jws  { "payload": base64url({"sha256": base64url(SHA-256 of members.json's bytes)}),
 *                       "signatures": [{ "protected": base64url({"alg":"EdDSA","kid":…,"typ":"fsd-feed-digest+json"}), "signature": … }] }
 *
 * Why a digest, and beside the feed: checking 2 MB (4,500 members) costs one SHA-256 of the bytes as received
 * (about 4 ms) and an Ed25519 check of 100 bytes, where a JWS carrying the feed itself as its payload cost 140 ms
 * (base64url decoding of 2.7 MB in JavaScript, then Ed25519 over all of it; see bench/signature.bench.mjs). Readers
 * that do not check signatures (older bundles, other tools) read the feed unchanged. Several signatures let the
 * cluster sign with the old and the next key while a rotation runs.
 *
 * The signature is checked before the feed is read further. A chunk of its own, loaded by revalidate.ts only for a
 * feed that names a signature or must have one: rendering from the offline copy, or an embedder's own unsigned
 * list, never loads this file.
 */
import { hasOwnKeys, keyFor, signatureRequired } from './cluster-keys.js';
import { FeedError, FeedErrorKind } from './errors.js';
import { LOG_PREFIX } from './log.js';

/** Who signed a copy of a feed, and when: kept with the copy (see `CachedFeed.signature`). */
export interface FeedSignature {
  /** The id of the pinned key whose signature verified. */
  kid: string;
  /** The signed feed's `updated`: when it was signed. */
  signedAt: string;
  /** The signed feed's `expires`, when it says one: past it, the copy proves nothing any more. */
  expires?: string;
  /** Signed by one of the feed's own keys (a partner's registry, see `trustFeedKeys`), never the cluster's. */
  own?: true;
}

/** A signed feed past its `expires` (a stale copy replayed by a cache or a proxy) is refused; the copy held stays. */
export function expiryCheck(url: string, { expires }: { expires?: string | undefined }): void {
  if (expires && Date.parse(expires) < Date.now()) {
    throw new FeedError(FeedErrorKind.Expired, url, `the feed expired at ${expires} (a stale copy replayed?); keeping the copy held`);
  }
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const keys = new Map<string, Promise<CryptoKey>>();
function importKey(raw: string): Promise<CryptoKey> {
  let key = keys.get(raw);
  if (!key) keys.set(raw, (key = crypto.subtle.importKey('raw', fromBase64url(raw), { name: 'Ed25519' }, false, ['verify'])));
  return key;
}

/** The feed client's own request and reading rules (revalidate.ts): no credentials, redirects checked, a size cap. */
type Request = (url: string, accept: string) => Promise<Response>;
type ReadBody = (response: Response, url: string) => Promise<Uint8Array<ArrayBuffer>>;

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the signature a parsed feed names against the pinned keys, and its `expires`; resolves with who signed it
 * and when. Refuses (throws a FeedError) a feed whose bytes do not match a signature by a pinned key, and an
 * expired one; where the URL must be signed (the cluster's own), also a feed with no signature, or none by a pinned
 * key. Elsewhere (an embedder's own feed) such a feed is read, as not the cluster's (`undefined`, and a warning).
 */
export async function checkSignature(feed: unknown, bytes: Uint8Array<ArrayBuffer>, url: string, request: Request, readBody: ReadBody): Promise<FeedSignature | undefined> {
  const fetchText = async (at: string) => new TextDecoder().decode(await readBody(await request(at, 'application/jose+json'), at));
  const checked = await check(feed, bytes, url, fetchText);
  const { updated, expires } = feed as { updated?: unknown; expires?: unknown };
  const until = typeof expires === 'string' ? expires : undefined;
  if (checked.kid) {
    expiryCheck(url, { expires: until });
    return { kid: checked.kid, signedAt: String(updated), ...(until && { expires: until }), ...(hasOwnKeys(url) && { own: true as const }) };
  }
  if (checked.foreign) console.warn(`${LOG_PREFIX} ${url}: the feed is ${checked.foreign}; it is read, but not as the cluster's`);
  return undefined;
}

async function check(feed: unknown, bytes: Uint8Array<ArrayBuffer>, url: string, fetchText: (url: string) => Promise<string>): Promise<{ kid?: string; foreign?: string }> {
  const required = signatureRequired(url);
  const own = hasOwnKeys(url);
  const named = (feed as { signature?: unknown } | null)?.signature;
  if (typeof named !== 'string') {
    if (required) throw new FeedError(FeedErrorKind.Unsigned, url, `the feed is not signed (it names no "signature"), and ${own ? 'a feed added with its key' : 'a feed of the cluster'} must be; keeping the copy held`);
    return {};
  }
  let where: URL;
  try {
    where = new URL(named, url);
  } catch {
    where = new URL('invalid:');
  }
  if (where.origin !== new URL(url).origin) {
    const message = `the feed's "signature" (${named}) is not beside it, on its own site`;
    if (required) throw new FeedError(FeedErrorKind.Unsigned, url, `${message}; keeping the copy held`);
    return { foreign: message };
  }
  // A signature that cannot be fetched is no signature: the copy held stays where one is required.
  let envelope: Record<string, unknown> | undefined;
  try {
    envelope = parseObject(await fetchText(where.href));
  } catch (error) {
    const why = error instanceof FeedError ? error.message.slice(error.url.length + 2) : String(error);
    if (required) throw new FeedError(FeedErrorKind.Unsigned, url, `its signature ${where.href} could not be read (${why}); keeping the copy held`);
    return { foreign: `its signature ${where.href} could not be read` };
  }
  const payload = typeof envelope?.payload === 'string' ? envelope.payload : '';
  const entries = Array.isArray(envelope?.signatures) ? (envelope.signatures as { protected?: unknown; signature?: unknown }[]) : [];
  const seen: string[] = [];
  let bad: string | undefined;
  let digest: Promise<string> | undefined;
  for (const entry of entries) {
    const header = parseObject(new TextDecoder().decode(fromBase64urlOrEmpty(entry?.protected)));
    if (!header) continue;
    const kid = String(header.kid);
    seen.push(kid);
    const raw = keyFor(url, kid);
    // RFC 7515 §4.1.11: a header naming an extension this reader does not know ("crit") is not understood.
    if (!raw || header.alg !== 'EdDSA' || header.crit !== undefined) continue;
    let key: CryptoKey;
    try {
      key = await importKey(raw);
    } catch {
      // No WebCrypto on a page that is not https, or no Ed25519 in it (before Chrome 137, Firefox 129, Safari 17):
      // read the feed as unchecked.
      keys.delete(raw);
      return {
        foreign: globalThis.crypto?.subtle
          ? 'not checked: this browser cannot check Ed25519 signatures (Chrome 137+, Firefox 129+, Safari 17+ can)'
          : 'not checked: the browser checks signatures (WebCrypto) only on https pages',
      };
    }
    let ok: boolean;
    try {
      ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64url(String(entry.signature)), new TextEncoder().encode(`${String(entry.protected)}.${payload}`));
      const signed = ok ? parseObject(new TextDecoder().decode(fromBase64url(payload))) : undefined;
      digest ??= crypto.subtle.digest('SHA-256', bytes).then((hash) => base64url(new Uint8Array(hash)));
      ok = ok && signed?.sha256 === (await digest);
    } catch {
      ok = false;
    }
    if (ok) return { kid };
    bad = kid;
  }
  if (bad) throw new FeedError(FeedErrorKind.BadSignature, url, `the signature by key "${bad}" does not match the feed's bytes (altered in transit or at rest); keeping the copy held`);
  const keysSeen = seen.length ? `key${seen.length > 1 ? 's' : ''} ${seen.map((kid) => `"${kid}"`).join(', ')}` : 'no readable key id';
  if (required) throw new FeedError(FeedErrorKind.UnknownKey, url, `the feed is signed with ${keysSeen}, none of ${own ? 'the keys it was added with' : "the cluster's pinned keys"}; keeping the copy held`);
  return { foreign: `signed with ${keysSeen}, not by the cluster` };
}

function fromBase64urlOrEmpty(value: unknown): Uint8Array<ArrayBuffer> {
  try {
    return fromBase64url(String(value));
  } catch {
    return new Uint8Array(0);
  }
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
