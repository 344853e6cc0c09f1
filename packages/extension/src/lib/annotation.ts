import browser from './browser.js';
import { ALL_SITES, getSettings, sitePattern } from './settings.js';

export const ANNOTATE_SCRIPT = 'content.js';
const SCRIPT_ID = 'fsd-annotate-links';

/**
 * Registers the link annotation content script for exactly the sites the user enabled and granted: all sites, or
 * a list of hosts (minus the exceptions). Without a granted permission nothing is registered.
 */
export function syncContentScripts(): Promise<string[]> {
  // One at a time: settings and permissions may change in quick succession.
  const next = queue.then(register, register);
  queue = next.catch(() => []);
  return next;
}

let queue: Promise<unknown> = Promise.resolve();

async function register(): Promise<string[]> {
  const settings = await getSettings();
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  const allGranted = granted.has(ALL_SITES) || granted.has('<all_urls>');
  let matches: string[];
  let excludeMatches: string[] = [];
  if (settings.annotateAll && allGranted) {
    matches = [ALL_SITES];
    excludeMatches = settings.annotateExcept.map(sitePattern);
  } else {
    matches = settings.annotateSites.map(sitePattern).filter((pattern) => allGranted || granted.has(pattern));
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches,
        ...(excludeMatches.length ? { excludeMatches } : {}),
        js: [ANNOTATE_SCRIPT],
        // At the start of the document, before the page's DOM exists: the browser then puts the real `chrome` (and
        // `browser`) on the content scripts' global, where no element of the page can hide them later (an element
        // named `chrome` present when the script's world is made takes the name instead). The annotation itself
        // waits for the document to be parsed (content.ts).
        runAt: 'document_start',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  }
  return matches;
}
