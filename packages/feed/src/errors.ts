/** Why a feed could not be used at all. */
export const FeedErrorKind = {
  Network: 'network',
  Timeout: 'timeout',
  Http: 'http',
  NotJson: 'not-json',
  Version: 'version',
  Invalid: 'invalid',
  /** The server sent a feed published before the copy held, which was kept. */
  Older: 'older',
  /** The feed is larger than a reader takes (`maxBytes`): it was not read whole. */
  TooLarge: 'too-large',
  /** The server redirected the feed where a reader does not follow (https to http; elsewhere, for the extension). */
  Redirect: 'redirect',
  /** A signature by a pinned key does not match the feed's bytes: altered. */
  BadSignature: 'bad-signature',
  /** Signed, but by no pinned key, where the cluster's signature is required. */
  UnknownKey: 'unknown-key',
  /** The signed feed's `expires` has passed: a stale copy replayed. */
  Expired: 'expired',
  /** Not signed, where the cluster's signature is required (the cluster's own feed URLs). */
  Unsigned: 'unsigned',
} as const;
export type FeedErrorKind = (typeof FeedErrorKind)[keyof typeof FeedErrorKind];

export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  readonly url: string;

  constructor(kind: FeedErrorKind, url: string, message: string) {
    super(`${url}: ${message}`);
    this.name = 'FeedError';
    this.kind = kind;
    this.url = url;
  }
}
