import {
  DEFAULT_MEMBER_FEED_URL,
  MemberIndex,
  fold,
  isLapsed,
  profileUrl,
  readStoredFeed,
  type CachedFeed,
  type College,
  type Member,
  type MemberFeed,
} from '@frenchsouth-digital/feed';
import { listedMemberFeedParser } from '@frenchsouth-digital/feed/listed-member-feed';

/** One subscribed member feed, as held in IndexedDB (the bundled snapshot or the last good fetched copy). */
export interface Registry {
  url: string;
  /**
   * How the registry is named to the user ({@link registryName}): `FrenchSouth.digital` for the cluster's own
   * registry only; any other under its host, with the name its feed gives itself (`DigitalPlace (digitalplace.fr)`).
   */
  name: string;
  /** Is this the cluster's own registry (the default feed URL), the only one shown under the cluster's name and mark? */
  cluster: boolean;
  copy: CachedFeed<MemberFeed> | undefined;
  index: MemberIndex | undefined;
}

/** A member and the registry that lists it. */
export interface Match {
  member: Member;
  registry: Registry;
  college: College | undefined;
  profile: string;
  lapsed: boolean;
  /** The member's logo, only when it is hosted beside its registry's feed (same origin); else undefined. */
  logo: string | undefined;
}

/**
 * A logo the popup may load: one on the same origin as the registry's feed, so that showing it contacts no host
 * but the feeds'. A logo hosted anywhere else (the member's own site, a CDN) would tell that host of the visit.
 */
export function feedOriginLogo(feedUrl: string, logo: string | undefined): string | undefined {
  return logo && sameOrigin(logo, feedUrl) ? logo : undefined;
}

/** Are both URLs on one origin (scheme, host and port)? `false` when either is not a URL. */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * The public keys a user pastes when adding a registry: its `keys.json` as published beside its feed (a JWK set,
 * `{ "keys": [ … ] }`), or one of its keys (a JWK). Each must be an Ed25519 key (`"kty": "OKP", "crv": "Ed25519"`)
 * with a key id and its 32-byte public key `x`. Resolves with the keys by id, or a sentence saying what is wrong.
 */
export function parseRegistryKeys(text: string): { keys: Record<string, string> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'not JSON: paste the registry’s keys.json, or one key of it (a JWK)' };
  }
  const list = typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys) ? (value as { keys: unknown[] }).keys : [value];
  const keys: Record<string, string> = {};
  for (const [i, key] of list.entries()) {
    const { kty, crv, kid, x } = (typeof key === 'object' && key !== null ? key : {}) as Record<string, unknown>;
    if (kty !== 'OKP' || crv !== 'Ed25519') return { error: `key ${i + 1} is not an Ed25519 key ("kty": "OKP", "crv": "Ed25519")` };
    if (typeof kid !== 'string' || !kid || kid.length > 100) return { error: `key ${i + 1} has no key id ("kid")` };
    if (typeof x !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(x)) return { error: `key "${kid}" has no 32-byte public key ("x", base64url)` };
    keys[kid] = x;
  }
  return Object.keys(keys).length ? { keys } : { error: 'no key in it' };
}

/** The cluster's name, shown for its own registry only. */
export const CLUSTER_NAME = 'FrenchSouth.digital';
/** The longest registry name shown beside its host; a longer one is cut (it is feed text, chosen by the registry). */
const MAX_NAME = 40;

/** Is `url` the cluster's own registry: the default member feed, the one the extension ships a snapshot of? */
export function isClusterRegistry(url: string): boolean {
  return url === DEFAULT_MEMBER_FEED_URL;
}

/** The host of a registry's feed URL (the browser's spelling: lower case, punycode), else the URL itself. */
export function registryHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * How a registry is named in the toolbar's title, the popup, the link marks and the options page. Its feed says
 * what it likes of itself, so only the address is trusted:
 * - the cluster's own registry ({@link isClusterRegistry}): `FrenchSouth.digital`;
 * - any other: its name followed by its host, `DigitalPlace (www.digitalplace.fr)`; the host alone when the feed
 *   names none, or a name that looks like the cluster's (`FrenchSouth.digital`, `French South Digital`, any spelling
 *   that folds to "frenchsouth"), so that a registry someone added never speaks under the cluster's name.
 *   Control and direction characters go (they could turn the host around on screen), and the name is cut at 40.
 */
export function registryName(url: string, feedName: string | undefined): string {
  if (isClusterRegistry(url)) return CLUSTER_NAME;
  const host = registryHost(url);
  const name = (feedName ?? '')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name || fold(name).replace(/[^a-z0-9]/g, '').includes('frenchsouth')) return host;
  const shown = [...name].length > MAX_NAME ? `${[...name].slice(0, MAX_NAME - 1).join('').trimEnd()}…` : name;
  return `${shown} (${host})`;
}

/**
 * The events feeds that speak for a registry's members: those on the registry's own origin (the cluster's events
 * feed beside its member feed). A member id means something only within its registry: another registry may list a
 * member under the same id, and must not get that member's events.
 */
export function eventFeedsOf(registryUrl: string, eventFeeds: readonly string[]): string[] {
  return eventFeeds.filter((url) => sameOrigin(url, registryUrl));
}

/**
 * Every subscribed registry, read from IndexedDB without a request. Lookups go through the feed client's
 * {@link MemberIndex} (its DomainIndex normalises hosts: `www`, ports, case, trailing dots, IDN).
 */
export class Registries {
  readonly list: readonly Registry[];

  constructor(list: readonly Registry[]) {
    this.list = list;
  }

  /**
   * `keys`: the keys registries were added with (settings' `registryKeys`). A copy of such a registry counts only if
   * one of them signed it (a copy fetched before, or under other keys, is left out until the next good feed).
   */
  static async read(urls: readonly string[], keys: Readonly<Record<string, Readonly<Record<string, string>>>> = {}): Promise<Registries> {
    const list = await Promise.all(
      urls.map(async (url): Promise<Registry> => {
        const held = await readStoredFeed(url, listedMemberFeedParser);
        const own = keys[url];
        const copy = own && !(held?.signature?.own && own[held.signature.kid]) ? undefined : held;
        return { url, name: registryName(url, copy?.data.cluster.name), cluster: isClusterRegistry(url), copy, index: copy ? new MemberIndex(copy.data) : undefined };
      }),
    );
    return new Registries(list);
  }

  #match(registry: Registry, member: Member): Match {
    const feed = registry.copy!.data;
    return { member, registry, college: registry.index!.college(member.college), profile: profileUrl(feed, member), lapsed: isLapsed(member), logo: feedOriginLogo(registry.url, member.logo) };
  }

  /** The member that owns `host` (or a parent domain of it), from the first registry that lists one. */
  byHost(host: string): Match | undefined {
    for (const registry of this.list) {
      const member = registry.index?.byHost(host);
      if (member) return this.#match(registry, member);
    }
    return undefined;
  }

  /** Every member of every registry, in registry order. */
  *members(): Iterable<Match> {
    for (const registry of this.list) {
      if (!registry.copy) continue;
      for (const member of registry.copy.data.members) yield this.#match(registry, member);
    }
  }
}
