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
  tags: string[];
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
