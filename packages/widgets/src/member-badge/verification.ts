import { isDevelopmentHost } from '@frenchsouth-digital/shared';
import { isClusterSigned, isLapsed, MemberIndex, type FeedState, type Member, type MemberFeed } from '@frenchsouth-digital/feed';
import { BadgeState } from '../events/fsd-badge-state.js';

export interface Verification {
  state: BadgeState;
  member?: Member;
  index?: MemberIndex;
  /** When verified: when the cluster signed the feed. */
  signedAt?: string;
  /** Why, in words for the console; absent when verified. */
  reason?: string;
}

/**
 * May this document show a preview? Only a top-level page served from a development host, or a `file:` page; never
 * a frame (a `srcdoc`, sandboxed or `data:` frame has no host of its own, and any production page could frame one).
 */
export function previewAllowedHere(): boolean {
  if (window.top !== window) return false;
  return location.protocol === 'file:' || (location.hostname !== '' && isDevelopmentHost(location.hostname));
}

const indexes = new WeakMap<MemberFeed, MemberIndex>();
function indexOf(feed: MemberFeed): MemberIndex {
  let index = indexes.get(feed);
  if (!index) indexes.set(feed, (index = new MemberIndex(feed)));
  return index;
}

/**
 * Decides what a badge may claim: verified only when the page is served from one of the member's own domains
 * and the membership has not lapsed. `preview` lets a developer see the badge on a development host.
 */
export function verify(feed: FeedState<MemberFeed>, memberId: string, host: string, preview: boolean, now = new Date()): Verification {
  if (feed.status === 'loading') return { state: BadgeState.Loading };
  if (feed.status === 'error') return { state: BadgeState.Error, reason: `the member feed could not be used: ${feed.error.message}` };
  const index = indexOf(feed.data);
  if (!memberId) return { state: BadgeState.UnknownMember, index, reason: 'the "member" attribute is missing; set it to your member id, e.g. member="kaliop"' };
  const member = index.byId(memberId);
  if (!member) return { state: BadgeState.UnknownMember, index, reason: `no member "${memberId}" in the member feed` };
  if (isLapsed(member, now)) {
    return { state: BadgeState.Lapsed, member, index, reason: `the membership of "${memberId}" lapsed after ${member.validUntil}` };
  }
  if (index.byHost(host) === member) {
    // Only the cluster's signature makes the claim: a feed of the page's own choosing (its `src`) proves nothing.
    if (isClusterSigned(feed.signature, now.getTime())) return { state: BadgeState.Verified, member, index, signedAt: feed.signature.signedAt };
    return { state: BadgeState.Unchecked, member, index, reason: `the member feed ${feed.signature ? 'is past its expiry date' : 'is not signed by one of the cluster\'s keys'}, so this badge cannot be verified; keep the default "src"` };
  }
  if (preview && isDevelopmentHost(host)) return { state: BadgeState.Preview, member, index };
  const domains = member.domains.join(', ');
  return {
    state: BadgeState.Unverified,
    member,
    index,
    reason: `this page's host "${host}" is not one of the domains of "${memberId}" (${domains})${
      isDevelopmentHost(host) ? '; add the "preview" attribute to preview the badge on a development host' : ''
    }`,
  };
}
