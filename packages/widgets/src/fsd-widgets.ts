/** All-in-one bundle: defines every FrenchSouth.digital widget. */
export * from './member-badge/member-badge.js';
export * from './member-directory/member-directory.js';
export * from './event-calendar/event-calendar.js';
