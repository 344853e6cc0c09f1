import { defineElement } from '../internal/fsd-element.js';
import { FsdMemberBadge } from './member-badge.component.js';

export { FsdMemberBadge };
export type { BadgeVariant } from './member-badge.component.js';
export { BadgeState } from './verification.js';
export type { FsdBadgeStateEvent, FsdBadgeStateDetail } from '../events/fsd-badge-state.js';

defineElement('fsd-member-badge', FsdMemberBadge);

declare global {
  interface HTMLElementTagNameMap {
    'fsd-member-badge': FsdMemberBadge;
  }
}
