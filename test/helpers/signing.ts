// Browser-side helpers for signed feeds: key pairs generated at run time (WebCrypto Ed25519), envelopes in the
// JWS JSON General Serialization that packages/feed/src/signature.ts verifies. No key is ever committed.
import { pinKeyForTests } from '../../packages/feed/src/cluster-keys.js';

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

let counter = 0;
/** A fresh Ed25519 key pair; `pin` trusts it as one of the cluster's keys in this page's feed client. */
export async function testKey(pin = true): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = base64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const key = { kid: `test-${Date.now().toString(36)}-${counter++}`, raw, privateKey: pair.privateKey };
  if (pin) pinKeyForTests(key.kid, key.raw);
  return key;
}

/** Removes a key from the pinned set, as a rotation does once the next key signs alone. */
export function unpin(key: TestKey): void {
  pinKeyForTests(key.kid, undefined);
}

/** The envelope of `feed` (its exact JSON text), signed by each key. */
export async function signFeed(feed: unknown, ...keys: TestKey[]): Promise<{ payload: string; signatures: { protected: string; signature: string }[] }> {
  const payload = base64url(new TextEncoder().encode(typeof feed === 'string' ? feed : JSON.stringify(feed)));
  const signatures = [];
  for (const key of keys) {
    const header = base64url(new TextEncoder().encode(JSON.stringify({ alg: 'EdDSA', kid: key.kid })));
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, new TextEncoder().encode(`${header}.${payload}`)));
    signatures.push({ protected: header, signature: base64url(signature) });
  }
  return { payload, signatures };
}
