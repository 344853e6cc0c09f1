/** The messages the extension's parts send to the background, and what they get back. */

/** The prefix of every console message of the extension. */
export const LOG = '[FrenchSouth.digital extension]';

/** A member as the content script needs it to mark a link: nothing more leaves the background. */
export interface LinkMember {
  id: string;
  name: string;
  registry: string;
}

export type Request =
  /** Content script: which of these hosts belong to a member? */
  | { type: 'lookup-hosts'; hosts: string[] }
  /** Options page: refresh every registry now. */
  | { type: 'refresh' }
  /** Popup: annotation was just turned on for the tab's site; annotate the open page now. */
  | { type: 'annotate-tab'; tabId: number };

export interface LookupAnswer {
  members: Record<string, LinkMember>;
}

/** The outcome of the last refresh of one feed, kept in `storage.local` under `refreshLog`. */
export interface RefreshResult {
  at: number;
  ok: boolean;
  /** `updated`, `unchanged`, or the feed client's error kind (`network`, `http`, `not-json`, `older`, …). */
  outcome: string;
  message?: string;
  members?: number;
}

export type RefreshLog = Record<string, RefreshResult>;
