import type * as Validator from './events.js';
import type { FeedParser } from './parser.js';
import type { EventFeed } from './types.js';

let validator: Promise<typeof Validator> | undefined;
/**
 * The events feed's validator, for this parser and the calendar's (calendar-source.ts): loaded with the request, as
 * for the member feed, so that a calendar that renders from its offline copy never loads it. Its chunk imports the
 * chunk of entries.ts, which the member feed's validator shares: both are asked for at once, not the second once the
 * first has arrived.
 */
export const loadEventValidator = (): Promise<typeof Validator> =>
  (validator ??= Promise.all([import('./events.js'), import('./entries.js')]).then(([events]) => events));

/** The cluster's JSON events feed, for {@link watchFeed} and friends (the calendar, the extension's popup). */
export const eventFeedParser: FeedParser<EventFeed> = {
  kind: 'events',
  // 2: events feeds keep their subscriptions.
  revision: 2,
  format: 'json',
  prepare: loadEventValidator,
  parse: async (json, url) => (await loadEventValidator()).parseEventFeed(json, url),
  published: (feed) => feed.updated,
};
