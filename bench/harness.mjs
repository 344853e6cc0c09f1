// What every benchmark shares: the examples server, one headless Chromium, statistics and a report.
import { startServer } from '../scripts/serve.mjs';
import { launchChromium } from '../tools/browser.mjs';

export function median(values) {
  return percentile(values, 50);
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** Starts the server and the browser; `close()` stops both. */
export async function openBench() {
  const { server, origin } = await startServer();
  const browser = await launchChromium();
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
