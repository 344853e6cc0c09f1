/** All-in-one bundle: defines every FrenchSouth.digital widget. */
export * from './member-badge/member-badge.js';
export * from './member-directory/member-directory.js';
export * from './event-calendar/event-calendar.js';
export { registerTranslation, type Translation, type BadgeMessages, type CalendarMessages, type DirectoryMessages } from './translations/register-translation.js';
