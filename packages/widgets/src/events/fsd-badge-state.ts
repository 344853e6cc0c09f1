import type { BadgeState } from '../member-badge/verification.js';

export interface FsdBadgeStateDetail {
  /** The settled state: never `loading`. */
  state: Exclude<BadgeState, 'loading'>;
  /** The member id the badge was asked to show. */
  member: string;
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
