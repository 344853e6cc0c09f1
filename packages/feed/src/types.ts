/** A text given in the cluster's two languages; French is the reference, English may be missing. */
export interface LocalizedText {
  fr: string;
  en?: string;
}

export const COLLEGE_IDS = ['digital-content-cultures', 'mediacloud-interactivity', 'smart-software'] as const;
export type CollegeId = (typeof COLLEGE_IDS)[number];

/** The three clusters FrenchSouth.digital was born from. */
export const ORIGIN_CLUSTERS = ['novae-lr', 'pixlr', 'mcc'] as const;
export type OriginCluster = (typeof ORIGIN_CLUSTERS)[number];

export interface Cluster {
  name: string;
  /** The cluster's web site (http or https). */
  site: string;
  /**
   * Where a member's public profile lives: a URL in which `{id}` stands for the member id,
   * e.g. `https://www.frenchsouth.digital/membres/?membre={id}`.
   */
  profileUrl?: string;
}

export interface College {
  id: string;
  name: LocalizedText;
}

export interface Member {
  /** Stable slug, e.g. `kaliop`. */
  id: string;
  name: string;
  /** Registrable domains the member owns, normalised (lower case, ASCII, no trailing dot). */
  domains: string[];
  college: string;
  city: string;
  description: LocalizedText;
  website: string;
  logo?: string;
  /** ISO date (`YYYY-MM-DD`). */
  memberSince: string;
  /** ISO date (`YYYY-MM-DD`); the membership is valid through that day. */
  validUntil?: string;
  origin?: OriginCluster;
  /** Keywords, each in French and maybe in English (`"données"` in the feed reads as `{ fr: "données" }`). */
  tags: LocalizedText[];
}

export interface MemberFeed {
  version: 1;
  /** When the staff published this feed (ISO date-time); an older feed never replaces a newer one. */
  updated?: string;
  cluster: Cluster;
  colleges: College[];
  members: Member[];
}

/** Something wrong in a feed that did not stop the rest of it from being used. */
export interface FeedIssue {
  /** Where: `members[12]` or `members[12] ("acme")`. */
  entry: string;
  /** The field at fault, e.g. `website`. */
  field: string;
  message: string;
}

/** Who runs an event: a member (with its member id), a partner such as DigitalPlace, or the cluster when absent. */
export interface EventOrganizer {
  /** The member id (slug) when the organiser is a member of the cluster, e.g. `kaliop`. */
  id?: string;
  name: string;
  /** A web page or a mailto: address. */
  url?: string;
}

export interface EventCategory {
  id: string;
  name: LocalizedText;
}

/**
 * One event, checked. Timed events carry instants (`start`, `end`: UTC ISO date-times, e.g. `2027-01-14T17:00:00.000Z`);
 * all-day events carry days (`start`, `end`: `YYYY-MM-DD`, `end` being the last day, inclusive).
 */
export interface CalendarEvent {
  /** Unique in its feed; for a repeated ICS event, the UID and the occurrence's start. */
  id: string;
  title: LocalizedText;
  allDay: boolean;
  start: string;
  end: string;
  /** The IANA zone the event was planned in, e.g. `Europe/Paris`, when the feed says so. */
  timeZone?: string;
  location?: string;
  description?: LocalizedText;
  /** Absent: the cluster's own event. */
  organizer?: EventOrganizer;
  /** One of the cluster's colleges, e.g. `smart-software`. */
  college?: string;
  /** A slug such as `workshop`; named in the feed's `categories`. */
  category?: string;
  /** The event's page (http or https). */
  url?: string;
}

export interface EventFeed {
  version: 1;
  /** When the staff published this feed (ISO date-time); an older feed never replaces a newer one. */
  updated?: string;
  /** Names of the categories used by the events, in French and English. */
  categories: EventCategory[];
  /** Sorted by start. */
  events: CalendarEvent[];
  /** The calendar files published beside the feed (by `fsd-publish`), for subscriptions. */
  subscriptions?: EventSubscriptions;
}

/**
 * Calendars to subscribe to, each the http(s) URL of an iCalendar file (the `webcal:` address is derived from it):
 * every event, each college's, each member's.
 */
export interface EventSubscriptions {
  all: string;
  colleges: Record<string, string>;
  members: Record<string, string>;
}
