export interface FeedClientOptions {
  /** How long a request may take before it counts as failed, in ms. */
  timeoutMs: number;
  /** How many entry problems are printed one by one before a summary line. */
  maxReportedIssues: number;
}

export const options: FeedClientOptions = { timeoutMs: 10_000, maxReportedIssues: 20 };

/** Adjusts the client for this page (for example a shorter timeout). */
export function configureFeedClient(changes: Partial<FeedClientOptions>): void {
  Object.assign(options, changes);
}
