import { normalizeHost } from '@fsd/feed';

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

/** Host names that only ever reach this machine: a registry may be read from them over plain http (development, tests). */
export function isLocalHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.+$/, '');
  return name === 'localhost' || name === '127.0.0.1' || name.endsWith('.localhost') || name.endsWith('.test');
}

/**
 * May a registry be followed at `url`? Only over https (a feed read in clear could be altered on the way, and would
 * tell the network which registries you follow), except on a local host: localhost, 127.0.0.1, *.localhost, *.test.
 */
export function registryUrlAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLocalHost(parsed.hostname));
  } catch {
    return false;
  }
}
