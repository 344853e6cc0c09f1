/** Entry bundle: `<script type="module" src="…/fsd-event-calendar.js">` defines `<fsd-event-calendar>`. */
export * from './event-calendar/event-calendar.js';
