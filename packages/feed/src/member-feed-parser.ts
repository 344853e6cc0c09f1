import { parseMemberFeed } from './members.js';
import type { FeedParser } from './parser.js';
import type { MemberFeed } from './types.js';

/** The cluster's member feed, for {@link watchFeed} and friends. */
export const memberFeedParser: FeedParser<MemberFeed> = {
  kind: 'members',
  revision: 1,
  parse: parseMemberFeed,
  published: (feed) => feed.updated,
};
