import type { CalendarEvent } from '@frenchsouth-digital/feed';

/** Where a calendar stands: mirrored in its read-only `state` attribute. */
export type CalendarState = 'loading' | 'ready' | 'empty' | 'error';

export interface FsdCalendarStateDetail {
  /** The settled state: never `loading`. */
  state: Exclude<CalendarState, 'loading'>;
  /** How many events the current view shows. */
  count: number;
  /** The sources that could not be read (URLs), each also explained in the console. */
  failed: string[];
}

/** Fired by `<fsd-event-calendar>` each time what it shows settles: first load, navigation, a refreshed source. */
export type FsdCalendarStateEvent = CustomEvent<FsdCalendarStateDetail>;

export interface FsdEventOpenDetail {
  event: CalendarEvent;
  /** The source URL the event came from. */
  source: string;
}

/** Fired by `<fsd-event-calendar>` when the visitor opens an event's details. */
export type FsdEventOpenEvent = CustomEvent<FsdEventOpenDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fsd-calendar-state': FsdCalendarStateEvent;
    'fsd-event-open': FsdEventOpenEvent;
  }
}
