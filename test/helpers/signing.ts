// Browser-side helpers for signed feeds: key pairs generated at run time (WebCrypto Ed25519), and the signature
// files beside the feeds that packages/feed/src/signature.ts verifies. No key is ever committed.
import { pinKeyForTests } from '../../packages/feed/src/cluster-keys.js';
import { putFeed } from './feeds.js';

export { pinKeyForTests };

export interface TestKey {
  kid: string;
  raw: string;
  privateKey: CryptoKey;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * An Ed25519 key pair. WebKitGTK (libgcrypt) refuses about 0.8 % of fresh Ed25519 pairs with an OperationError: it
 * drops a leading zero byte of the key material, then finds 31 bytes where it wants 32 (WebKit bug 307095). The
 * pair is drawn again then, a few times at most; any other error, or the same one every time, still fails the test.
 */
async function generatePair(): Promise<CryptoKeyPair> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    } catch (error) {
      if (attempt >= 5 || (error as DOMException)?.name !== 'OperationError') throw error;
    }
  }
}

let counter = 0;
/** A fresh Ed25519 key pair; `pin` trusts it as one of the cluster's keys in this page's feed client. */
export async function testKey(pin = true): Promise<TestKey> {
  const pair = await generatePair();
  const raw = base64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const key = { kid: `test-${Date.now().toString(36)}-${counter++}`, raw, privateKey: pair.privateKey };
  if (pin) pinKeyForTests(key.kid, key.raw);
  return key;
}

/** Removes a key from the pinned set, as a rotation does once the next key signs alone. */
export function unpin(key: TestKey): void {
  pinKeyForTests(key.kid, undefined);
}

/** A signed feed as published: its exact text (naming its signature) and the signature file beside it. */
export interface SignedFeed {
  text: string;
  jws: string;
}

/**
 * Signs `feed` as fsd-publish does (packages/feed/src/signature.ts): `signature` set to `NAME.jws`, then a JWS whose
 * payload is the SHA-256 of the feed's exact bytes, one signature per key.
 */
export async function signFeed(feed: unknown, name: string, ...keys: TestKey[]): Promise<SignedFeed> {
  const text = typeof feed === 'string' ? feed : JSON.stringify({ ...(feed as object), signature: `${name}.jws` });
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return { text, jws: await signDigest(digest, ...keys) };
}

/** The signature file for a feed whose SHA-256 is `digest`. */
export async function signDigest(digest: Uint8Array, ...keys: TestKey[]): Promise<string> {
  const payload = base64url(new TextEncoder().encode(JSON.stringify({ sha256: base64url(digest) })));
  const signatures = [];
  for (const key of keys) {
    const header = base64url(new TextEncoder().encode(JSON.stringify({ alg: 'EdDSA', kid: key.kid, typ: 'fsd-feed-digest+json' })));
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, new TextEncoder().encode(`${header}.${payload}`)));
    signatures.push({ protected: header, signature: base64url(signature) });
  }
  return JSON.stringify({ payload, signatures });
}

/** Puts a feed signed by `keys` at `/__feeds/NAME` and its signature at `/__feeds/NAME.jws`; returns the feed's URL. */
export async function putSignedFeed(name: string, feed: unknown, ...keys: TestKey[]): Promise<string> {
  const signed = await signFeed(feed, name, ...keys);
  await putFeed(`${name}.jws`, signed.jws);
  return putFeed(name, signed.text);
}
