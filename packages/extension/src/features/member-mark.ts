/**
 * The marker a member's link gets: a small dot, absolutely positioned at the end of the link, inside a closed shadow
 * root, so that the page's CSS cannot reach it and the page's layout does not move; the link's text is unchanged.
 */

/** The marker's element, a child of the link. */
export const MARK_TAG = 'fsd-member-mark';

/**
 * The marker's styles, in a constructed style sheet adopted by its shadow root: no `style` attribute and no `<style>`
 * element, which a page's strict Content-Security-Policy (`style-src` without 'unsafe-inline') may block in Firefox.
 * The host rules are `!important`: for the shadow host, an important rule of its own shadow tree wins over the
 * page's, so the host keeps out of the layout whatever the page's CSS says.
 */
const STYLE = `
:host {
  all: initial !important;
  position: absolute !important;
  display: inline !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  pointer-events: none !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
}
span {
  position: absolute;
  inset-block-start: 0.05em;
  inset-inline-start: -0.1em;
  inline-size: 0.6em;
  block-size: 0.6em;
  min-inline-size: 7px;
  min-block-size: 7px;
  border-radius: 50%;
  background: #e8772e;
  box-shadow: 0 0 0 1.5px #ffffff, 0 0 0 2.5px #0b5a87;
  pointer-events: auto;
}
@media (prefers-color-scheme: dark) {
  span { background: #f59b54; box-shadow: 0 0 0 1.5px #14212c, 0 0 0 2.5px #7cc7f2; }
}
@media (forced-colors: active) {
  span { background: Mark; box-shadow: 0 0 0 1.5px CanvasText; }
}`;

let sheet: CSSStyleSheet | undefined;

/**
 * Gives the marker's shadow root its styles. Firefox before 153 refuses an array from a content script assigned to
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

/** The marker that {@link addMark} gave `link`, if any. */
export function markOf(link: HTMLAnchorElement): Element | null {
  return link.querySelector(`:scope > ${MARK_TAG}`);
}

/** Appends a marker to `link`, labelled `label` for assistive technologies and as a tooltip. */
export function addMark(link: HTMLAnchorElement, label: string): void {
  const host = document.createElement(MARK_TAG);
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', label);
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root);
  const dot = document.createElement('span');
  dot.title = label;
  root.append(dot);
  link.append(host);
}
