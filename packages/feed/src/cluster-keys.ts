import { DEVELOPMENT_KEYS } from './development-keys.js';

/**
 * The cluster's pinned signing keys: the public halves only (Ed25519, raw 32 bytes, base64url), each with its key id
 * (`kid`, in the protected header of each signature). A feed counts as the cluster's only when one of its
 * signatures verifies against one of these (see signature.ts). The private keys never enter the repository
 * (`fsd-publish keygen` writes them elsewhere; test/keys.node.test.mjs fails on any committed private key).
 *
 * Rotation: add the next key here and ship the bundles and the extension; only then let it sign (publish signs with
 * both during the overlap). Once every reader has the new key, stop signing with the old one and remove it here: a
 * feed or a cached copy signed only by a removed key is no longer the cluster's.
 *
 * This file is in every bundle (a few dozen bytes a key); the verification code (signature.ts) loads lazily.
 */
export const CLUSTER_KEYS: Readonly<Record<string, string>> = {
  'fsd-2026-12': 'w9nxDIH1O1fyjH3Q4_bny12ZOiPPM9r8TzoLmsD_Eog',
};

/** The feeds that must be signed by a pinned key: anything at the cluster's own origin. */
const SIGNED_ORIGINS = new Set(['https://www.frenchsouth.digital']);

const pinned = new Map<string, string>(Object.entries({ ...CLUSTER_KEYS, ...DEVELOPMENT_KEYS }));

/** The pinned public key of this key id, or `undefined`. */
export function pinnedKey(kid: string): string | undefined {
  return pinned.get(kid);
}

/**
 * Keys trusted for one feed only, by its exact URL: a partner's registry that the extension's user added with its
 * public key. Such a feed must be signed by one of its own keys; the cluster's keys do not count for it, and its
 * keys count for no other feed (a copy it signs never passes for the cluster's).
 */
const feedKeys = new Map<string, ReadonlyMap<string, string>>();

/** Trusts `keys` (key id to raw public key, base64url) for the feed at `url` alone; none, or `undefined`: forgets them. */
export function trustFeedKeys(url: string, keys: Readonly<Record<string, string>> | undefined): void {
  if (keys && Object.keys(keys).length) feedKeys.set(url, new Map(Object.entries(keys)));
  else feedKeys.delete(url);
}

/** Does the feed at `url` have keys of its own ({@link trustFeedKeys})? */
export function hasOwnKeys(url: string): boolean {
  return feedKeys.has(url);
}

/** The public key that checks a signature by `kid` on the feed at `url`: its own keys if it has any, else the pinned ones. */
export function keyFor(url: string, kid: string): string | undefined {
  const own = feedKeys.get(url);
  return own ? own.get(kid) : pinned.get(kid);
}

/** Must the feed at `url` be signed (an unsigned or foreign-signed one is refused)? The cluster's, and those with own keys. */
export function signatureRequired(url: string): boolean {
  if (feedKeys.has(url)) return true;
  try {
    return SIGNED_ORIGINS.has(new URL(url).origin);
  } catch {
    return false;
  }
}

/**
 * For tests that import the sources: trust a key generated at run time (`raw` undefined: forget it, as a rotation
 * removes a key), or require signatures from a test origin. Not exported by the package's index nor by any bundle
 * entry, so rollup drops it from every bundle: a page cannot call it. Never put a slot on `globalThis` for this.
 */
export function pinKeyForTests(kid: string, raw: string | undefined): void {
  if (raw === undefined) pinned.delete(kid);
  else pinned.set(kid, raw);
}

export function requireSignaturesForTests(origin: string): void {
  SIGNED_ORIGINS.add(origin);
}
