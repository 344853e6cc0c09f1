/**
 * The published site as files (path → content), from the checked feeds: the same feeds and options give the same
 * bytes (keys sorted where their order is free, members by id, events by start then id, no time but `updated`).
 */
import type { CalendarEvent, EventFeed, MemberFeed } from '@frenchsouth-digital/feed';
import { calendarFile } from './ics-out.js';
import { SITE_CSS } from './html.js';
import { netlifyHeaders, nginxConf, s3Cors, s3Script, type Bundles } from './hosting.js';
import { MEMBER_COLUMNS } from './columns.js';
import { checkPage, checkPath, homePage, memberListPage, memberPage, memberPath, type SiteContext } from './pages.js';

export type SiteFiles = Map<string, string | Uint8Array>;

/** Subscription URLs of one calendar: https, and webcal:// (which opens the visitor's calendar app). */
export interface Subscription {
  ics: string;
  webcal: string;
}

/** The events feed's `subscriptions` field: the calendars published beside it. */
export interface Subscriptions {
  all: Subscription;
  colleges: Record<string, Subscription>;
  members: Record<string, Subscription>;
}

/** JSON with object keys sorted (lists keep their order), two-space indented, ending with a new line. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

const subscription = (baseUrl: string, path: string): Subscription => {
  const ics = `${baseUrl}${path}`;
  return { ics, webcal: ics.replace(/^https?:/, 'webcal:') };
};

export interface SiteInput {
  members: MemberFeed;
  events: EventFeed;
  baseUrl: string;
  /** The publish's date, `YYYY-MM-DD` (Paris): membership states are told as of that day. */
  asOf: string;
  /** The embed bundles: file name under `embed/` → content. */
  bundleFiles: Map<string, Uint8Array>;
  bundles: Bundles;
  /** The check page's script (packages/publish/dist/check.js); without it, no check page. */
  checkScript?: Uint8Array;
  /** Extra files (logos copied from beside the sheet): path → content. */
  assets?: Map<string, Uint8Array>;
}

export function buildSite(input: SiteInput): SiteFiles {
  const { members, events, baseUrl } = input;
  const files: SiteFiles = new Map();
  const updated = members.updated ?? events.updated ?? '2015-05-05T00:00:00Z';

  const memberIds = new Set(members.members.map((m) => m.id));
  const eventsOf = new Map<string, CalendarEvent[]>();
  for (const event of events.events) {
    const id = event.organizer?.id;
    if (id && memberIds.has(id)) eventsOf.set(id, [...(eventsOf.get(id) ?? []), event]);
  }
  const byCollege = new Map<string, CalendarEvent[]>(members.colleges.map((c) => [c.id, []]));
  for (const event of events.events) if (event.college) byCollege.get(event.college)?.push(event);

  const subscriptions: Subscriptions = {
    all: subscription(baseUrl, 'feeds/events.ics'),
    colleges: Object.fromEntries([...byCollege.keys()].sort().map((id) => [id, subscription(baseUrl, `feeds/colleges/${id}.ics`)])),
    members: Object.fromEntries([...eventsOf.keys()].sort().map((id) => [id, subscription(baseUrl, `feeds/members/${id}.ics`)])),
  };
  // A tag without its English stays a plain text, as readers older than translated tags expect it.
  const published = { ...members, members: members.members.map((m) => ({ ...m, tags: m.tags.map((tag) => (tag.en && tag.en !== tag.fr ? tag : tag.fr)) })) };
  files.set('feeds/members.json', stableJson(published));
  files.set('feeds/events.json', stableJson({ ...events, subscriptions }));

  const categories = events.categories;
  const name = (text: string) => `FrenchSouth.digital – ${text}`;
  files.set('feeds/events.ics', calendarFile(events.events, categories, { name: 'FrenchSouth.digital', description: 'L’agenda du cluster du numérique en Languedoc-Roussillon et de ses membres.', updated, url: subscriptions.all.ics }));
  for (const college of members.colleges) {
    const list = byCollege.get(college.id) ?? [];
    files.set(`feeds/colleges/${college.id}.ics`, calendarFile(list, categories, { name: name(college.name.en ?? college.name.fr), updated, url: subscriptions.colleges[college.id]!.ics }));
  }
  for (const [id, list] of eventsOf) {
    const member = members.members.find((m) => m.id === id)!;
    files.set(`feeds/members/${id}.ics`, calendarFile(list, categories, { name: `${member.name} – FrenchSouth.digital`, updated, url: subscriptions.members[id]!.ics }));
  }

  const bundles: SiteContext['bundles'] = {};
  const hashedOf = (entry: string) => input.bundles.hashed.find((name) => name.startsWith(`${entry}.`) && name !== `${entry}.js`);
  const directory = hashedOf('fsd-member-directory');
  if (directory) bundles.directory = `embed/${directory}`;
  const calendar = hashedOf('fsd-event-calendar');
  if (calendar) bundles.calendar = `embed/${calendar}`;
  const context: SiteContext = { baseUrl, asOf: input.asOf, bundles, eventsOf };
  for (const lang of ['fr', 'en'] as const) {
    for (const member of members.members) files.set(`${memberPath(lang, member.id)}index.html`, memberPage(members, member, context, lang));
    files.set(lang === 'fr' ? 'membres/index.html' : 'en/members/index.html', memberListPage(members, context, lang));
    files.set(lang === 'fr' ? 'index.html' : 'en/index.html', homePage(members, context, lang));
  }
  if (input.checkScript) {
    files.set('verifier/check.js', input.checkScript);
    for (const lang of ['fr', 'en'] as const) files.set(`${checkPath(lang)}index.html`, checkPage(context, lang, MEMBER_COLUMNS));
  }
  files.set('assets/site.css', SITE_CSS);
  for (const [path, content] of input.assets ?? []) files.set(path, content);
  for (const [name, content] of input.bundleFiles) files.set(`embed/${name}`, content);

  files.set('_headers', netlifyHeaders(baseUrl, input.bundles));
  files.set('_deploy/nginx.conf', nginxConf(baseUrl, input.bundles));
  files.set('_deploy/s3-upload.sh', s3Script(input.bundles));
  files.set('_deploy/s3-cors.json', s3Cors());
  return files;
}
