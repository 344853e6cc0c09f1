import {
  MemberIndex,
  isLapsed,
  memberFeedParser,
  profileUrl,
  readStoredFeed,
  type CachedFeed,
  type College,
  type Member,
  type MemberFeed,
} from '@fsd/feed';

/** One subscribed member feed, as held in IndexedDB (the bundled snapshot or the last good fetched copy). */
export interface Registry {
  url: string;
  /** The cluster's name from the feed (`FrenchSouth.digital`, `DigitalPlace`), else the feed's host. */
  name: string;
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
  if (!logo) return undefined;
  try {
    return new URL(logo).origin === new URL(feedUrl).origin ? logo : undefined;
  } catch {
    return undefined;
  }
}

export function registryName(url: string, feed: MemberFeed | undefined): string {
  if (feed) return feed.cluster.name;
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
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

  static async read(urls: readonly string[]): Promise<Registries> {
    const list = await Promise.all(
      urls.map(async (url): Promise<Registry> => {
        const copy = await readStoredFeed(url, memberFeedParser);
        return { url, name: registryName(url, copy?.data), copy, index: copy ? new MemberIndex(copy.data) : undefined };
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
