/**
 * Signing the feeds (issue 16): each JSON feed stays plain JSON, gains `expires` and `"signature": "NAME.jws"`, and
 * is signed beside it, in `NAME.jws`: a JWS JSON General Serialization (RFC 7515 §7.2.1), `alg: "EdDSA"` over
 * Ed25519 (RFC 8037), whose payload is `{"sha256": …}`, the SHA-256 of the feed's exact bytes (base64url); one
 * signature per key given (two during a key rotation). Readers verify it in packages/feed/src/signature.ts against
 * the keys pinned in packages/feed/src/cluster-keys.ts. The public keys are published beside the feeds, in
 * `feeds/keys.json`.
 *
 * A private key never enters the repository: `fsd-publish keygen --out FILE` writes it to a file of the staff's
 * (mode 600; refused inside this repository's work tree), and `--key FILE` or the `FSD_SIGNING_KEY` environment
 * variable (the PEM text) hands it to a publish.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The raw public key, base64url: what cluster-keys.ts pins. */
  raw: string;
}

/** A new Ed25519 key pair: the private key as PKCS#8 PEM (to keep secret), the public one raw, base64url. */
export function generateSigningKey(): { pem: string; raw: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), raw: publicKey.export({ format: 'jwk' }).x! };
}

/** Reads a PKCS#8 PEM Ed25519 private key; `kid` names it in the signatures (and in cluster-keys.ts). */
export function signingKey(pem: string, kid: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 key');
  return { kid, privateKey, raw: createPublicKey(privateKey).export({ format: 'jwk' }).x! };
}

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** The signature file of a feed: a JWS over the SHA-256 of its exact bytes, signed by each key. */
export function signFeedBytes(bytes: Uint8Array | string, keys: readonly SigningKey[]): string {
  const payload = base64url(JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('base64url') }));
  const signatures = keys.map((key) => {
    const header = base64url(JSON.stringify({ alg: 'EdDSA', kid: key.kid, typ: 'fsd-feed-digest+json' }));
    return { protected: header, signature: base64url(sign(null, Buffer.from(`${header}.${payload}`), key.privateKey)) };
  });
  return `${JSON.stringify({ payload, signatures }, null, 2)}\n`;
}

/** `feeds/keys.json`: the public keys that sign the feeds, as a JWK set (RFC 7517, OKP keys of RFC 8037). */
export function keySet(keys: readonly SigningKey[]): string {
  return `${JSON.stringify({ keys: keys.map((key) => ({ kty: 'OKP', crv: 'Ed25519', kid: key.kid, x: key.raw, use: 'sig', alg: 'EdDSA' })) }, null, 2)}\n`;
}

/**
 * Signs the JSON feeds among the site's files, adding to each `expires` (what lets a reader refuse a replayed old
 * copy) and the name of its signature file, written beside it; and writes the key set.
 */
export function signSite(files: Map<string, string | Uint8Array>, keys: readonly SigningKey[], expires: string): void {
  for (const path of ['feeds/members.json', 'feeds/events.json']) {
    const text = files.get(path);
    if (typeof text !== 'string') continue;
    const feed = JSON.parse(text) as Record<string, unknown>;
    const name = `${path.slice(path.lastIndexOf('/') + 1)}.jws`;
    const signed = `${JSON.stringify({ ...feed, expires, signature: name }, null, 2)}\n`;
    files.set(path, signed);
    files.set(`${path}.jws`, signFeedBytes(signed, keys));
  }
  files.set('feeds/keys.json', keySet(keys));
}
