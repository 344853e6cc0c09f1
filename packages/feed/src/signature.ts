/**
 * Signed feeds: JWS JSON General Serialization (RFC 7515 §7.2.1) with `alg: "EdDSA"` over Ed25519 (RFC 8037).
 *
 *   { "payload": base64url(the exact feed bytes), "signatures": [{ "protected": base64url({"alg":"EdDSA","kid":…}), "signature": … }] }
 *
 * Why this envelope: one request brings the feed and its signatures (no detached `.sig` to fetch, race or lose in a
 * cache); the payload is the exact bytes signed, so nothing is canonicalised; several signatures let the cluster
 * sign with the old and the next key while a rotation runs. DSSE would do as well but is not a JOSE standard, and
 * RFC 8037 names exactly what WebCrypto's Ed25519 verifies.
 *
 * The envelope is checked BEFORE its payload is parsed. Loaded with revalidate.ts (a lazy chunk): rendering from the
 * offline copy never loads this file.
 */
import { pinnedKey, signatureRequired } from './cluster-keys.js';
import { FeedError, FeedErrorKind } from './errors.js';

/** Who signed a copy of a feed, and when: kept with the copy (see `CachedFeed.signature`). */
export interface FeedSignature {
  /** The id of the pinned key whose signature verified. */
  kid: string;
  /** The signed feed's `updated`: when it was signed. */
  signedAt: string;
  /** The signed feed's `expires`, when it says one: past it, the copy proves nothing any more. */
  expires?: string;
}

interface Envelope {
  payload: string;
  signatures: { protected?: unknown; signature?: unknown }[];
}

/** Is this parsed JSON a JWS envelope (rather than a plain feed)? */
export function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as Envelope).payload === 'string' && Array.isArray((value as Envelope).signatures);
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

/** What an envelope held: the payload's text, and the key that signed it (none: not the cluster's, see `foreign`). */
export interface Opened {
  text: string;
  kid?: string;
  /** Why the feed does not count as the cluster's, for the console (unsigned feeds give none). */
  foreign?: string;
}

/**
 * Verifies an envelope against the pinned keys and returns its payload. Refuses (throws a FeedError) a signature by
 * a pinned key that does not verify, and, where the URL must be signed, an envelope with no pinned key or a plain
 * feed; elsewhere (an embedder's own feed) a foreign-signed feed is read, as not the cluster's.
 */
export async function openEnvelope(value: unknown, text: string, url: string): Promise<Opened> {
  const required = signatureRequired(url);
  if (!isEnvelope(value)) {
    if (required) throw new FeedError(FeedErrorKind.Unsigned, url, 'the feed is not signed, and a feed of the cluster must be; keeping the copy held');
    return { text };
  }
  const seen: string[] = [];
  let bad: string | undefined;
  for (const entry of value.signatures) {
    let header: { alg?: unknown; kid?: unknown };
    try {
      header = JSON.parse(new TextDecoder().decode(fromBase64url(String(entry.protected)))) as typeof header;
    } catch {
      continue;
    }
    const kid = String(header.kid);
    seen.push(kid);
    const raw = pinnedKey(kid);
    if (!raw || header.alg !== 'EdDSA') continue;
    let key: CryptoKey;
    try {
      key = await importKey(raw);
    } catch {
      // No Ed25519 in this browser's WebCrypto (before Chrome 137, Firefox 129, Safari 17): read the feed as unchecked.
      keys.delete(raw);
      return { text: decodePayload(value, url), foreign: 'this browser cannot check Ed25519 signatures (Chrome 137+, Firefox 129+, Safari 17+ can)' };
    }
    let ok: boolean;
    try {
      ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64url(String(entry.signature)), new TextEncoder().encode(`${String(entry.protected)}.${value.payload}`));
    } catch {
      ok = false;
    }
    if (ok) return { text: decodePayload(value, url), kid };
    bad = kid;
  }
  if (bad) throw new FeedError(FeedErrorKind.BadSignature, url, `the signature by key "${bad}" does not match the feed (altered in transit or at rest); keeping the copy held`);
  const keysSeen = seen.length ? `key${seen.length > 1 ? 's' : ''} ${seen.map((kid) => `"${kid}"`).join(', ')}` : 'no readable key id';
  if (required) throw new FeedError(FeedErrorKind.UnknownKey, url, `the feed is signed with ${keysSeen}, none of the cluster's pinned keys; keeping the copy held`);
  return { text: decodePayload(value, url), foreign: `signed with ${keysSeen}, not by the cluster` };
}

function decodePayload(envelope: Envelope, url: string): string {
  try {
    return new TextDecoder().decode(fromBase64url(envelope.payload));
  } catch {
    throw new FeedError(FeedErrorKind.NotJson, url, "the signed feed's payload is not base64url");
  }
}
