/** Entry bundle: `<script type="module" src="…/fsd-member-badge.js">` defines `<fsd-member-badge>`. */
export * from './member-badge/member-badge.js';
// registerTranslation() itself comes from fsd-translations.js (or fsd-widgets.js), so that this entry stays small.
export type { Translation, BadgeMessages, CalendarMessages, DirectoryMessages } from './translations/register-translation.js';
