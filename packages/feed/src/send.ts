import { options } from './options.js';

/**
 * Sends a feed request as the client always does: without credentials, stopped after `options.timeoutMs`, and with
 * `cache: 'no-cache'`, which makes the browser revalidate with the ETag / Last-Modified it holds (a 304 comes back as
 * the stored body) without adding request headers, so that a cross-origin feed needs no CORS preflight. A module of
 * its own, beside the client rather than in revalidate.ts, which reads the answer: a feed's first request goes out
 * before that code has arrived.
 */
export const send = (url: string, accept = 'application/json'): Promise<Response> =>
  fetch(url, { cache: 'no-cache', credentials: 'omit', headers: { Accept: accept }, signal: AbortSignal.timeout(options.timeoutMs) });
