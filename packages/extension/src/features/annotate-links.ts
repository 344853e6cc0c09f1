/**
 * Link annotation, on the sites the user enabled: links to member sites get `data-fsd-member="<id>"`, a description
 * for screen readers (`aria-describedby`) and a small mark drawn in a layer outside the page's flow
 * (member-mark.ts). No request, no page script: the feature asks the background which of the page's link hosts are
 * members (matching stays in the browser), and marks them.
 *
 * - Nothing is inserted into a link or the page's flow: the page's layout does not move by a pixel.
 * - What the script knows of a link lives in a WeakMap keyed by the link, never in the page's DOM alone: a clone of
 *   a marked link (which copies its attributes) is judged again once it is in the page, before it is painted.
 * - An `href` that changes is judged again before the next paint (a MutationObserver callback runs before it): at
 *   once from the hosts already known, else the link loses its mark until the background answers.
 * - Removed links are dropped at once from the observers and the drawn marks; the queue of links to judge holds
 *   them weakly (WeakRef), so a page that removes links faster than they are judged keeps no detached node alive.
 * - Cost bounded by what the visitor sees: marks exist only for member links within a few viewports of the
 *   viewport (WATCHED_VIEWPORTS), placed once per frame at most (requestAnimationFrame: layout reads, then writes),
 *   in document coordinates: scrolling the page moves them as one group, and they are placed ahead, when that
 *   window moves, so that a scroll within half a viewport writes nothing to the layer.
 *   The judging of links happens in idle-time slices of at most 6 ms.
 * - {@link init} starts it; when its signal aborts, everything stops (observers, idle callbacks, pending work) and
 *   the layer, the `data-fsd-member` attributes and the descriptions go.
 */
import { supportedLang } from '@frenchsouth-digital/shared';
import browser from '../lib/browser.js';
import { parsedHost } from '../lib/hosts.js';
import { HostCache } from '../lib/host-cache.js';
import { MAX_LOOKUP_HOSTS, send, type LinkMember } from '../lib/protocol.js';
import { messages } from '../ui/extension.messages.js';
import { LAYER_TAG, MarkLayer, markPlacement, scrollMax } from './member-mark.js';

/** The longest slice of work at a time, well under a frame, even when the browser offers a longer idle period. */
const SLICE_MS = 6;
const MEMBER = 'data-fsd-member';
const DESCRIBED = 'aria-describedby';
/**
 * The most link hosts the script remembers (lib/host-cache.ts): a busy real page links a few hundred distinct
 * hosts, so none is ever asked about twice there, and the memory stays under a megabyte (about 150 bytes a host)
 * whatever a page holds.
 */
export const KNOWN_HOSTS_CAP = 5_000;
/** How far beyond the viewport marks are drawn ahead of scrolling. */
const NEAR_VIEWPORT = '50% 0px';
/** How far, in viewports above and below it, the marked links are watched for coming into view. */
const WATCHED_VIEWPORTS = 2;

/** Whether `link` is in a box that does not scroll with the document (`position: fixed` or `sticky`). */
function inPinnedBox(link: Element): boolean {
  for (let element: Element | null = link; element; element = element.parentElement) {
    const { position } = getComputedStyle(element);
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

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

/** What the script knows of a member link it marked. */
interface Marked {
  member: LinkMember;
  /** The description id it added to the link's `aria-describedby`. */
  description: string;
  /** Its mark in the layer, while the link is within the watched viewports. */
  mark?: HTMLElement;
  /** The link's box in the document when its mark was placed there (links that scroll with the document). */
  at?: { x: number; y: number; width: number; height: number };
}

/** Whether `box` (viewport coordinates, read at scroll offset `scroll`) is still the box `at` (document coordinates). */
function stillAt(box: DOMRectReadOnly, scroll: { x: number; y: number }, at: NonNullable<Marked['at']>): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 0.5;
  return near(box.left + scroll.x, at.x) && near(box.top + scroll.y, at.y) && near(box.width, at.width) && near(box.height, at.height);
}

/** Annotates the page's links until `signal` aborts; then removes every mark it added. */
export function init(signal: AbortSignal): void {
  if (signal.aborted) return;
  const lang = supportedLang(document.documentElement.lang) ?? supportedLang(browser.i18n.getUILanguage()) ?? 'fr';
  const text = messages(lang);
  /** host → member, or null when the background said it is not a member's; the hosts used last, up to the cap. */
  const known = new HostCache<LinkMember | null>(KNOWN_HOSTS_CAP);
  /**
   * Links waiting to be judged, held weakly; `waiting` keeps each in a queue once. Links in or near the viewport
   * when they were added (`urgent`) are judged before the others.
   */
  const queue: WeakRef<HTMLAnchorElement>[] = [];
  const urgent: WeakRef<HTMLAnchorElement>[] = [];
  const waiting = new WeakSet<HTMLAnchorElement>();
  let head = 0;
  let firstPass = true;
  let running = false;
  /** The member links marked, and what was added to each. */
  const marked = new WeakMap<HTMLAnchorElement, Marked>();
  /** The marked links in or near the viewport (IntersectionObserver). Marks are drawn for every watched link. */
  const visible = new Set<HTMLAnchorElement>();
  /**
   * Every marked link (until it is unmarked: removed links are at once, and a measure drops any left disconnected),
   * with where it was last measured in the document, and the ones among them that the IntersectionObserver
   * watches: those within {@link WATCHED_VIEWPORTS} viewports of the viewport. An observer over every marked link
   * cost 3 ms a frame while scrolling a page of 1,256 of them.
   */
  const all = new Set<HTMLAnchorElement>();
  let measured: { link: HTMLAnchorElement; top: number; bottom: number }[] = [];
  const watched = new Set<HTMLAnchorElement>();
  let watchedAt = Number.NaN;
  let remeasure = false;
  const layer = new MarkLayer();
  // Stops the work: when `signal` aborts, and when the extension goes away under the page (updated or disabled),
  // in which case the marks stay where they are.
  const work = new AbortController();

  const viewport = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const link = entry.target as HTMLAnchorElement;
        const state = marked.get(link);
        if (!state || !link.isConnected) {
          viewport.unobserve(link);
          watched.delete(link);
          visible.delete(link);
          continue;
        }
        if (entry.isIntersecting) {
          visible.add(link);
          // Placed ahead, where the link still is: nothing to do.
          const placed = state.mark && !state.mark.hidden && state.at;
          if (!placed || !stillAt(entry.boundingClientRect, { x: scrollX, y: scrollY }, placed)) fresh.add(link);
        } else {
          // Its mark stays, clipped by the layer, until the link leaves the watched viewports (watchNear): a mark
          // taken out and put back as links cross the margin changed the layer, hence a paint, at every frame.
          visible.delete(link);
        }
      }
      // Only the links that came into view need a mark placed: the others' marks have not moved in the document.
      if (fresh.size) schedule(false, false);
    },
    { rootMargin: NEAR_VIEWPORT },
  );

  /**
   * Places the marks of the visible links, once per frame at most: every layout read, then every write. A scroll
   * of the document alone moves the group of document-placed marks and re-places only the marks of links in fixed
   * or sticky boxes; anything else that can move links (a nested scroller, a resize, fonts, the page's changes, links
   * coming into view) re-places every visible mark.
   */
  let frame = 0;
  let relayout = false;
  /** The horizontal scroll offset at the last placement. */
  let drawnX = 0;
  /** The visible links in a fixed or sticky box, as of the last full placement. */
  let pinned: HTMLAnchorElement[] = [];
  /** The links that came into view since the last frame: their marks are still to be placed. */
  const fresh = new Set<HTMLAnchorElement>();
  /** `layout`: the visible marks are placed again; `measure`: so is where every marked link is in the document. */
  function schedule(layout = true, measure = layout): void {
    relayout ||= layout;
    remeasure ||= measure;
    if (!frame && all.size && !work.signal.aborted) frame = requestAnimationFrame(draw);
  }
  /** Where each marked link is in the document (layout reads only; disconnected links are let go). */
  function measureAll(): void {
    measured = [];
    for (const link of all) {
      if (!link.isConnected) {
        unmark(link);
        continue;
      }
      const box = link.getBoundingClientRect();
      measured.push({ link, top: box.top + scrollY, bottom: box.bottom + scrollY });
    }
  }
  /**
   * Watches the marked links within WATCHED_VIEWPORTS viewports of the viewport, as last measured, and those in a
   * fixed or sticky box, and no other.
   */
  function watchNear(): void {
    watchedAt = scrollY;
    const low = scrollY - WATCHED_VIEWPORTS * innerHeight;
    const high = scrollY + (WATCHED_VIEWPORTS + 1) * innerHeight;
    const wanted = new Set<HTMLAnchorElement>();
    for (const { link, top, bottom } of measured) if (top <= high && bottom >= low) wanted.add(link);
    // A link in a fixed or sticky box stays in view whatever its place in the document says.
    for (const link of pinned) if (all.has(link)) wanted.add(link);
    for (const link of watched) {
      if (wanted.has(link)) continue;
      viewport.unobserve(link);
      watched.delete(link);
      visible.delete(link);
      const state = marked.get(link);
      state?.mark?.remove();
      if (state) delete state.mark;
    }
    for (const link of wanted) {
      if (watched.has(link)) continue;
      viewport.observe(link);
      watched.add(link);
    }
  }
  function draw(): void {
    frame = 0;
    layer.attach();
    const scroll = { x: scrollX, y: scrollY };
    const maxY = layer.followsScroll ? scrollMax() : 0;
    drawnX = scroll.x;
    let ahead = true;
    if (remeasure) {
      remeasure = false;
      measureAll();
      watchNear();
    } else if (Math.abs(scroll.y - watchedAt) > innerHeight / 2) watchNear();
    else ahead = false;
    // Every visible link after a change that can move links; else those that came into view, and the pinned ones.
    // When the watched viewports move, every watched link too: the marks are then in place before their links
    // scroll into view, and a scroll within half a viewport writes nothing to the layer.
    const full = relayout;
    relayout = false;
    const shown = full ? [...visible] : [...new Set([...fresh, ...pinned])].filter((link) => visible.has(link));
    const links = ahead ? [...new Set([...shown, ...watched])] : shown;
    fresh.clear();
    const moves = links.map((link) => link.isConnected && !inPinnedBox(link));
    const placements = links.map((link) => (link.isConnected ? markPlacement(link) : undefined));
    const boxes = links.map((link, i) => (moves[i] ? link.getBoundingClientRect() : undefined));
    const nowPinned = links.filter((link, i) => link.isConnected && !moves[i]);
    pinned = full ? nowPinned : [...new Set([...pinned.filter((link) => visible.has(link)), ...nowPinned])];
    links.forEach((link, i) => {
      const state = marked.get(link);
      if (!state || !link.isConnected) {
        visible.delete(link);
        return;
      }
      state.mark ??= layer.createMark(state.member.id);
      layer.place(state.mark, placements[i], moves[i] ? scroll : undefined);
      const box = boxes[i];
      if (box && placements[i]) state.at = { x: box.left + scroll.x, y: box.top + scroll.y, width: box.width, height: box.height };
      else delete state.at;
    });
    layer.scrollTo(scroll.x, scroll.y, maxY);
  }

  function describedBy(link: HTMLAnchorElement): string[] {
    return (link.getAttribute(DESCRIBED) ?? '').split(/\s+/).filter(Boolean);
  }

  function mark(link: HTMLAnchorElement, member: LinkMember): void {
    const state = marked.get(link);
    if (state?.member.id === member.id && state.member.registry === member.registry && link.getAttribute(MEMBER) === member.id) return;
    const description = layer.description(text.linkMarker(member.name, member.registry));
    const tokens = describedBy(link).filter((token) => !layer.isDescription(token));
    link.setAttribute(DESCRIBED, [...tokens, description].join(' '));
    link.setAttribute(MEMBER, member.id);
    state?.mark?.remove();
    marked.set(link, { member, description });
    // A link already in view keeps its place there, and gets its new mark once it is measured and watched.
    all.add(link);
    schedule();
  }

  /** Takes away what the script added to `link`: its attribute, its description, its mark, its observation. */
  function unmark(link: HTMLAnchorElement): void {
    const state = marked.get(link);
    if (state) {
      state.mark?.remove();
      marked.delete(link);
      visible.delete(link);
      all.delete(link);
      watched.delete(link);
      viewport.unobserve(link);
    }
    if (link.hasAttribute(MEMBER)) link.removeAttribute(MEMBER);
    const tokens = describedBy(link);
    if (tokens.some((token) => layer.isDescription(token))) {
      const kept = tokens.filter((token) => !layer.isDescription(token));
      if (kept.length) link.setAttribute(DESCRIBED, kept.join(' '));
      else link.removeAttribute(DESCRIBED);
    }
  }

  function enqueue(link: HTMLAnchorElement, first = false): void {
    if (waiting.has(link)) return;
    waiting.add(link);
    (first ? urgent : queue).push(new WeakRef(link));
  }

  /** Whether `box` is in the viewport or within half a viewport of it. */
  const near = (box: DOMRect) => box.bottom >= -innerHeight / 2 && box.top <= innerHeight * 1.5 && box.width + box.height > 0;

  /** The first pass: the links of the page in or near the viewport go first (layout reads only, once laid out). */
  function visibleFirst(): void {
    firstPass = false;
    for (let i = head; i < queue.length; i++) {
      const link = queue[i]!.deref();
      if (link && near(link.getBoundingClientRect())) urgent.push(queue[i]!);
    }
  }

  /**
   * Judges `link` now from the hosts already known (marked, or unmarked if it is not a member's); a link whose host
   * is not known yet loses any mark it carries and waits for the background's answer.
   */
  function judgeNow(link: HTMLAnchorElement): void {
    const host = hostOf(link);
    const member = host ? known.get(host) : null;
    if (member) mark(link, member);
    else unmark(link);
    if (member === undefined) enqueue(link);
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
      while (urgent.length || head < queue.length) {
        const deadline = await idle(work.signal);
        if (firstPass) visibleFirst();
        const until = performance.now() + slice(deadline);
        // Reads: the links' hosts (URL parsing), as many as fit in the slice.
        const batch: HTMLAnchorElement[] = [];
        // The answers for this batch's hosts, taken from the cache now or asked for: the cache may forget some of
        // them before the writes below (a batch with more new hosts than the cap holds).
        const found = new Map<string, LinkMember | null>();
        const unknown = new Set<string>();
        do {
          const link = (urgent.length ? urgent.pop() : queue[head++])!.deref();
          // Gone, or already judged from the urgent queue.
          if (!link || !waiting.has(link)) continue;
          waiting.delete(link);
          // Removed from the page meanwhile: judged again if it comes back (MutationObserver).
          if (!link.isConnected) continue;
          const host = hostOf(link);
          if (host && !found.has(host)) {
            const member = known.get(host);
            if (member === undefined) unknown.add(host);
            else found.set(host, member);
          }
          batch.push(link);
        } while ((urgent.length || head < queue.length) && performance.now() < until);
        if (head === queue.length) queue.length = head = 0;
        if (unknown.size) await lookup([...unknown], found);
        // Writes in a slice of their own (attributes only: the marks are drawn per frame, for the visible links).
        let next = await idle(work.signal);
        let stop = performance.now() + slice(next);
        for (const link of batch) {
          if (performance.now() > stop) {
            next = await idle(work.signal);
            stop = performance.now() + slice(next);
          }
          // Changed or removed while the background answered: judged again from its own record.
          if (!link.isConnected || waiting.has(link)) continue;
          const host = hostOf(link);
          const member = host ? (found.get(host) ?? known.get(host)) : null;
          if (member) mark(link, member);
          else if (member === null) unmark(link);
          else enqueue(link);
        }
      }
    } catch (error) {
      // Stopped while waiting for an idle period: nothing left to do.
      if (!work.signal.aborted) throw error;
    } finally {
      running = false;
    }
  }

  /**
   * Links added to the page: a marked one (moved, or a clone with copied attributes) is judged at once; the others
   * wait, first if what was added is in or near the viewport (one layout read for what was added).
   */
  function collect(node: Node): void {
    if (!(node instanceof Element) || node.localName === LAYER_TAG) return;
    const first = !firstPass && near(node.getBoundingClientRect());
    const add = (link: HTMLAnchorElement) => (link.hasAttribute(MEMBER) || marked.has(link) ? judgeNow(link) : enqueue(link, first));
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) add(node);
    if (node.firstElementChild) for (const link of node.querySelectorAll<HTMLAnchorElement>('a[href]')) add(link);
  }

  /** Links taken out of the page: unmarked and unobserved at once, so that nothing of the script holds them. */
  function drop(node: Node): void {
    if (!(node instanceof Element) || node.localName === LAYER_TAG || node.isConnected) return;
    if (node instanceof HTMLAnchorElement) unmark(node);
    if (node.firstElementChild) for (const link of node.querySelectorAll<HTMLAnchorElement>(`a[${MEMBER}]`)) unmark(link);
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        const link = record.target;
        if (link instanceof HTMLAnchorElement && link.isConnected) {
          if (marked.has(link) || link.hasAttribute(MEMBER)) judgeNow(link);
          else enqueue(link);
        }
      } else {
        for (const node of record.removedNodes) drop(node);
        for (const node of record.addedNodes) if (node.isConnected) collect(node);
      }
    }
    schedule();
    if (urgent.length || head < queue.length) void drain();
  });

  const reflow = () => schedule();
  const listening = { capture: true, passive: true, signal: work.signal };
  // A nested scroller's scroll moves its links against the document: every mark is placed again. The document's own
  // scroll moves the marks' group: a frame is drawn for it only when there is something to write (the group where
  // the engine does not move it, marks in fixed or sticky boxes, the watched viewports to move, a horizontal scroll).
  addEventListener(
    'scroll',
    (event) => {
      if (event.target !== document) schedule(true);
      else if (!layer.followsScroll || pinned.length || scrollX !== drawnX || Math.abs(scrollY - watchedAt) > innerHeight / 2) schedule(false);
    },
    listening,
  );
  addEventListener('resize', reflow, { passive: true, signal: work.signal });
  document.fonts?.addEventListener('loadingdone', reflow, { signal: work.signal });
  const resized = new ResizeObserver(reflow);
  resized.observe(document.documentElement);

  work.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      viewport.disconnect();
      resized.disconnect();
      cancelAnimationFrame(frame);
      queue.length = urgent.length = head = 0;
      visible.clear();
      fresh.clear();
      all.clear();
      watched.clear();
      measured = [];
    },
    { once: true },
  );
  signal.addEventListener(
    'abort',
    () => {
      work.abort();
      for (const link of document.querySelectorAll<HTMLAnchorElement>(`a[${MEMBER}], a[${DESCRIBED}]`)) unmark(link);
      layer.remove();
    },
    { once: true },
  );

  layer.attach();
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  collect(document.documentElement);
  void drain();
}
