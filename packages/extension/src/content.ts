/**
 * Link annotation, on the sites the user enabled: links to member sites get `data-fsd-member="<id>"` and a small
 * marker. No request, no page script: the content script asks the background which of the page's link hosts are
 * members (matching stays in the browser), and marks them.
 *
 * - Work happens off the critical path, in idle-time slices (requestIdleCallback, with a timeout so it always
 *   runs), and after the first pass only on nodes added to the page (MutationObserver).
 * - The page's layout does not move: the marker is absolutely positioned at the end of the link, inside a closed
 *   shadow root, so the page's CSS cannot reach it; the link's text content is unchanged.
 */
import browser from './lib/browser.js';
import { send, type LinkMember } from './lib/protocol.js';
import { messages } from './ui/extension.messages.js';
import { supportedLang } from '@fsd/shared';

const MARK_TAG = 'fsd-member-mark';
/** The longest slice of work at a time, well under a frame, even when the browser offers a longer idle period. */
const SLICE_MS = 6;

declare global {
  var __fsdAnnotating: boolean | undefined;
}

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

function start(): void {
  const lang = supportedLang(document.documentElement.lang) ?? supportedLang(browser.i18n.getUILanguage()) ?? 'fr';
  const text = messages[lang];
  /** host → member, or null when the background said it is not a member's. */
  const known = new Map<string, LinkMember | null>();
  const queue: HTMLAnchorElement[] = [];
  let head = 0;
  let running = false;

  const idle = (): Promise<IdleDeadline | undefined> =>
    new Promise((resolve) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => resolve(deadline), { timeout: 250 });
      else setTimeout(() => resolve(undefined), 0);
    });

  const slice = (deadline: IdleDeadline | undefined) => (deadline ? Math.min(Math.max(deadline.timeRemaining(), 2), SLICE_MS) : SLICE_MS);

  function hostOf(link: HTMLAnchorElement): string | undefined {
    const protocol = link.protocol;
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return link.hostname.toLowerCase().replace(/\.+$/, '') || undefined;
  }

  function mark(link: HTMLAnchorElement, member: LinkMember): void {
    if (link.getAttribute('data-fsd-member') === member.id && link.querySelector(`:scope > ${MARK_TAG}`)) return;
    link.setAttribute('data-fsd-member', member.id);
    link.querySelector(`:scope > ${MARK_TAG}`)?.remove();
    const host = document.createElement(MARK_TAG);
    const label = text.linkMarker(member.name, member.registry);
    host.setAttribute('role', 'img');
    host.setAttribute('aria-label', label);
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyles(root);
    const dot = document.createElement('span');
    dot.title = label;
    root.append(dot);
    link.append(host);
  }

  function unmark(link: HTMLAnchorElement): void {
    if (!link.hasAttribute('data-fsd-member')) return;
    link.removeAttribute('data-fsd-member');
    link.querySelector(`:scope > ${MARK_TAG}`)?.remove();
  }

  async function lookup(hosts: string[]): Promise<void> {
    try {
      const answer = await send('lookup-hosts', { hosts });
      for (const host of hosts) known.set(host, answer.members[host] ?? null);
    } catch {
      // The extension was updated or disabled under the page: stop quietly.
      observer.disconnect();
      queue.length = head = 0;
    }
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (head < queue.length) {
        const deadline = await idle();
        const until = performance.now() + slice(deadline);
        // Reads: the links' hosts (URL parsing), as many as fit in the slice.
        const batch: HTMLAnchorElement[] = [];
        const hosts: (string | undefined)[] = [];
        const unknown = new Set<string>();
        do {
          const link = queue[head++]!;
          const host = hostOf(link);
          if (host && !known.has(host)) unknown.add(host);
          batch.push(link);
          hosts.push(host);
        } while (head < queue.length && performance.now() < until);
        if (head === queue.length) queue.length = head = 0;
        if (unknown.size) await lookup([...unknown]);
        // Writes in a slice of their own, so that a big batch of marks does not block a frame.
        let next = await idle();
        let stop = performance.now() + slice(next);
        for (let i = 0; i < batch.length; i++) {
          if (performance.now() > stop) {
            next = await idle();
            stop = performance.now() + slice(next);
          }
          const member = hosts[i] ? known.get(hosts[i]!) : undefined;
          if (member) mark(batch[i]!, member);
          else unmark(batch[i]!);
        }
      }
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
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  collect(document.documentElement);
  void drain();
}

// The popup may inject the script into a page where it already runs (registered): run once per page.
if (!globalThis.__fsdAnnotating) {
  globalThis.__fsdAnnotating = true;
  start();
}
