/** Entry bundle: `<script type="module" src="…/fsd-event-calendar.js">` defines `<fsd-event-calendar>`. */
export * from './event-calendar/event-calendar.js';
export { registerTranslation, type Translation, type BadgeMessages, type CalendarMessages, type DirectoryMessages } from './translations/register-translation.js';
