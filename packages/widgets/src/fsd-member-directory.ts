/** Entry bundle: `<script type="module" src="…/fsd-member-directory.js">` defines `<fsd-member-directory>`. */
export * from './member-directory/member-directory.js';
// registerTranslation() itself comes from fsd-translations.js (or fsd-widgets.js), so that this entry stays small.
export type { Translation, BadgeMessages, CalendarMessages, DirectoryMessages } from './translations/register-translation.js';
