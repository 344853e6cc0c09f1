import type * as Validator from './members.js';
import type { FeedParser } from './parser.js';
import type { MemberFeed } from './types.js';

let validator: Promise<typeof Validator> | undefined;
/**
 * The validator is loaded only when a feed comes from the network, in parallel with the request: a widget that
 * renders from its offline copy never loads it. (Bundles that cannot split, like a service worker's, inline it.)
 */
const loadValidator = () => (validator ??= import('./members.js'));

/** The cluster's member feed, for {@link watchFeed} and friends. */
export const memberFeedParser: FeedParser<MemberFeed> = {
  kind: 'members',
  revision: 1,
  prepare: loadValidator,
  parse: async (json, url) => (await loadValidator()).parseMemberFeed(json, url),
  published: (feed) => feed.updated,
};
