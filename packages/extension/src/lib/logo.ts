/**
 * A member's logo, fetched by the popup itself rather than by an `<img src>`: an image element follows redirects
 * wherever they lead, and would tell any host a logo's server redirects to that the popup was opened. Here a
 * redirect fails the request before the next host is contacted (`redirect: 'error'`), no cookie or referrer goes,
 * and only an image of a known type and a modest size is kept; the popup shows it from a `blob:` URL (the extension
 * pages' Content-Security-Policy allows images from the extension and `blob:` only, see build/manifest.js).
 *
 * The logo must be served like the feeds, with `Access-Control-Allow-Origin` (fsd-publish's host headers give one to
 * every file under feeds/ and logos/): the shipped extension has no host permission, so its pages read other origins through CORS.
 */

/** The image types a logo may have: raster or SVG (an SVG in an image is inert: no script, no outside request). */
const LOGO_TYPES = new Set(['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);
/** The largest logo taken, in bytes: a card shows it at 48 px; a real logo weighs a few kilobytes. */
export const MAX_LOGO_BYTES = 256 * 1024;

/** Why a logo is not shown: thrown by {@link fetchLogo}, printed by the popup. */
export class LogoError extends Error {
  override name = 'LogoError';
}

/** Fetches the logo at `url` (no redirect followed, no credentials, no referrer); resolves with the image. */
export async function fetchLogo(url: string, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors', signal });
  } catch (error) {
    // A redirect ends here too: the fetch fails before the other host is asked.
    throw new LogoError(`${url} could not be read, or it redirects elsewhere (${(error as Error).message}); a logo is read from its own address only`);
  }
  if (!response.ok) throw new LogoError(`${url}: the server answered HTTP ${response.status}`);
  const type = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!LOGO_TYPES.has(type)) {
    void response.body?.cancel();
    throw new LogoError(`${url} is not an image (${type || 'no Content-Type'}); a logo is SVG, PNG, JPEG, GIF, WebP or AVIF`);
  }
  const tooLarge = () => new LogoError(`${url} is larger than ${MAX_LOGO_BYTES / 1024} KB, the most a logo may weigh`);
  if (Number(response.headers.get('Content-Length')) > MAX_LOGO_BYTES) {
    void response.body?.cancel();
    throw tooLarge();
  }
  const blob = await response.blob();
  if (blob.size > MAX_LOGO_BYTES) throw tooLarge();
  return new Blob([blob], { type });
}
