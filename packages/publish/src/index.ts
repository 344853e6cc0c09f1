/** @frenchsouth-digital/publish: from the staff's spreadsheets and calendars to the feeds, calendars and pages of a static site. */
export { publish, type PublishOptions, type PublishResult } from './publish.js';
export { main } from './cli.js';
export { readTable, readCsv, decodeText, detectDelimiter, UnreadableFile, type Table, type TableRow, type Cell } from './table.js';
export { readMembers, collegeOf, type MembersResult, type MemberCalendar } from './members.js';
export { readEventSheet, checkEvents, calendarEvents, memberEvents, windowAround, type SourcedEvent } from './events.js';
export { calendarFile } from './ics-out.js';
export { buildSite, stableJson, type SiteFiles, type Subscriptions } from './site.js';
export { memberJsonLd } from './pages.js';
export { cleanDomains, cleanDate, cleanUrl, readDateTime, slugify } from './values.js';
export { MEMBER_COLUMNS, EVENT_COLUMNS } from './columns.js';
export { formatProblem, type Problem, type Lang } from './problems.js';
