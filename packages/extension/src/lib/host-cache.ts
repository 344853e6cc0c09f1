/**
 * What the content script remembers of the hosts it asked about: a map with a fixed cap that forgets the host
 * used longest ago (least recently used) to make room. A page can link to any number of distinct hosts (a
 * generated page, an infinite feed: 800,000 hosts took 23 MB before the cap); the cap keeps the memory of the
 * script in the page's tab at a few hundred kilobytes, and a host forgotten is only asked about again.
 */
export class HostCache<V> {
  readonly cap: number;
  readonly #entries = new Map<string, V>();
  /**
   * One iterator kept for the map's whole life, pointing at the oldest entry: a map iterator goes on over entries
   * added after it was made and skips deleted ones, so its next key is always the least recently used. A fresh
   * `keys().next()` for each eviction would step again over every deleted slot before it; SpiderMonkey keeps those
   * slots until it rehashes, which made 100,000 insertions take over 10 s in Firefox.
   */
  readonly #oldest = this.#entries.keys();

  constructor(cap: number) {
    if (!(Number.isInteger(cap) && cap > 0)) throw new RangeError(`HostCache: the cap must be a positive integer, not ${cap}`);
    this.cap = cap;
  }

  get size(): number {
    return this.#entries.size;
  }

  has(host: string): boolean {
    return this.#entries.has(host);
  }

  /** The value held for `host` (which becomes the most recently used), else `undefined`. */
  get(host: string): V | undefined {
    if (!this.#entries.has(host)) return undefined;
    const value = this.#entries.get(host)!;
    this.#entries.delete(host);
    this.#entries.set(host, value);
    return value;
  }

  /** Holds `value` for `host`, the most recently used; forgets the least recently used host past the cap. */
  set(host: string, value: V): void {
    this.#entries.delete(host);
    this.#entries.set(host, value);
    if (this.#entries.size > this.cap) this.#entries.delete(this.#oldest.next().value!);
  }
}
