/** Where a badge stands: mirrored in its read-only `state` attribute. */
export const BadgeState = {
  Loading: 'loading',
  Verified: 'verified',
  Preview: 'preview',
  /** On the member's own domain, but the feed is not signed by the cluster (a feed of the page's own): proves nothing. */
  Unchecked: 'unchecked',
  Unverified: 'unverified',
  Lapsed: 'lapsed',
  UnknownMember: 'unknown-member',
  Error: 'error',
} as const;
export type BadgeState = (typeof BadgeState)[keyof typeof BadgeState];

export interface FsdBadgeStateDetail {
  /** The settled state: never `loading`. */
  state: Exclude<BadgeState, 'loading'>;
  /** The member id the badge was asked to show. */
  member: string;
  /** When verified: the date the cluster signed the member feed (its `updated`). */
  signedAt?: string;
  /** Why the badge is not verified, as printed in the console. */
  reason?: string;
}

/** Fired by `<fsd-member-badge>` each time its state settles (and again if a refreshed feed changes it). */
export type FsdBadgeStateEvent = CustomEvent<FsdBadgeStateDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fsd-badge-state': FsdBadgeStateEvent;
  }
}
