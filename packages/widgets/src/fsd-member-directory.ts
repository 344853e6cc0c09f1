/** Entry bundle: `<script type="module" src="…/fsd-member-directory.js">` defines `<fsd-member-directory>`. */
export * from './member-directory/member-directory.js';
export { registerTranslation, type Translation, type BadgeMessages, type CalendarMessages, type DirectoryMessages } from './translations/register-translation.js';
