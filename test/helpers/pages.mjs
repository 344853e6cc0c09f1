// Node-side helpers for end-to-end tests of the example pages in headless Chromium (puppeteer-core).

/**
 * Opens `url` in a fresh browser profile (no cache, no IndexedDB) and collects, as a visitor's console would show
 * them, every console error, uncaught page error and Content-Security-Policy violation.
 * Resolves with the page, those errors, the page's response, and `close()` for the profile. `prepare(page)` runs
 * before the page loads (to listen to more of the console, say).
 */
export async function openPage(browser, url, prepare = () => {}) {
  const browserContext = await browser.createBrowserContext();
  const page = await browserContext.newPage();
  prepare(page);
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, errors, response, close: () => browserContext.close() };
}

/** Resolves once every `tag` element of the page has a `state` attribute among `states` (by default: any but loading). */
export function settledWidgets(page, tag, states) {
  return page.waitForFunction(
    (name, wanted) =>
      [...document.querySelectorAll(name)].every((element) => {
        const state = element.getAttribute('state');
        return wanted ? wanted.includes(state) : Boolean(state) && state !== 'loading';
      }),
    { timeout: 10_000 },
    tag,
    states,
  );
}
