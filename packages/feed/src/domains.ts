const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/**
 * A host already written the way the browser writes it (lower-case ASCII labels, no trailing dot, a last label
 * that starts with a letter so it cannot be an IPv4 number, no punycode to check): returned as is, without the
 * URL parser, which is most of the cost of a lookup. Anything else takes the full path below.
 */
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A host as the browser would write it: lower case, ASCII (IDNA), without port, brackets or trailing dots.
 * Returns `undefined` for anything that is not a DNS name (IP addresses included).
 */
export function normalizeHost(input: string): string | undefined {
  if (PLAIN_HOST.test(input) && !input.includes('xn--')) return input;
  let host = input.trim();
  if (host === '' || /[\s/\\@?#]/.test(host)) return undefined;
  try {
    host = new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/\.+$/, '');
  if (host === '' || host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host)) return undefined;
  const labels = host.split('.');
  return labels.every((label) => HOST_LABEL.test(label)) ? host : undefined;
}

/** Finds the member that owns a host: `www.kaliop.com` and `blog.kaliop.com` belong to the owner of `kaliop.com`. */
export class DomainIndex<T> {
  readonly #owners = new Map<string, T>();

  /** Returns the previous owner when the domain was already taken (the first owner keeps it). */
  add(domain: string, owner: T): T | undefined {
    const previous = this.#owners.get(domain);
    if (previous !== undefined) return previous;
    this.#owners.set(domain, owner);
    return undefined;
  }

  /** The owner of `host` or of its closest parent domain. `host` may carry a port, upper case, or a trailing dot. */
  lookup(host: string): T | undefined {
    const normalized = normalizeHost(host);
    if (!normalized) return undefined;
    let candidate = normalized;
    for (;;) {
      const owner = this.#owners.get(candidate);
      if (owner !== undefined) return owner;
      const dot = candidate.indexOf('.');
      if (dot < 0) return undefined;
      candidate = candidate.slice(dot + 1);
    }
  }

  get size(): number {
    return this.#owners.size;
  }
}
