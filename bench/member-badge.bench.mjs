// The badge: its size, and the time from its script's arrival to a rendered badge, with a warm cache (the feed in
// IndexedDB and the HTTP cache, as on a visitor's second page) and a cold one (a first visit), on a member's host.
import { gzipKB, staticClosure } from '../tools/bundle.mjs';
import { median } from './harness.mjs';

const RUNS = 15;

/** ms from the end of the entry script's download to the settled event, for one page load. */
async function settleAfterScript(page, url, script) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__settled?.length > 0, { timeout: 10_000 });
  return page.evaluate((name) => {
    const entry = performance.getEntriesByType('resource').find((r) => r.name.endsWith(name));
    return { ms: window.__settled[0].at - entry.responseEnd, state: window.__settled[0].state };
  }, script);
}

export default async function ({ browser, origin, report }) {
  report('fsd-member-badge.js with its static imports (min+gzip)', gzipKB(staticClosure('packages/widgets/dist/fsd-member-badge.js')), 'KB');

  const port = new URL(origin).port;
  const member = `http://www.kaliop.com:${port}/bench/badge.html`;
  const reference = `http://www.kaliop.com:${port}/bench/reference-badge.html`;

  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const first = await settleAfterScript(page, member, 'fsd-member-badge.js');
  if (first.state !== 'verified') throw new Error(`the badge settled on "${first.state}", not "verified"`);
  const warm = [];
  const ref = [];
  for (let i = 0; i < RUNS; i++) {
    warm.push((await settleAfterScript(page, member, 'fsd-member-badge.js')).ms);
    ref.push((await settleAfterScript(page, reference, 'reference-badge.js')).ms);
  }
  await context.close();

  const cold = [];
  for (let i = 0; i < 7; i++) {
    const fresh = await browser.createBrowserContext();
    const p = await fresh.newPage();
    cold.push((await settleAfterScript(p, member, 'fsd-member-badge.js')).ms);
    await fresh.close();
  }

  const warmMedian = median(warm);
  const refMedian = median(ref);
  report(`script loaded → verified badge rendered, warm cache (median of ${RUNS})`, warmMedian, 'ms');
  report(`reference: bare custom element, same markup (median of ${RUNS})`, refMedian, 'ms', `badge/reference ${(warmMedian / refMedian).toFixed(1)}×`);
  report(`script loaded → verified badge rendered, first visit (median of ${cold.length})`, median(cold), 'ms', 'feed fetched and validated');
}
