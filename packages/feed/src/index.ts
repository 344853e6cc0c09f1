export { DEFAULT_MEMBER_FEED_URL, DEFAULT_EVENT_FEED_URL } from './defaults.js';
export * from './types.js';
export { FeedError, FeedErrorKind } from './errors.js';
export type { FeedParser, Parsed } from './parser.js';
export {
  watchFeed,
  loadFeed,
  refreshFeed,
  lastFeedError,
  readStoredFeed,
  seedFeed,
  isClusterSigned,
  type CachedFeed,
  type FeedState,
  type FeedListener,
} from './client.js';
export type { FeedSignature } from './signature.js';
export { CLUSTER_KEYS, trustFeedKeys } from './cluster-keys.js';
export { configureFeedClient } from './options.js';
export { LOG_PREFIX } from './log.js';
export { parseMemberFeed, domainProblem, type SuffixCheck } from './members.js';
export { profileUrl, MemberIndex } from './member-index.js';
export { isLapsed, isUpcoming, todayIso } from './viewer-day.js';
export { memberFeedParser } from './member-feed-parser.js';
export { DomainIndex, normalizeHost } from './domains.js';
export { isPublicSuffix } from './public-suffix.js';
export { safeUrl, safeWebUrl, isIsoDate, fold, initials } from './text.js';
export { parseEventFeed, eventSortKey } from './events.js';
export { eventFeedParser } from './event-feed-parser.js';
export {
  isTimeZone,
  localTimeZone,
  wallClock,
  zoneOffset,
  instantOf,
  dayIn,
  startOfDay,
  isoDay,
  addDays,
  daysBetween,
  type WallClock,
} from './zoned-time.js';
export { parseDateTime } from './date-time.js';
export { calendarSourceParser, type CalendarSource } from './calendar-source.js';
export { loadIcs } from './ics-chunk.js';
export { looksLikeIcs } from './calendar-source-reader.js';
export type { IcsCalendar } from './ics.js';
export { eventToIcs, googleCalendarUrl, outlookCalendarUrl, escapeText, foldLine, type EventTexts } from './calendar-links.js';
