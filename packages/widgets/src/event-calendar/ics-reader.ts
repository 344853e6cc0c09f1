import { loadIcs } from '@fsd/feed';

/**
 * How the calendar loads its iCalendar reader (a chunk of its own). Internal: the tests replace `load` to see what a
 * visitor sees when the chunk cannot be fetched; nothing else should.
 * @internal
 */
export const icsReader: { load: typeof loadIcs } = { load: loadIcs };
