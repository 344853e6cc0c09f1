import type * as Ics from './ics.js';

let ics: Promise<typeof Ics> | undefined;

/** The iCalendar reader (ical.js and its glue): a chunk of its own, loaded only when a calendar has an ICS source. */
export const loadIcs = (): Promise<typeof Ics> =>
  (ics ??= import('./ics.js').catch((error: unknown) => {
    ics = undefined; // a chunk that failed to load (offline, a deploy in between) may load on a later try
    throw error;
  }));
