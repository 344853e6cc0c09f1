/**
 * Link annotation, on the sites the user enabled: links to member sites get `data-fsd-member="<id>"` and a small
 * marker (member-mark.ts). No request, no page script: the feature asks the background which of the page's link
 * hosts are members (matching stays in the browser), and marks them.
 *
 * - Work happens off the critical path, in idle-time slices (requestIdleCallback, with a timeout so it always
 *   runs), and after the first pass only on nodes added to the page and links whose address changed
 *   (MutationObserver).
 * - {@link init} starts it; when its signal aborts, everything stops (observer, idle callbacks, pending work) and
 *   the marks and `data-fsd-member` attributes go.
 */
import { supportedLang } from '@fsd/shared';
import browser from '../lib/browser.js';
import { parsedHost } from '../lib/hosts.js';
import { HostCache } from '../lib/host-cache.js';
import { MAX_LOOKUP_HOSTS, send, type LinkMember } from '../lib/protocol.js';
import { messages } from '../ui/extension.messages.js';
import { MARK_TAG, addMark, markOf } from './member-mark.js';

/** The longest slice of work at a time, well under a frame, even when the browser offers a longer idle period. */
const SLICE_MS = 6;
const MEMBER = 'data-fsd-member';
/**
 * The most link hosts the script remembers (lib/host-cache.ts): a busy real page links a few hundred distinct
 * hosts, so none is ever asked about twice there, and the memory stays under a megabyte (about 150 bytes a host)
 * whatever a page holds.
 */
export const KNOWN_HOSTS_CAP = 5_000;

/** The next idle period (or a timeout, so that it always comes); rejects, and cancels the wait, once `signal` aborts. */
function idle(signal: AbortSignal): Promise<IdleDeadline | undefined> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    let cancel: () => void;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(done, { timeout: 250 });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(done, 0);
      cancel = () => clearTimeout(id);
    }
    function done(deadline?: IdleDeadline) {
      signal.removeEventListener('abort', stop);
      resolve(deadline);
    }
    function stop() {
      cancel();
      reject(signal.reason);
    }
    signal.addEventListener('abort', stop, { once: true });
  });
}

const slice = (deadline: IdleDeadline | undefined) => (deadline ? Math.min(Math.max(deadline.timeRemaining(), 2), SLICE_MS) : SLICE_MS);

function hostOf(link: HTMLAnchorElement): string | undefined {
  const protocol = link.protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return undefined;
  return parsedHost(link.hostname) || undefined;
}

function unmark(link: HTMLAnchorElement): void {
  if (!link.hasAttribute(MEMBER)) return;
  link.removeAttribute(MEMBER);
  markOf(link)?.remove();
}

/** Annotates the page's links until `signal` aborts; then removes every mark it added. */
export function init(signal: AbortSignal): void {
  if (signal.aborted) return;
  const lang = supportedLang(document.documentElement.lang) ?? supportedLang(browser.i18n.getUILanguage()) ?? 'fr';
  const text = messages[lang];
  /** host → member, or null when the background said it is not a member's; the hosts used last, up to the cap. */
  const known = new HostCache<LinkMember | null>(KNOWN_HOSTS_CAP);
  const queue: HTMLAnchorElement[] = [];
  let head = 0;
  let running = false;
  // Stops the work: when `signal` aborts, and when the extension goes away under the page (updated or disabled),
  // in which case the marks stay where they are.
  const work = new AbortController();

  function mark(link: HTMLAnchorElement, member: LinkMember): void {
    if (link.getAttribute(MEMBER) === member.id && markOf(link)) return;
    link.setAttribute(MEMBER, member.id);
    markOf(link)?.remove();
    addMark(link, text.linkMarker(member.name, member.registry));
  }

  /** Asks the background about `hosts`; records each answer in `found` (for the batch) and in the cache. */
  async function lookup(hosts: string[], found: Map<string, LinkMember | null>): Promise<void> {
    try {
      for (let start = 0; start < hosts.length; start += MAX_LOOKUP_HOSTS) {
        const asked = hosts.slice(start, start + MAX_LOOKUP_HOSTS);
        const answer = await send('lookup-hosts', { hosts: asked });
        for (const host of asked) {
          // Own entries only: a link to http://constructor/ names no member.
          const member = Object.hasOwn(answer.members, host) ? answer.members[host]! : null;
          found.set(host, member);
          known.set(host, member);
        }
      }
    } catch {
      // The extension was updated or disabled under the page: stop quietly.
      work.abort();
    }
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (head < queue.length) {
        const deadline = await idle(work.signal);
        const until = performance.now() + slice(deadline);
        // Reads: the links' hosts (URL parsing), as many as fit in the slice.
        const batch: HTMLAnchorElement[] = [];
        const hosts: (string | undefined)[] = [];
        // The answers for this batch's hosts, taken from the cache now or asked for: the cache may forget some of
        // them before the writes below (a batch with more new hosts than the cap holds).
        const found = new Map<string, LinkMember | null>();
        const unknown = new Set<string>();
        do {
          const link = queue[head++]!;
          const host = hostOf(link);
          if (host && !found.has(host)) {
            const member = known.get(host);
            if (member === undefined) unknown.add(host);
            else found.set(host, member);
          }
          batch.push(link);
          hosts.push(host);
        } while (head < queue.length && performance.now() < until);
        if (head === queue.length) queue.length = head = 0;
        if (unknown.size) await lookup([...unknown], found);
        // Writes in a slice of their own, so that a big batch of marks does not block a frame.
        let next = await idle(work.signal);
        let stop = performance.now() + slice(next);
        for (let i = 0; i < batch.length; i++) {
          if (performance.now() > stop) {
            next = await idle(work.signal);
            stop = performance.now() + slice(next);
          }
          const member = hosts[i] ? found.get(hosts[i]!) : undefined;
          if (member) mark(batch[i]!, member);
          else unmark(batch[i]!);
        }
      }
    } catch (error) {
      // Stopped while waiting for an idle period: nothing left to do.
      if (!work.signal.aborted) throw error;
    } finally {
      running = false;
    }
  }

  function collect(node: Node): void {
    if (!(node instanceof Element) || node.localName === MARK_TAG) return;
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) queue.push(node);
    if (node.firstElementChild) for (const link of node.querySelectorAll<HTMLAnchorElement>('a[href]')) queue.push(link);
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target instanceof HTMLAnchorElement) queue.push(record.target);
      } else {
        for (const node of record.addedNodes) collect(node);
      }
    }
    if (head < queue.length) void drain();
  });

  work.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      queue.length = head = 0;
    },
    { once: true },
  );
  signal.addEventListener(
    'abort',
    () => {
      work.abort();
      for (const link of document.querySelectorAll(`a[${MEMBER}]`)) link.removeAttribute(MEMBER);
      for (const node of document.querySelectorAll(`a > ${MARK_TAG}`)) node.remove();
    },
    { once: true },
  );

  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  collect(document.documentElement);
  void drain();
}
