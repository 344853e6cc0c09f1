import { normalizeHost } from '@frenchsouth-digital/feed';
import { isDevelopmentHost } from '@frenchsouth-digital/shared';

/** Host names and match patterns; no browser API here, so that unit tests run it in a plain page. */

/** The match pattern that covers one site (its host name exactly), for permissions and content scripts. */
export function sitePattern(host: string): string {
  return `*://${host}/*`;
}

export const ALL_SITES = '*://*/*';

/** The host of an http(s) page URL, normalised; `undefined` for other pages (about:, chrome:, file:, …). */
export function pageHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return normalizeHost(parsed.hostname) ?? parsed.hostname;
  } catch {
    return undefined;
  }
}

/**
 * The host of a URL the browser parsed itself (`location.hostname`, a link's `hostname`), as {@link pageHost} gives
 * it for the same URL: the browser already wrote it in lower-case ASCII, so only the trailing dots go. The content
 * script uses it instead of {@link pageHost}, whose full normalisation it does not need.
 */
export function parsedHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

/**
 * May a registry be followed at `url`? Only over https (a feed read in clear could be altered on the way, and would
 * tell the network which registries you follow), except on a development host (localhost, *.localhost, *.test, a
 * loopback address), which only ever reaches this machine.
 */
export function registryUrlAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isDevelopmentHost(parsed.hostname));
  } catch {
    return false;
  }
}
