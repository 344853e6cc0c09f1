import { defineElement } from '@frenchsouth-digital/shared';
import { FsdMemberBadge } from './member-badge.component.js';

export { FsdMemberBadge };
export type { BadgeVariant } from './member-badge.component.js';
export { BadgeState, type FsdBadgeStateEvent, type FsdBadgeStateDetail } from '../events/fsd-badge-state.js';

defineElement('fsd-member-badge', FsdMemberBadge);

declare global {
  interface HTMLElementTagNameMap {
    'fsd-member-badge': FsdMemberBadge;
  }
}
