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
 * - Cost bounded by what the visitor sees: the links near the viewport are judged first, and their marks placed
 *   first, once per frame at most (requestAnimationFrame: layout reads, then writes), in document coordinates: the
 *   browser scrolls them with the page. A mark stays where it was placed until the page's layout moves its link; the
 *   rest of the page's marks are placed ahead, in idle time, once its layout is still (up to MAX_MARKS). Until then,
 *   the marks within a few viewports of the viewport (WATCHED_VIEWPORTS) are placed as that window moves (the
 *   layer's sentinels tell when). So once a page is marked, scrolling it runs no script of ours.
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
import { LAYER_TAG, MarkLayer, markPlacement, type Origin, type Placement } from './member-mark.js';

/** The longest slice of work at a time, well under a frame, even when the browser offers a longer idle period. */
const SLICE_MS = 6;
/**
 * The longest slice of the first pass, which looks for the links near the viewport among all the page's (a few
 * microseconds a link): once per page, half the long-task threshold, so that a page of 5,000 links takes one.
 */
const FIRST_PASS_MS = 25;
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
/**
 * The most marks kept in the layer. Below it, a mark placed stays, wherever the visitor scrolls, until the page's
 * layout moves its link: the marks of the rest of the page are placed ahead in idle time, so that a page that does not
 * change scrolls with no script of ours. Above it (a page of thousands of member links), the marks farthest from the
 * viewport are given up as the visitor moves.
 */
export const MAX_MARKS = 3_000;
/**
 * How long the page's layout must stay still before marks are placed ahead: a page that keeps changing (an infinite
 * feed, a ticker) would have them placed again and again for nothing; there, only the watched viewports get theirs.
 */
const QUIET_MS = 300;

/** What `link`'s boxes do to it: whether one pins it to the viewport, and the part of the viewport they show it in. */
interface Ancestry {
  /** In a box that does not scroll with the document (`position: fixed` or `sticky`, itself or an ancestor). */
  pinned: boolean;
  /**
   * The intersection of the boxes of its ancestors that clip their overflow (a carousel, a scroller, a collapsed
   * section; `<body>` and `<html>` left out), viewport coordinates; `undefined` when none does.
   */
  clip?: { left: number; top: number; right: number; bottom: number };
}

/** The link's {@link Ancestry} (style and layout reads only). */
function ancestry(link: Element): Ancestry {
  const found: Ancestry = { pinned: false };
  let fixed = false;
  for (let element: Element | null = link; element && element !== document.body && element !== document.documentElement; element = element.parentElement) {
    const style = getComputedStyle(element);
    if (style.position === 'fixed' || style.position === 'sticky') found.pinned = true;
    // The boxes above a fixed one do not clip it.
    if (element !== link && !fixed && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
      const box = element.getBoundingClientRect();
      const clip = (found.clip ??= { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity });
      if (style.overflowX !== 'visible') {
        clip.left = Math.max(clip.left, box.left);
        clip.right = Math.min(clip.right, box.right);
      }
      if (style.overflowY !== 'visible') {
        clip.top = Math.max(clip.top, box.top);
        clip.bottom = Math.min(clip.bottom, box.bottom);
      }
    }
    fixed ||= style.position === 'fixed';
  }
  return found;
}

/** `placement`, if its dot's centre lies within `clip` (what the link's ancestors show of it). */
function shownIn(placement: Placement | undefined, clip: Ancestry['clip']): Placement | undefined {
  if (!placement || !clip) return placement;
  const x = placement.x + placement.size / 2;
  const y = placement.y + placement.size / 2;
  return x >= clip.left && x <= clip.right && y >= clip.top && y <= clip.bottom ? placement : undefined;
}

/**
 * Waits for what `start` starts (it calls `done`, and returns how to cancel it); rejects, and cancels the wait, once
 * `signal` aborts.
 */
function wait<T>(start: (done: (value: T) => void) => () => void, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const cancel = start((value) => {
      signal.removeEventListener('abort', stop);
      resolve(value);
    });
    function stop() {
      cancel();
      reject(signal.reason);
    }
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** The next idle period (or a timeout, so that it always comes). */
const idle = (signal: AbortSignal) =>
  wait<IdleDeadline | undefined>((done) => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(done, { timeout: 250 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(done, 0);
    return () => clearTimeout(id);
  }, signal);

/** `ms` milliseconds. */
const pause = (ms: number, signal: AbortSignal) =>
  wait<void>((done) => {
    const id = setTimeout(done, ms);
    return () => clearTimeout(id);
  }, signal);

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
  /** Its mark in the layer, while it has one (see MAX_MARKS). */
  mark?: HTMLElement;
  /** Its top, bottom, left and right in the document, when it was last measured. */
  at?: readonly [number, number, number, number];
  /** The top and bottom of its dot in the document, while one is shown there. */
  dot?: readonly [number, number];
}

/** What a frame reads of a link before it writes its mark. */
interface Reading {
  link: HTMLAnchorElement;
  ancestry: Ancestry;
  /** Where its dot goes, if anywhere (within what its ancestors show). */
  placement?: Placement;
  /** Whether it has a box at all. */
  rendered: boolean;
}

/** The reads for the mark of `link` (layout reads only). */
function read(link: HTMLAnchorElement): Reading {
  const found = ancestry(link);
  const own = markPlacement(link);
  // A link with a place for its dot has a box; only the others are asked.
  return { link, ancestry: found, placement: shownIn(own, found.clip), rendered: !!own || link.getClientRects().length > 0 };
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
  /**
   * The page's links when the script started, not yet queued: the first pass takes them a slice at a time, so that
   * the task in which the page's parsing ends (DOMContentLoaded) holds no per-link work of ours (queueing 5,000 links
   * costs 7 to 13 ms). Its strong references last until the pass is done (a few slices); removed links are skipped.
   */
  let initial: Iterator<HTMLAnchorElement> | undefined;
  let running = false;
  /** The member links marked, and what was added to each. */
  const marked = new WeakMap<HTMLAnchorElement, Marked>();
  /**
   * Every marked link (until it is unmarked: removed links are at once, and a measure drops any left disconnected;
   * where each was last measured is in its {@link Marked} state), and the ones among them whose marks exist: those
   * within {@link WATCHED_VIEWPORTS} viewports of the viewport, those in fixed or sticky boxes, and those placed
   * ahead, up to {@link MAX_MARKS} in all.
   */
  const all = new Set<HTMLAnchorElement>();
  /** The measured links by their top, and the tallest one's height: the watched viewports are found by bisection. */
  let byTop: { link: HTMLAnchorElement; top: number; bottom: number }[] = [];
  let tallest = 0;
  const watched = new Set<HTMLAnchorElement>();
  /** The watched links whose marks are still to be placed (newly watched, or after a change that can move links). */
  const stale = new Set<HTMLAnchorElement>();
  /** The watched links in a fixed or sticky box: their marks are in the viewport's coordinates. */
  const pinned = new Set<HTMLAnchorElement>();
  /**
   * The watched links that can be shown or hidden without a change the script hears of: those without a box (not
   * rendered: a menu that opens), or once without one (a menu that closes again), and those in a box that clips
   * them (a carousel, a scroller). The observer tells when they come into view or leave it.
   */
  const observed = new Set<HTMLAnchorElement>();
  /** The links once seen without a box: they stay observed, so that a menu that closes takes its dots away. */
  const toggles = new WeakSet<HTMLAnchorElement>();
  /** Those of them that came into view, or left it, since the last frame: their marks are placed again. */
  const crossed = new Set<HTMLAnchorElement>();
  let watchedAt = Number.NaN;
  /**
   * Where the marks placed ahead ({@link placeAhead}) have got to: two indexes in `byTop`, going up and down from `y`,
   * the middle of the viewport when they started; a measure starts them again.
   */
  let ahead: { up: number; down: number; y: number } | undefined;
  /** Whether the viewport came near or past an edge of the watched viewports (a sentinel). */
  let edge = false;
  let remeasure = false;
  const layer = new MarkLayer();
  // Stops the work: when `signal` aborts, and when the extension goes away under the page (updated or disabled),
  // in which case the marks stay where they are.
  const work = new AbortController();

  /**
   * Two kinds of targets: the layer's sentinels, which the viewport meets half a viewport from where the watched
   * viewports were set; and the {@link observed} links. The other links are not observed: their marks stay right as
   * the page scrolls, and scrolling costs their observation nothing.
   */
  const viewport = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (layer.sentinels.includes(entry.target as HTMLElement)) edge ||= entry.isIntersecting;
        else if (observed.has(entry.target as HTMLAnchorElement)) crossed.add(entry.target as HTMLAnchorElement);
      }
      if (edge || crossed.size) schedule(false, false);
    },
    { rootMargin: NEAR_VIEWPORT },
  );

  /**
   * Places marks, once per frame at most: every layout read, then every write. Marks placed in the document stay
   * right while it scrolls; what is placed in a frame:
   * - after anything that can move links (the page's changes, a nested scroller, a resize, fonts): every watched mark
   *   in or near the viewport, the others when the watched viewports next move;
   * - when the watched viewports move: the marks of the links that enter them, and those left to place;
   * - links that came into view from having no box; and the marks pinned to the viewport, at each scroll.
   */
  let frame = 0;
  let relayout = false;
  /** When the page last changed in a way that can move links. */
  let changedAt = 0;
  /** `layout`: the marks are placed again; `measure`: so is where every marked link is in the document. */
  function schedule(layout = true, measure = layout): void {
    if (layout) changedAt = performance.now();
    relayout ||= layout;
    remeasure ||= measure;
    if (!frame && all.size && !work.signal.aborted) frame = requestAnimationFrame(draw);
  }
  /**
   * Where each marked link is in the document (layout reads only; disconnected links are let go). Returns the links
   * whose box is not where it was last measured.
   */
  function measureAll(): Set<HTMLAnchorElement> {
    byTop = [];
    tallest = 0;
    ahead = undefined;
    const moved = new Set<HTMLAnchorElement>();
    const x = scrollX;
    const y = scrollY;
    for (const link of all) {
      if (!link.isConnected) {
        unmark(link);
        continue;
      }
      const box = link.getBoundingClientRect();
      const state = marked.get(link)!;
      const at = [box.top + y, box.bottom + y, box.left + x, box.right + x] as const;
      const was = state.at;
      if (!was || was[0] !== at[0] || was[1] !== at[1] || was[2] !== at[2] || was[3] !== at[3]) moved.add(link);
      state.at = at;
      byTop.push({ link, top: at[0], bottom: at[1] });
      tallest = Math.max(tallest, at[1] - at[0]);
    }
    byTop.sort((a, b) => a.top - b.top);
    return moved;
  }
  /** The index in `byTop` of the first link whose top is within the tallest link's height above `y`, or after. */
  function firstFrom(y: number): number {
    let first = 0;
    for (let last = byTop.length; first < last; ) {
      const middle = (first + last) >> 1;
      if (byTop[middle]!.top < y - tallest) first = middle + 1;
      else last = middle;
    }
    return first;
  }
  /** The watched viewports around the viewport at `y`: document coordinates, top and bottom. */
  const watchedAround = (y: number, height: number) => [y - WATCHED_VIEWPORTS * height, y + (WATCHED_VIEWPORTS + 1) * height] as const;
  /** The viewport at `y` and half a viewport around it (the observer's margin): top and bottom. */
  const nearAround = (y: number, height: number) => [y - height / 2, y + 1.5 * height] as const;
  /**
   * Stops drawing the mark of `link` (far from the viewport past MAX_MARKS, unmarked, or marked again); returns the
   * mark, for the caller to take out of the layer (a write).
   */
  function unwatch(link: HTMLAnchorElement): HTMLElement | undefined {
    watched.delete(link);
    stale.delete(link);
    pinned.delete(link);
    if (observed.delete(link)) unobserve(link);
    crossed.delete(link);
    const state = marked.get(link);
    const mark = state?.mark;
    if (state) delete state.mark;
    return mark;
  }
  /**
   * Watches the marked links within WATCHED_VIEWPORTS viewports of the viewport, as last measured, and those in a
   * fixed or sticky box; the links that enter are to be placed. The others keep their marks, up to MAX_MARKS: past
   * it, the farthest from the viewport lose theirs. Returns the marks of those that left.
   */
  function watchNear(height: number): HTMLElement[] {
    watchedAt = scrollY;
    const [low, high] = watchedAround(scrollY, height);
    const wanted = new Set<HTMLAnchorElement>(pinned);
    for (let i = firstFrom(low); i < byTop.length && byTop[i]!.top <= high; i++) {
      const { link, bottom } = byTop[i]!;
      if (bottom >= low) wanted.add(link);
    }
    for (const link of wanted) {
      if (watched.has(link) || !all.has(link)) continue;
      watched.add(link);
      stale.add(link);
    }
    // Over the cap, the marks farthest from the viewport go: from either end of the document, inwards.
    const left: HTMLElement[] = [];
    const middle = scrollY + height / 2;
    for (let top = 0, bottom = byTop.length - 1; watched.size > MAX_MARKS && top <= bottom; ) {
      const { link } = middle - byTop[top]!.bottom >= byTop[bottom]!.top - middle ? byTop[top++]! : byTop[bottom--]!;
      if (wanted.has(link) || !watched.has(link)) continue;
      const mark = unwatch(link);
      if (mark) left.push(mark);
    }
    return left;
  }
  /** Writes the mark of a link from what was read of it (`origin` read with it). */
  function write({ link, ancestry: { pinned: inPinned, clip }, placement, rendered }: Reading, origin: Origin): void {
    const state = marked.get(link)!;
    stale.delete(link);
    if (inPinned) pinned.add(link);
    else pinned.delete(link);
    if (!rendered) toggles.add(link);
    if (rendered && !clip && !toggles.has(link)) {
      if (observed.delete(link)) unobserve(link);
    } else if (!observed.has(link)) {
      observed.add(link);
      viewport.observe(link);
    }
    state.mark ??= layer.createMark(state.member.id);
    layer.place(state.mark, placement, inPinned ? undefined : origin);
    state.dot = placement && !inPinned ? [placement.y - origin.y, placement.y - origin.y + placement.size] : undefined;
  }
  function draw(): void {
    frame = 0;
    layer.attach();
    // Every read first: the layer's origin, the scroll offset and the viewport's height (each forces a layout when
    // one is due, so none may follow a write).
    const origin = layer.origin();
    const height = innerHeight;
    const full = relayout;
    relayout = false;
    // `scrolled`: the watched viewports move because the viewport did; `moved`: they move, for any reason.
    const scrolled = !remeasure && (edge || Math.abs(scrollY - watchedAt) > height / 2);
    const moved = scrolled || remeasure;
    let shifted: Set<HTMLAnchorElement> | undefined;
    if (remeasure) {
      remeasure = false;
      shifted = measureAll();
    }
    const left = moved ? watchNear(height) : [];
    edge = false;
    // Whether the link, or the dot it has (placed before the link moved), lies between `low` and `high`.
    const spans = (link: HTMLAnchorElement, low: number, high: number) => {
      const { at, dot } = marked.get(link) ?? {};
      return !at || (at[0] <= high && at[1] >= low) || (!!dot && dot[0] <= high && dot[1] >= low);
    };
    // In or near the viewport (the observer's margin), as last measured.
    const nearViewport = (link: HTMLAnchorElement) => spans(link, ...nearAround(scrollY, height));
    // After a change that can move links, the marks near the viewport are placed again (those of the links there,
    // and those shown there), and the others whose link moved are, once the watched viewports reach them (or in idle
    // time).
    if (full) for (const link of watched) if (!shifted || shifted.has(link) || nearViewport(link)) stale.add(link);
    const [low, high] = watchedAround(scrollY, height);
    const links = new Set<HTMLAnchorElement>([...crossed, ...pinned]);
    crossed.clear();
    for (const link of stale) if (scrolled ? spans(link, low, high) : nearViewport(link)) links.add(link);
    const readings = [...links].filter((link) => link.isConnected && watched.has(link)).map(read);
    for (const mark of left) mark.remove();
    for (const reading of readings) write(reading, origin);
    followDocumentScroll(pinned.size > 0);
    if (stale.size || watched.size < Math.min(all.size, MAX_MARKS)) void placeAhead();
    // The sentinels, while observed: the viewport meets one (the observer's margin is half a viewport) once it is
    // half a viewport from where the watched viewports were set, or anywhere past that.
    if ((watchEdges() || moved) && edgesWatched) layer.placeSentinels(-height, 2 * height, origin);
  }

  /**
   * Observes the sentinels while there is something to place as the visitor scrolls: links without marks, or marks
   * left to place again. Once every mark is placed, the page scrolls with no observation of ours but that of the
   * {@link observed} links.
   */
  let edgesWatched = false;
  /** Returns whether the sentinels are observed from now on (and were not). */
  function watchEdges(): boolean {
    const needed = stale.size > 0 || watched.size < all.size;
    if (needed === edgesWatched) return false;
    edgesWatched = needed;
    for (const sentinel of layer.sentinels) {
      if (needed) viewport.observe(sentinel);
      else unobserve(sentinel);
    }
    return needed;
  }
  /**
   * Stops observing `target`; with no target left, the observer is disconnected (Chromium still computes each frame
   * for an observer whose targets were all unobserved).
   */
  function unobserve(target: Element): void {
    if (!edgesWatched && !observed.size) viewport.disconnect();
    else viewport.unobserve(target);
  }

  /**
   * The next marked link whose mark is to be placed again, or without a mark while there is room for `fresh` more,
   * nearest to the viewport first (as last measured), or `undefined`.
   */
  function nextAhead(fresh: number): HTMLAnchorElement | undefined {
    if (!ahead) {
      const y = scrollY + innerHeight / 2;
      const down = firstFrom(y);
      ahead = { up: down - 1, down, y };
    }
    while (ahead.up >= 0 || ahead.down < byTop.length) {
      const above = byTop[ahead.up];
      const below = byTop[ahead.down];
      const entry = below && (!above || below.top - ahead.y <= ahead.y - above.bottom) ? byTop[ahead.down++]! : byTop[ahead.up--]!;
      const { link } = entry;
      if (all.has(link) && (stale.has(link) || (!watched.has(link) && watched.size + fresh < MAX_MARKS))) return link;
    }
    return undefined;
  }

  /**
   * Places the marks of the rest of the page in idle time, nearest to the viewport first, a slice at a time (reads,
   * then writes), once the page's layout has been still for QUIET_MS, after the judging of links and between frames:
   * once it is done, scrolling a page that does not change places nothing.
   */
  let placingAhead = false;
  async function placeAhead(): Promise<void> {
    if (placingAhead) return;
    placingAhead = true;
    try {
      while (stale.size || watched.size < MAX_MARKS) {
        for (let still = performance.now() - changedAt; still < QUIET_MS; still = performance.now() - changedAt) await pause(QUIET_MS - still, work.signal);
        const deadline = await idle(work.signal);
        // A frame to draw, or links to judge, come first.
        if (frame || urgent.length || head < queue.length) continue;
        const until = performance.now() + slice(deadline) / 2;
        const origin = layer.origin();
        const readings: Reading[] = [];
        // Up to the cap: the links without a mark yet count towards it.
        let fresh = 0;
        for (let link = nextAhead(0); link; link = performance.now() < until ? nextAhead(fresh) : undefined) {
          if (!link.isConnected) continue;
          if (!watched.has(link)) fresh++;
          readings.push(read(link));
        }
        if (!readings.length) break;
        for (const reading of readings) {
          watched.add(reading.link);
          write(reading, origin);
        }
        followDocumentScroll(pinned.size > 0);
      }
      watchEdges();
    } catch (error) {
      if (!work.signal.aborted) throw error;
    } finally {
      placingAhead = false;
    }
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
    // A link marked again (for another member) is watched afresh: its mark is made and placed anew.
    if (state) unwatch(link)?.remove();
    marked.set(link, { member, description });
    // A link already in view keeps its place there, and gets its new mark once it is measured and watched.
    all.add(link);
    schedule();
  }

  /** Takes away what the script added to `link`: its attribute, its description, its mark, its observation. */
  function unmark(link: HTMLAnchorElement): void {
    const state = marked.get(link);
    if (state) {
      unwatch(link)?.remove();
      marked.delete(link);
      all.delete(link);
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
  const near = (box: DOMRect) => {
    const [low, high] = nearAround(0, innerHeight);
    return box.bottom >= low && box.top <= high && box.width + box.height > 0;
  };

  /**
   * The first pass: the links of the page in or near the viewport go first (layout reads only, once laid out). It
   * looks at the queue, and queues the page's {@link initial} links as it goes, until `until`, and goes on from there
   * at the next slice (a page of 50,000 links takes ten).
   */
  let scanned = 0;
  function visibleFirst(until: number): void {
    scanned = Math.max(scanned, head);
    for (let count = 0; ; count++) {
      if ((count & 63) === 0 && performance.now() > until) return;
      if (scanned < queue.length) {
        const link = queue[scanned]!.deref();
        if (link && near(link.getBoundingClientRect())) urgent.push(queue[scanned]!);
        scanned++;
        continue;
      }
      const next = initial?.next();
      if (!next || next.done) break;
      if (next.value.isConnected) add(next.value, false);
    }
    initial = undefined;
    firstPass = false;
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
      while (urgent.length || head < queue.length || initial) {
        const deadline = await idle(work.signal);
        const until = performance.now() + slice(deadline);
        // Those it found are judged before it goes on.
        if (firstPass && !urgent.length) {
          // The page's own layout, when one is due (the first read has it done), is not counted in the pass's slice.
          document.documentElement.getBoundingClientRect();
          visibleFirst(performance.now() + FIRST_PASS_MS);
        }
        // Until the first pass has seen every link, only those it found near the viewport are judged.
        const more = () => urgent.length > 0 || (!firstPass && head < queue.length);
        if (!more()) continue;
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
        } while (more() && performance.now() < until);
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
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) add(node, first);
    if (node.firstElementChild) for (const link of node.querySelectorAll<HTMLAnchorElement>('a[href]')) add(link, first);
  }

  /** A link found in the page: a marked one (moved, or a clone with copied attributes) is judged at once. */
  function add(link: HTMLAnchorElement, first: boolean): void {
    if (link.hasAttribute(MEMBER) || marked.has(link)) judgeNow(link);
    else enqueue(link, first);
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
  // A nested scroller's scroll moves its links against the document: every mark is placed again (a capturing
  // listener on <html> hears every element's scroll, and not the document's). The document's own scroll moves the
  // marks with it: it is listened to only while marks are pinned to the viewport (the watched viewports move by the
  // sentinels).
  document.documentElement.addEventListener('scroll', () => schedule(true), listening);
  let documentScroll: AbortController | undefined;
  function followDocumentScroll(on: boolean): void {
    if (on === !!documentScroll || work.signal.aborted) return;
    if (on) {
      documentScroll = new AbortController();
      addEventListener(
        'scroll',
        (event) => {
          if (event.target === document) schedule(false, false);
        },
        { passive: true, signal: documentScroll.signal },
      );
    } else {
      documentScroll!.abort();
      documentScroll = undefined;
    }
  }
  addEventListener('resize', reflow, { passive: true, signal: work.signal });
  document.fonts?.addEventListener('loadingdone', reflow, { signal: work.signal });
  const resized = new ResizeObserver(reflow);
  resized.observe(document.documentElement);

  work.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      viewport.disconnect();
      documentScroll?.abort();
      resized.disconnect();
      cancelAnimationFrame(frame);
      queue.length = urgent.length = head = 0;
      initial = undefined;
      for (const set of [all, watched, stale, pinned, observed, crossed]) set.clear();
      byTop = [];
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
  watchEdges();
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  initial = document.querySelectorAll<HTMLAnchorElement>('a[href]').values();
  void drain();
}
