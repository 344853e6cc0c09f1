/** Entry bundle: `<script type="module" src="…/fsd-event-calendar.js">` defines `<fsd-event-calendar>`. */
export * from './event-calendar/event-calendar.js';
// registerTranslation() itself comes from fsd-translations.js (or fsd-widgets.js), so that this entry stays small.
export type { Translation, BadgeMessages, CalendarMessages, DirectoryMessages } from './translations/register-translation.js';
