import { loadIcs } from '@frenchsouth-digital/feed';
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

type Details = typeof EventDetails;

/**
 * One calendar's details dialog code: fetched once the calendar has events to open ({@link prefetch}), so that it is
 * there by the first click without weighing on the first paint; a failed fetch is forgotten, the next click retries.
 */
export class DetailsChunk {
  /** The code, once fetched. */
  module: Details | undefined;
  #loading: Promise<Details> | undefined;
  #prefetched = false;

  /** Fetches the code once, quietly (then calls `loaded`): a failure waits for the next {@link load}. */
  prefetch(loaded?: () => void): void {
    if (this.#prefetched) return;
    this.#prefetched = true;
    this.load().then(loaded, () => {});
  }

  load(): Promise<Details> {
    const load = (this.#loading ??= chunks.details());
    load.then(
      (module) => (this.module = module),
      () => (this.#loading = undefined),
    );
    return load;
  }
}
