// Browser-side helpers for the scriptable feed server of test/server/feed-middleware.js.

export interface FeedOptions {
  status?: number;
  /** Milliseconds before the server answers. */
  delay?: number;
  /** Close the connection without an answer: a network failure. */
  drop?: boolean;
  /** Requests wait, unanswered, until {@link releaseFeed} (then are answered as the other options say). */
  hold?: boolean;
  type?: string;
  /** Stream the body in pieces, with no Content-Length. */
  chunked?: boolean;
  /** `false`: served without Access-Control-Allow-Origin, so that a page on another origin cannot read it. */
  cors?: boolean;
}

let counter = 0;

/** A feed name no other test uses, so that no cache is shared by accident. */
export function uniqueName(prefix = 'feed'): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

/** Puts (or replaces) the feed served at `/__feeds/NAME`; returns its absolute URL. */
export async function putFeed(name: string, body: unknown, options: FeedOptions = {}): Promise<string> {
  const query = new URLSearchParams();
  if (options.status) query.set('status', String(options.status));
  if (options.delay) query.set('delay', String(options.delay));
  if (options.drop) query.set('drop', '1');
  if (options.hold) query.set('hold', '1');
  if (options.type) query.set('type', options.type);
  if (options.chunked) query.set('chunked', '1');
  if (options.cors === false) query.set('cors', '0');
  const response = await fetch(`/__feeds/${name}?${query}`, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body) });
  if (!response.ok) throw new Error(`could not put test feed ${name}: HTTP ${response.status}`);
  return new URL(`/__feeds/${name}`, location.href).href;
}

/** Serves `body` under a fresh name; returns its absolute URL. */
export function serveFeed(body: unknown, options: FeedOptions = {}): Promise<string> {
  return putFeed(uniqueName(), body, options);
}

/** Answers the requests held for a feed put with `hold: true`, and lets later ones through at once. */
export async function releaseFeed(url: string): Promise<number> {
  const name = new URL(url).pathname.split('/').pop();
  const response = await fetch(`/__feeds-release/${name}`, { method: 'POST' });
  if (!response.ok) throw new Error(`could not release test feed ${name}: HTTP ${response.status}`);
  return ((await response.json()) as { released: number }).released;
}

export interface LoggedRequest {
  method: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  accept?: string;
}

/** The requests the page made for a feed URL. */
export async function requestsFor(url: string): Promise<LoggedRequest[]> {
  const name = new URL(url).pathname.split('/').pop();
  const response = await fetch(`/__feeds-log/${name}`);
  return (await response.json()) as LoggedRequest[];
}

/** The sample member feed shipped with the examples. */
export async function sampleMemberFeed(): Promise<Record<string, unknown> & { members: Record<string, unknown>[] }> {
  const response = await fetch('/examples/data/members.json');
  return response.json();
}

/** Resolves once `predicate` holds, checking at each animation frame; rejects after `timeout` ms. */
export async function until(predicate: () => boolean, timeout = 5000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Records console messages of one level while `run` runs. */
export async function captureConsole<T>(level: 'warn' | 'error' | 'info', run: () => Promise<T>): Promise<{ result: T; messages: string[] }> {
  const original = console[level];
  const messages: string[] = [];
  console[level] = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  try {
    return { result: await run(), messages };
  } finally {
    console[level] = original;
  }
}

/** The sample events feed shipped with the examples. */
export async function sampleEventFeed(): Promise<Record<string, unknown> & { events: Record<string, unknown>[] }> {
  const response = await fetch('/examples/data/events.json');
  return response.json();
}
