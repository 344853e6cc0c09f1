import { loadIcs } from '@fsd/feed';
import type * as EventDetails from './event-details.js';

/**
 * How the calendar loads the code it fetches only when needed, each a chunk of its own: the iCalendar reader (for
 * `.ics` sources) and the event details dialog (fetched once the calendar shows events). Internal: the tests replace
 * these to see what a visitor sees when a chunk cannot be fetched; nothing else should.
 * @internal
 */
export const chunks: { ics: typeof loadIcs; details: () => Promise<typeof EventDetails> } = {
  ics: loadIcs,
  details: () => import('./event-details.js'),
};
