import { normalizeHost } from './domains.js';
import { isPublicSuffix } from './public-suffix.js';
import { FeedError, FeedErrorKind } from './errors.js';
import { checkEntries, clip, dateField, DESCRIPTION_LIMIT, fail, localizedText, stringField, TITLE_LIMIT } from './entries.js';
import { isRecord, isSlug, nonEmptyString, safeWebUrl } from './text.js';
import {
  ORIGIN_CLUSTERS,
  type College,
  type FeedIssue,
  type LocalizedText,
  type Member,
  type MemberFeed,
  type OriginCluster,
} from './types.js';
import type { Parsed } from './parser.js';

/** Tells whether a normalised host is a public suffix: the widgets' {@link isPublicSuffix}, or the full list's check. */
export type SuffixCheck = (host: string) => boolean;

/** Why a domain given for a member cannot be used, or `undefined` when it is fine. */
export function domainProblem(domain: unknown, isSuffix: SuffixCheck = isPublicSuffix): string | undefined {
  if (typeof domain !== 'string') return 'must be a string';
  const host = normalizeHost(domain);
  if (!host) return `"${domain}" is not a domain name`;
  if (isSuffix(host)) return `"${domain}" is a public suffix, which nobody owns`;
  return undefined;
}

function parseCollege(entry: unknown): College {
  if (!isRecord(entry)) fail('', 'must be an object');
  if (!isSlug(entry.id)) fail('id', 'must be a slug such as "smart-software"');
  return { id: entry.id, name: localizedText(entry.name, 'name')! };
}

function parseMember(entry: unknown, colleges: ReadonlySet<string>, feedUrl: string, isSuffix: SuffixCheck): Member {
  if (!isRecord(entry)) fail('', 'must be an object');
  if (!isSlug(entry.id)) fail('id', 'must be a slug: lower-case letters, digits and dashes, such as "rg-systemes"');
  const name = clip(stringField(entry, 'name'), TITLE_LIMIT);
  if (!Array.isArray(entry.domains) || entry.domains.length === 0) fail('domains', 'must list at least one domain the member owns');
  const domains: string[] = [];
  for (const domain of entry.domains) {
    const problem = domainProblem(domain, isSuffix);
    if (problem) fail('domains', problem);
    const host = normalizeHost(domain as string)!;
    if (!domains.includes(host)) domains.push(host);
  }
  const college = stringField(entry, 'college');
  if (!colleges.has(college)) fail('college', `"${college}" is not one of the feed's colleges (${[...colleges].join(', ')})`);
  const website = safeWebUrl(entry.website);
  if (!website) fail('website', 'must be an absolute http(s) URL');
  let logo: string | undefined;
  if (entry.logo !== undefined && entry.logo !== null && entry.logo !== '') {
    logo = safeWebUrl(entry.logo, feedUrl);
    if (!logo) fail('logo', 'must be an http(s) URL');
  }
  let origin: OriginCluster | undefined;
  if (entry.origin !== undefined && entry.origin !== null) {
    if (!ORIGIN_CLUSTERS.includes(entry.origin as OriginCluster)) fail('origin', `must be one of ${ORIGIN_CLUSTERS.join(', ')}`);
    origin = entry.origin as OriginCluster;
  }
  const tags: LocalizedText[] = [];
  if (entry.tags !== undefined) {
    if (!Array.isArray(entry.tags)) fail('tags', 'must be a list of texts, or of objects with "fr" and/or "en" texts');
    const seen = new Set<string>();
    entry.tags.forEach((value) => {
      // A tag given in both languages, or a text (French); the same French tag twice is kept once.
      const tag = localizedText(value, 'tags')!;
      if (!seen.has(tag.fr)) tags.push(tag);
      seen.add(tag.fr);
    });
  }
  const member: Member = {
    id: entry.id,
    name,
    domains,
    college,
    city: clip(stringField(entry, 'city'), TITLE_LIMIT),
    description: localizedText(entry.description, 'description', true, DESCRIPTION_LIMIT)!,
    website,
    memberSince: dateField(entry, 'memberSince', true)!,
    tags,
  };
  const validUntil = dateField(entry, 'validUntil', false);
  if (validUntil) member.validUntil = validUntil;
  if (logo) member.logo = logo;
  if (origin) member.origin = origin;
  return member;
}

/**
 * Checks a member feed entry by entry. A feed that is not an object of a known version throws a {@link FeedError};
 * a bad entry is left out and reported in `issues`, so that the valid entries still show. `isSuffix` decides which
 * domains are public suffixes: the widgets' short list by default, the full list at publish time and in the extension
 * (`parseListedMemberFeed` of `@frenchsouth-digital/feed/public-suffix-list`).
 */
export function parseMemberFeed(json: unknown, feedUrl: string, isSuffix: SuffixCheck = isPublicSuffix): Parsed<MemberFeed> {
  if (!isRecord(json)) throw new FeedError(FeedErrorKind.Invalid, feedUrl, 'a member feed must be a JSON object');
  if (json.version !== 1) {
    throw new FeedError(FeedErrorKind.Version, feedUrl, `unsupported member feed version ${JSON.stringify(json.version)}; this widget reads version 1`);
  }
  if (!isRecord(json.cluster) || !nonEmptyString(json.cluster.name) || !safeWebUrl(json.cluster.site)) {
    throw new FeedError(FeedErrorKind.Invalid, feedUrl, '"cluster" must be an object with a "name" and an http(s) "site"');
  }
  if (!Array.isArray(json.colleges)) throw new FeedError(FeedErrorKind.Invalid, feedUrl, '"colleges" must be a list');
  if (!Array.isArray(json.members)) throw new FeedError(FeedErrorKind.Invalid, feedUrl, '"members" must be a list');

  const issues: FeedIssue[] = [];
  const colleges: College[] = [];
  checkEntries(json.colleges, 'colleges', issues, (entry) => {
    const college = parseCollege(entry);
    if (colleges.some((c) => c.id === college.id)) fail('id', `duplicate college id "${college.id}"`);
    colleges.push(college);
  });

  const collegeIds = new Set(colleges.map((c) => c.id));
  const ids = new Set<string>();
  const domainOwners = new Map<string, string>();
  const members = checkEntries(json.members, 'members', issues, (entry) => {
    const member = parseMember(entry, collegeIds, feedUrl, isSuffix);
    if (ids.has(member.id)) fail('id', `duplicate member id "${member.id}"`);
    for (const domain of member.domains) {
      // The domain itself, or one above it: `www.kaliop.com` is Kaliop's once `kaliop.com` is.
      for (let above = domain, dot = 0; dot >= 0; dot = above.indexOf('.'), above = above.slice(dot + 1)) {
        const owner = domainOwners.get(above);
        if (owner !== undefined) fail('domains', `"${domain}" already belongs to member "${owner}"${above === domain ? '' : ` (as part of "${above}")`}`);
      }
    }
    for (const domain of member.domains) domainOwners.set(domain, member.id);
    ids.add(member.id);
    return member;
  });

  const cluster: MemberFeed['cluster'] = { name: json.cluster.name.trim(), site: safeWebUrl(json.cluster.site)! };
  if (typeof json.cluster.profileUrl === 'string' && json.cluster.profileUrl.includes('{id}') && safeWebUrl(json.cluster.profileUrl)) {
    cluster.profileUrl = json.cluster.profileUrl;
  } else if (json.cluster.profileUrl !== undefined) {
    issues.push({ entry: 'cluster', field: 'profileUrl', message: 'must be an http(s) URL containing "{id}"; ignored' });
  }
  const feed: MemberFeed = { version: 1, cluster, colleges, members };
  if (typeof json.updated === 'string' && !Number.isNaN(Date.parse(json.updated))) feed.updated = json.updated;
  return { data: feed, issues };
}

