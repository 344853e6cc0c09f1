/**
 * When a copy of a feed counts as published, to tell whether another replaces it. A feed's `updated` may be ahead of
 * the clocks of the readers by a few minutes; beyond that it is a mistake (a typo, "2062" for "2026"), and taking it
 * at its word would refuse every later correction as older, for good.
 */

/** How far ahead of its arrival a feed's `updated` is taken at its word. */
export const FUTURE_MARGIN_MS = 5 * 60_000;

/**
 * The instant the copy counts as published: its `updated`; or, when that is later than the copy's arrival
 * (`receivedAt`, ms since the epoch; 0 for a copy shipped with the code, whose arrival is unknown: then, now) by
 * more than {@link FUTURE_MARGIN_MS}, its arrival, so that any feed published since replaces it.
 */
export function publishedAt(updated: string, receivedAt: number): number {
  const at = Date.parse(updated);
  return at > (receivedAt || Date.now()) + FUTURE_MARGIN_MS ? receivedAt : at;
}
