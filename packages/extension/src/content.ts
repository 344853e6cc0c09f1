/**
 * The content script, on the sites where the user turned link annotation on (registered by the background, or
 * injected by the popup at the moment it is turned on): one feature, link annotation (features/annotate-links.ts),
 * started with an AbortSignal that aborts when annotation is turned off for the page's site. The feature then stops
 * and takes its marks away; turned on again (from the popup or the options page), it is injected anew and starts afresh.
 *
 * A classic script, bundled into one file: no import at run time, and no Lit.
 */
import browser from './lib/browser.js';
import { parsedHost } from './lib/hosts.js';
import { ANNOTATION_SETTINGS, annotationWanted, getAnnotationSettings } from './lib/settings.js';
import * as annotateLinks from './features/annotate-links.js';

/**
 * Set while the annotation runs in this page (in the content scripts' world, shared by every injection). A symbol,
 * not a name: an element with a chosen `id` in the page shows on the global object under that name, and could
 * otherwise pose as a running annotation and keep it off.
 */
const RUNNING = Symbol.for('fsd.annotating');
const running = globalThis as unknown as Record<symbol, boolean | undefined>;

/** Aborts `controller` once the settings no longer want annotation on this page's site. */
function stopWhenTurnedOff(controller: AbortController): void {
  // The site as the popup and the background name it (pageHost() of the tab's URL).
  const host = parsedHost(location.hostname);
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !ANNOTATION_SETTINGS.some((key) => key in changes)) return;
    void getAnnotationSettings().then((settings) => {
      if (!annotationWanted(settings, host)) controller.abort();
    });
  };
  browser.storage.onChanged.addListener(onChanged);
  controller.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}

// The popup may inject the script into a page where it already runs (registered): one run at a time per page.
if (!running[RUNNING]) {
  running[RUNNING] = true;
  const controller = new AbortController();
  // Once stopped, a later injection starts afresh.
  controller.signal.addEventListener('abort', () => (running[RUNNING] = false), { once: true });
  stopWhenTurnedOff(controller);
  // Registered at document_start (lib/annotation.ts): the links are read once the document is parsed, in a task of
  // their own, so that the task in which the parsing ends (the page's own, often long: it lays the page out) holds
  // nothing of ours.
  const start = () => setTimeout(() => annotateLinks.init(controller.signal), 0);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
