import { DomainIndex } from './domains.js';
import type { College, Member, MemberFeed } from './types.js';

/** The member's public profile page, from the cluster's `profileUrl` template, else the member's own site. */
export function profileUrl(feed: MemberFeed, member: Member): string {
  const template = feed.cluster.profileUrl;
  return template ? template.replaceAll('{id}', encodeURIComponent(member.id)) : member.website;
}

/** Looks members up by id and by the host of a page. Build once per feed. */
export class MemberIndex {
  readonly feed: MemberFeed;
  readonly #byId = new Map<string, Member>();
  readonly #byDomain = new DomainIndex<Member>();

  constructor(feed: MemberFeed) {
    this.feed = feed;
    for (const member of feed.members) {
      this.#byId.set(member.id, member);
      for (const domain of member.domains) this.#byDomain.add(domain, member);
    }
  }

  byId(id: string): Member | undefined {
    return this.#byId.get(id);
  }

  /** The member whose domains include `host` or one of its parents; `notkaliop.com` is not `kaliop.com`. */
  byHost(host: string): Member | undefined {
    return this.#byDomain.lookup(host);
  }

  college(id: string): College | undefined {
    return this.feed.colleges.find((c) => c.id === id);
  }
}
