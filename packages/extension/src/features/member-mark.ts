/**
 * Where the marks of members' links are drawn: one layer outside the page's flow, never inside a link.
 *
 * - One element, `<fsd-link-marks>`, appended to `<html>` after the page's `<body>`: `position: absolute` at the
 *   document's origin, no size, `pointer-events: none`. Its marks are placed in the document's own coordinates, in a
 *   group with layout containment (`contain: size layout style`), so the browser scrolls them with the page, on the
 *   compositor, in every engine: scrolling runs no script of ours and changes nothing in the layer. The containment
 *   keeps them out of the document's scrollable area: however far a mark is placed, the page neither widens nor
 *   lengthens, in Chromium and in Firefox. And the layer takes no click.
 * - Its shadow root (open: the page's CSS cannot reach into it, and the page's own scripts can see what it shows)
 *   holds one small dot per member link (up to a few thousand: see annotate-links.ts), placed from the link's boxes
 *   ({@link markPlacement}): in the line gap above the end of its last line box for links in running text, in the
 *   top right corner of the padding for block links, in the top right corner of the image for image links. Never
 *   over text: where a line has no gap (line-height: normal) and no space follows the link, an inline link gets no
 *   dot (only its description).
 * - Two sentinels (invisible, in a contained group of their own, so that moving them lays out no mark) cover the
 *   document above and below the part of it where marks are placed: an IntersectionObserver tells when the visitor
 *   has scrolled, or jumped, near or past either edge.
 * - The marks of links in a fixed or sticky box are in a group of their own, `position: fixed` and the size of the
 *   viewport (`contain: strict`, clipped), placed in viewport coordinates, again at each scroll.
 * - Screen readers: the layer's light DOM holds one hidden description per member (`<span id hidden>`, not slotted,
 *   so never rendered), which the marked links name with `aria-describedby`.
 */

/** The layer's element, the last child of `<html>`. */
export const LAYER_TAG = 'fsd-link-marks';

/** The largest dot in running text, in CSS pixels; smaller when the line gap is smaller, none under {@link MIN_DOT}. */
const DOT = 6;
const MIN_DOT = 3;
/** How far the lower sentinel reaches below the part of the document where marks are kept, in CSS pixels. */
const SENTINEL_BELOW = 10_000_000;
/** The dot in the corner of an image link or a block link. */
const CORNER_DOT = 10;
const CORNER_INSET = 3;

/**
 * The layer's styles, in a constructed style sheet adopted by its shadow root: no `style` attribute and no `<style>`
 * element, which a page's strict Content-Security-Policy (`style-src` without 'unsafe-inline') may block in Firefox.
 * The host rules are `!important`: for the shadow host, an important rule of its own shadow tree wins over the
 * page's, so the layer keeps out of the layout whatever the page's CSS says. The marks' positions are set through
 * the CSSOM (`element.style.marginLeft`), which no Content-Security-Policy blocks.
 */
const STYLE = `
:host {
  all: initial !important;
  direction: ltr !important;
  display: block !important;
  position: absolute !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  pointer-events: none !important;
  z-index: 2147483647 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  background: none !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
}
/*
 * Layout containment: what is inside adds nothing to the document's scrollable area (and is not clipped). With size
 * containment too, the group is where a layout for a change inside it starts: the page's own layout is not redone.
 * Marks are items of a one-cell grid, placed by their margins: adding one changes nothing outside the group (an
 * absolutely positioned child would have the page laid out again).
 */
.page,
.pinned {
  display: grid;
  grid-template: 0 / 0;
}
.page {
  position: absolute;
  top: 0;
  left: 0;
  width: 0;
  height: 0;
  contain: size layout style;
}
.pinned {
  position: fixed;
  inset: 0;
  overflow: hidden;
  contain: strict;
}
/* No layer of its own while no mark is pinned. */
.pinned:empty {
  display: none;
}
.sentinel {
  grid-area: 1 / 1;
  align-self: start;
  justify-self: start;
  width: 1px;
  visibility: hidden;
}
.mark {
  grid-area: 1 / 1;
  align-self: start;
  justify-self: start;
  box-sizing: border-box;
  border-radius: 50%;
  background: #d9620f;
}
.mark.corner {
  background: #e8772e;
  border: 2px solid #ffffff;
  box-shadow: 0 0 0 1px #0b5a87;
}
@media (prefers-color-scheme: dark) {
  .mark { background: #f59b54; }
  .mark.corner { border-color: #14212c; box-shadow: 0 0 0 1px #7cc7f2; }
}
@media (forced-colors: active) {
  .mark { background: Mark; forced-color-adjust: none; }
  .mark.corner { border-color: Canvas; box-shadow: 0 0 0 1px CanvasText; }
}`;

let sheet: CSSStyleSheet | undefined;

/**
 * Gives the layer's shadow root its styles. Firefox before 153 refuses an array from a content script assigned to
 * `adoptedStyleSheets` (bug 1751346) but takes a push; where neither works, a `<style>` element is the last resort.
 */
function adoptStyles(root: ShadowRoot): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    root.adoptedStyleSheets.push(sheet);
    if (root.adoptedStyleSheets.length) return;
  } catch {
    // Falls through to the <style> element.
  }
  const style = document.createElement('style');
  style.textContent = STYLE;
  root.prepend(style);
}

/** Where a mark goes, in viewport coordinates (CSS pixels): its top left corner and its diameter. */
export interface Placement {
  x: number;
  y: number;
  size: number;
  corner: boolean;
}

const range = document.createRange();
const hasText = (link: Element) => /\S/.test(link.textContent ?? '');

/**
 * Where the mark of `link` goes, from its boxes (layout reads only), or `undefined` when there is no place for it
 * that covers no text (or the link has no box).
 * - A link in running text (`display: inline`, with text): in the gap between its last line and the line above,
 *   right-aligned on the end of the link's last line box (of its content: `Range.getClientRects()`). On a line
 *   without a gap (`line-height: normal`), in the space that follows the link, if one does on the same line. The gap is the line height less the content area the text occupies (what
 *   `Range.getClientRects()` reports for its letters); the dot takes it less a pixel, at most 6 px, and none
 *   under 3 px.
 * - An image link (no text): the top right corner of its image (or its own box), inside it.
 * - Any other link (block, inline-block, flex…): the top right corner of its padding, when the padding holds the
 *   dot; else as a link in running text.
 */
export function markPlacement(link: HTMLAnchorElement): Placement | undefined {
  const style = getComputedStyle(link);
  if (style.visibility !== 'visible') return undefined;
  if (!hasText(link)) {
    const media = link.querySelector('img, svg, picture, video, canvas');
    const box = (media ?? link).getBoundingClientRect();
    if (box.width < CORNER_DOT + 2 * CORNER_INSET || box.height < CORNER_DOT + 2 * CORNER_INSET) return undefined;
    return { x: box.right - CORNER_INSET - CORNER_DOT, y: box.top + CORNER_INSET, size: CORNER_DOT, corner: true };
  }
  if (style.display !== 'inline') {
    const box = link.getBoundingClientRect();
    const top = parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth);
    const right = parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth);
    // In the padding above the text, or in the padding beside it: either keeps the dot off the text.
    const size = Math.min(CORNER_DOT, Math.floor(Math.max(top, right) - 2));
    if (size >= MIN_DOT && box.width > 2 * size) {
      const x = top >= right ? box.right - right - size : box.right - right + (right - size) / 2;
      const y = top >= right ? box.top + (top - size) / 2 : box.top + top;
      return { x, y, size, corner: false };
    }
  }
  // The boxes of the link's content (each line's content area: the letters' boxes), not of the link itself, whose
  // box is its whole line (or its border box) once it is a block.
  range.selectNodeContents(link);
  const rects = range.getClientRects();
  let last: DOMRect | undefined;
  for (let i = rects.length - 1; i >= 0; i--) {
    if (rects[i]!.width > 0) {
      last = rects[i];
      break;
    }
  }
  if (!last) return undefined;
  const lineHeight = parseFloat(style.lineHeight);
  const gap = lineHeight > 0 ? lineHeight - last.height : 0;
  const size = Math.min(DOT, Math.floor(gap - 1));
  if (size >= MIN_DOT) return { x: last.right - size, y: last.top - gap / 2 - size / 2, size, corner: false };
  return inSpaceAfter(link, last);
}

/**
 * A line without a gap (`line-height: normal`): the dot goes into the space that follows the link on the same line,
 * at the height of its capitals, if there is one wide enough; else nowhere.
 */
function inSpaceAfter(link: HTMLAnchorElement, last: DOMRect): Placement | undefined {
  const text = textAfter(link);
  if (!text || !/^[ \u00a0\u2009\u202f]/.test(text.data)) return undefined;
  range.setStart(text, 0);
  range.setEnd(text, 1);
  const space = range.getBoundingClientRect();
  const size = Math.min(DOT, Math.floor(space.width - 1));
  if (size < MIN_DOT || Math.abs(space.top - last.top) > 1 || space.left < last.right - 0.5) return undefined;
  return { x: space.left + (space.width - size) / 2, y: space.top + last.height * 0.2, size, corner: false };
}

/** The first non-empty text node after `link` and its descendants, in document order. */
function textAfter(link: Node): Text | null {
  let node: Node | null = link;
  while (node && !node.nextSibling) node = node.parentNode;
  if (!node) return null;
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let next: Node | null = node.nextSibling!;
  if (next.nodeType !== Node.TEXT_NODE) {
    walker.currentNode = next;
    next = walker.nextNode();
  }
  while (next && !(next as Text).data) {
    walker.currentNode = next;
    next = walker.nextNode();
  }
  return next as Text | null;
}

/** The layer's origin in the viewport (CSS pixels): the document's origin, or that of a positioned `<html>`. */
export interface Origin {
  x: number;
  y: number;
}

/** The layer: its element, its marks, and the descriptions that the marked links name. */
export class MarkLayer {
  readonly host: HTMLElement;
  readonly #root: ShadowRoot;
  /** The group of marks of links in fixed or sticky boxes, placed in viewport coordinates. */
  readonly #pinned: HTMLElement;
  /** The group of marks placed in the document. */
  readonly #page: HTMLElement;
  /** The sentinels over the document above and below the part of it where marks are kept. */
  readonly sentinels: readonly [HTMLElement, HTMLElement];
  /** label → the id of its hidden description in the layer's light DOM. */
  readonly #descriptions = new Map<string, string>();
  static #layers = 0;
  readonly #prefix: string;

  constructor() {
    this.host = document.createElement(LAYER_TAG);
    this.#root = this.host.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
    this.#pinned = document.createElement('div');
    this.#pinned.className = 'pinned';
    const sentinel = () => {
      const element = document.createElement('div');
      element.className = 'sentinel';
      return element;
    };
    this.sentinels = [sentinel(), sentinel()];
    this.#page = document.createElement('div');
    this.#page.className = 'page';
    // The sentinels in a group of their own: moving them lays out neither the page nor the marks.
    const edges = document.createElement('div');
    edges.className = 'page';
    edges.append(...this.sentinels);
    this.#root.append(edges, this.#page, this.#pinned);
    this.#prefix = `fsd-member-description-${Date.now().toString(36)}-${MarkLayer.#layers++}-`;
  }

  /** Puts the layer at the end of `<html>` (again, if the page took it away). */
  attach(): void {
    if (this.host.parentNode !== document.documentElement) document.documentElement.append(this.host);
  }

  /** The layer's origin, for the frame's writes (a layout read). */
  origin(): Origin {
    const box = this.host.getBoundingClientRect();
    return { x: box.left, y: box.top };
  }

  /** The id of the hidden description reading `label`, made on first use. */
  description(label: string): string {
    let id = this.#descriptions.get(label);
    if (!id) {
      id = `${this.#prefix}${this.#descriptions.size}`;
      const span = document.createElement('span');
      span.id = id;
      span.hidden = true;
      span.textContent = label;
      this.host.append(span);
      this.#descriptions.set(label, id);
    }
    return id;
  }

  /** Whether `token` is one of this layer's description ids. */
  isDescription(token: string): boolean {
    return token.startsWith(this.#prefix);
  }

  /** A new mark, not in the layer until it is {@link place}d. */
  createMark(member: string): HTMLElement {
    // Its class is written when it is placed.
    const mark = document.createElement('span');
    mark.dataset.member = member;
    mark.hidden = true;
    return mark;
  }

  /** What was last written to each mark: its group, class and offsets (read back through the DOM, they cost more). */
  readonly #written = new WeakMap<HTMLElement, { group: HTMLElement; corner: boolean; size: string; left: string; top: string }>();

  /**
   * Shows `mark` at `placement` (viewport coordinates), or hides it when there is none. With `origin` (read with
   * `placement`), the mark is placed in the document and scrolls with it; without, it goes into the group pinned to
   * the viewport (a link in a fixed or sticky box). Only what changed is written: a change in the layer has the page
   * painted again.
   */
  place(mark: HTMLElement, placement: Placement | undefined, origin?: Origin): void {
    if (!placement) {
      if (!mark.hidden) mark.hidden = true;
      return;
    }
    const group = origin ? this.#page : this.#pinned;
    // Margins in the group's grid, not transforms: a transform gives each mark a node of its own in the compositor's
    // property trees.
    const size = `${placement.size}px`;
    const left = `${placement.x - (origin?.x ?? 0)}px`;
    const top = `${placement.y - (origin?.y ?? 0)}px`;
    const written = this.#written.get(mark);
    if (written?.group !== group) group.append(mark);
    if (written?.corner !== placement.corner) mark.className = placement.corner ? 'mark corner' : 'mark';
    // Property by property (the CSSOM, which no Content-Security-Policy blocks).
    if (written?.size !== size) mark.style.width = mark.style.height = size;
    if (written?.left !== left) mark.style.marginLeft = left;
    if (written?.top !== top) mark.style.marginTop = top;
    this.#written.set(mark, { group, corner: placement.corner, size, left, top });
    if (mark.hidden) mark.hidden = false;
  }

  /**
   * Puts the sentinels over the document above `top` and below `bottom` (viewport coordinates, read with `origin`):
   * the first from the document's top (at least a pixel tall), the second far beyond its end.
   */
  placeSentinels(top: number, bottom: number, origin: Origin): void {
    const boxes = [
      [0, Math.max(1, Math.round(top - origin.y))],
      [Math.max(0, Math.round(bottom - origin.y)), SENTINEL_BELOW],
    ] as const;
    this.sentinels.forEach((sentinel, i) => {
      const [y, height] = boxes[i]!;
      if (sentinel.style.marginTop !== `${y}px`) sentinel.style.marginTop = `${y}px`;
      if (sentinel.style.height !== `${height}px`) sentinel.style.height = `${height}px`;
    });
  }

  remove(): void {
    this.host.remove();
  }
}
