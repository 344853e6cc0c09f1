import { defineElement } from '@frenchsouth-digital/shared';
import { FsdEventCalendar } from './event-calendar.component.js';

export { FsdEventCalendar };
export type { CalendarView } from './calendar-model.js';
export type { CalendarState, FsdCalendarStateEvent, FsdCalendarStateDetail, FsdEventOpenEvent, FsdEventOpenDetail } from '../events/fsd-calendar-state.js';

defineElement('fsd-event-calendar', FsdEventCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'fsd-event-calendar': FsdEventCalendar;
  }
}
