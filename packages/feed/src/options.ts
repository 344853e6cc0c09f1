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
}

export const options: FeedClientOptions = { timeoutMs: 10_000, maxReportedIssues: 20, maxBytes: 64 * 1024 * 1024 };

/** Adjusts the client for this page (for example a shorter timeout). */
export function configureFeedClient(changes: Partial<FeedClientOptions>): void {
  Object.assign(options, changes);
}
