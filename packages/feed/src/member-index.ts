import { DomainIndex } from './domains.js';
import type { College, Member, MemberFeed } from './types.js';

/** Today as `YYYY-MM-DD` in the viewer's own time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Has the membership lapsed (its `validUntil` day is over, in the viewer's time zone)? */
export function isLapsed(member: Pick<Member, 'validUntil'>, now: Date = new Date()): boolean {
  return member.validUntil !== undefined && member.validUntil < todayIso(now);
}

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
