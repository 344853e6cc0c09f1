import type * as Validator from './events.js';
import type { FeedParser } from './parser.js';
import type { EventFeed } from './types.js';

let validator: Promise<typeof Validator> | undefined;
/** Loaded with the request, as for the member feed: a calendar that renders from its offline copy never loads it. */
const loadValidator = () => (validator ??= import('./events.js'));

/** The cluster's JSON events feed, for {@link watchFeed} and friends (the calendar, the extension's popup). */
export const eventFeedParser: FeedParser<EventFeed> = {
  kind: 'events',
  // 2: events feeds keep their subscriptions.
  revision: 2,
  format: 'json',
  prepare: loadValidator,
  parse: async (json, url) => (await loadValidator()).parseEventFeed(json, url),
  published: (feed) => feed.updated,
};
