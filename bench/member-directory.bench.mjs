// The member directory on generated feeds of 4,500 members (the region's digital sector) and 50,000: time to the
// first rendered results (first visit and warm cache), time per search keystroke from the input event to the updated
// DOM (median and 95th percentile), and the DOM node count. Reference, measured in the same run: a plain
// Array.filter over the members' folded names with includes(), rendering the same number of cards with plain DOM.
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateFeed } from '../scripts/generate-feed.mjs';
import { gzipKB, staticClosure } from '../tools/bundle.mjs';
import { median, percentile } from './harness.mjs';

const SIZES = [4500, 50_000];
const LOADS = 5;
// What readers type: names, cities, activities, a typo, several words.
const QUERIES = ['montpellier', 'garrigue', 'systemes', 'jeu video', 'cloud nimes', 'sytemes', 'ecrans studio', 'kaliop'];

async function open(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__timings?.state === 'ready', { timeout: 60_000 });
  return page.evaluate(() => window.__timings.firstResults);
}

export default async function ({ browser, origin, report }) {
  report('fsd-member-directory.js with its static imports (min+gzip)', gzipKB(staticClosure('packages/widgets/dist/fsd-member-directory.js')), 'KB');

  mkdirSync('.cache/bench-data', { recursive: true });
  for (const size of SIZES) {
    writeFileSync(`.cache/bench-data/members-${size}.json`, JSON.stringify(generateFeed(size)));
    const feed = `/bench/data/members-${size}.json`;
    const page = (reference) => `${origin}/bench/directory.html?feed=${encodeURIComponent(feed)}${reference ? '&reference' : ''}`;
    const label = size.toLocaleString('en');

    const cold = [];
    const coldReference = [];
    for (let i = 0; i < LOADS; i++) {
      for (const [list, reference] of [[cold, false], [coldReference, true]]) {
        const context = await browser.createBrowserContext();
        const tab = await context.newPage();
        list.push(await open(tab, page(reference)));
        await context.close();
      }
    }
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await open(tab, page(false));
    const warm = [];
    for (let i = 0; i < LOADS; i++) warm.push(await open(tab, page(false)));
    const nodes = await tab.evaluate(() => window.__nodes());
    await tab.evaluate((queries) => window.__typeQueries(queries), QUERIES); // warm-up: JIT, first layouts
    const keys = await tab.evaluate((queries) => window.__typeQueries(queries), QUERIES);
    const refTab = await context.newPage();
    await open(refTab, page(true));
    await refTab.evaluate((queries) => window.__typeQueries(queries), QUERIES);
    const refKeys = await refTab.evaluate((queries) => window.__typeQueries(queries), QUERIES);
    await context.close();

    const coldMedian = median(cold);
    const coldRefMedian = median(coldReference);
    report(`${label} members: navigation → first results, first visit (median of ${LOADS})`, coldMedian, 'ms', `reference ${coldRefMedian.toFixed(0)} ms, ${(coldMedian / coldRefMedian).toFixed(1)}×; feed fetched and validated, first page by name`);
    report(`${label} members: navigation → first results, warm cache (median of ${LOADS})`, median(warm), 'ms', 'from the IndexedDB copy');
    const keyMedian = median(keys);
    const keyP95 = percentile(keys, 95);
    const refMedian = median(refKeys);
    report(`${label} members: keystroke → updated DOM, median (${keys.length} keys)`, keyMedian, 'ms', `reference ${refMedian.toFixed(2)} ms, ${(keyMedian / refMedian).toFixed(1)}×`);
    report(`${label} members: keystroke → updated DOM, 95th percentile`, keyP95, 'ms', `reference ${percentile(refKeys, 95).toFixed(2)} ms; target < 16 ms`);
    report(`${label} members: DOM nodes in the directory`, nodes, 'elements');
  }
}
