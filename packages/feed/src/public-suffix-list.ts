/**
 * The full Public Suffix List check, ICANN and PRIVATE sections (about 11,300 rules, from the `tldts` package):
 * `@frenchsouth-digital/feed/public-suffix-list`, for publishing (`fsd-publish`) and the extension. About 50 KB gzipped, so the
 * widget bundles never import it (a dependency-cruiser rule and a bundle test hold them to it); they check the short
 * list of public-suffix.ts, which this check includes, so that whatever a widget refuses is refused here too.
 */
import { getPublicSuffix } from 'tldts';
import { parseMemberFeed } from './members.js';
import type { Parsed } from './parser.js';
import { isPublicSuffix } from './public-suffix.js';
import type { MemberFeed } from './types.js';

/** Is this normalised host (`normalizeHost`) a public suffix of the full list, or of the widgets' short list? */
export function isListedPublicSuffix(host: string): boolean {
  if (isPublicSuffix(host)) return true;
  return getPublicSuffix(host, { allowPrivateDomains: true, extractHostname: false }) === host;
}

/** {@link parseMemberFeed} with the full list: a member claiming `notion.site` or `s3.eu-west-3.amazonaws.com` is left out. */
export function parseListedMemberFeed(json: unknown, feedUrl: string): Parsed<MemberFeed> {
  return parseMemberFeed(json, feedUrl, isListedPublicSuffix);
}
