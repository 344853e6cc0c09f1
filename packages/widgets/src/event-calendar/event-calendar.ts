import { defineElement } from '../internal/fsd-element.js';
import { FsdEventCalendar } from './event-calendar.component.js';

export { FsdEventCalendar };
export type { CalendarState } from './event-calendar.component.js';
export type { CalendarView } from './calendar-model.js';
export type { FsdCalendarStateEvent, FsdCalendarStateDetail, FsdEventOpenEvent, FsdEventOpenDetail } from '../events/fsd-calendar-state.js';

defineElement('fsd-event-calendar', FsdEventCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'fsd-event-calendar': FsdEventCalendar;
  }
}
