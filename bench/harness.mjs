// The benchmarks' statistics, and a page's first and return visit. (The examples server and the browser they run in:
// openExamples() in tools/server.mjs.)

/** The median of `values` (NaN when there are none). */
export function median(values) {
  return percentile(values, 50);
}

/** The `p`th percentile of `values` (0 to 100), interpolated between the nearest ranks; NaN when there are none. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/**
 * A first visit of `url` and a return visit (the same page loaded again, its offline copies kept), in a browser
 * context of their own: each gives the page's `window.__result`, which must hold no `error`.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 */
export async function twoVisits(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const load = async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__result, { timeout: 120_000 });
    const result = await page.evaluate(() => window.__result);
    if (result.error) throw new Error(result.error);
    return result;
  };
  const first = await load();
  const second = await load();
  await context.close();
  return { first, second };
}
