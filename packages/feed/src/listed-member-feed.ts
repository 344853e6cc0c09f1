/**
 * The member feed read with the full Public Suffix List (public-suffix-list.ts), for the extension:
 * `@frenchsouth-digital/feed/listed-member-feed`. The list (about 50 KB gzipped) loads only when a feed is parsed, so that the
 * extension's popup and options page, which only read the copies held, never load it.
 */
import { memberFeedParser } from './member-feed-parser.js';
import type { FeedParser } from './parser.js';
import type { MemberFeed } from './types.js';

const fullList = () => import('./public-suffix-list.js');

/** Its own revision: copies checked with the short list only, held from a previous version, are not served. */
export const listedMemberFeedParser: FeedParser<MemberFeed> = {
  ...memberFeedParser,
  revision: memberFeedParser.revision + 1000,
  prepare: () => fullList(),
  parse: async (json, feedUrl) => (await fullList()).parseListedMemberFeed(json, feedUrl),
};
