/** Entry bundle: `<script type="module" src="…/fsd-member-badge.js">` defines `<fsd-member-badge>`. */
export * from './member-badge/member-badge.js';
export { registerTranslation, type Translation, type BadgeMessages, type CalendarMessages, type DirectoryMessages } from './translations/register-translation.js';
