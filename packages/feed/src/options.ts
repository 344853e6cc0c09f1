export interface FeedClientOptions {
  /** How long a request may take before it counts as failed, in ms. */
  timeoutMs: number;
  /** How many entry problems are printed one by one before a summary line. */
  maxReportedIssues: number;
  /**
   * The largest feed a reader takes, in bytes (64 MiB: about 140,000 members, far past the region's 4,500
   * companies). A larger one is refused before it is read whole, which would stall the page for seconds.
   */
  maxBytes: number;
  /**
   * Where a redirect of a feed may lead. `any` (unset: the widgets): wherever the browser follows it and the page
   * may read it (a site may move its feed to a CDN). `same-origin` (the extension): only within the feed's own
   * origin, since a subscribed feed is trusted for its origin and nothing else. Either way a redirect from https to
   * plain http is refused: a feed read in clear could have been altered on the way.
   */
  redirects?: 'any' | 'same-origin';
}

export const options: FeedClientOptions = { timeoutMs: 10_000, maxReportedIssues: 20, maxBytes: 64 * 1024 * 1024 };

/** Adjusts the client for this page (for example a shorter timeout). */
export function configureFeedClient(changes: Partial<FeedClientOptions>): void {
  Object.assign(options, changes);
}
