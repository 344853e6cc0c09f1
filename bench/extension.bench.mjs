// The browser extension: (1) annotating a news page of 10,000 links, one in twenty to members, with the built
// extension in headless Chromium, against the same page's own load without annotation, in the same run;
// (2) one host lookup in a registry of 50,000 members (the feed client's MemberIndex, as the background runs it)
// against a bare Map.get of the same host.
/* global chrome */
import { statSync } from 'node:fs';
import { build } from 'esbuild';
import { generateFeed } from '../scripts/generate-feed.mjs';
import { gzipKB, staticClosure } from '../tools/bundle.mjs';
import { grantedCopy, launchWithExtension, startSites } from '../tools/extension.mjs';
import { median } from './harness.mjs';

const LINKS = 10_000;
const RUNS = 7;

const MEMBER_HOSTS = ['www.kaliop.com', 'blog.kaliop.com', 'www.rgsystem.com', 'www.awox.com', 'www.laposte.fr', 'www.sanofi.fr', 'www.edf.fr', 'studio-garrigue.example'];

/** A long news page: 10,000 links in paragraphs, every 20th to a member, the rest to 2,000 other sites. */
function newsPage() {
  const paragraphs = [];
  for (let p = 0; p < LINKS / 10; p++) {
    const links = [];
    for (let i = p * 10; i < p * 10 + 10; i++) {
      const host = i % 20 === 0 ? MEMBER_HOSTS[(i / 20) % MEMBER_HOSTS.length] : `www.site-${i % 2000}.example.org`;
      links.push(`<a href="https://${host}/article/${i}">lien ${i}</a>`);
    }
    paragraphs.push(`<p>Brève ${p} : ${links.join(', ')}.</p>`);
  }
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Bench</title><script src="/observe.js"></script></head>
<body><main><h1>Toutes les brèves</h1>${paragraphs.join('\n')}</main></body></html>`;
}

// In the page, before anything else: when the last member link got marked, and the longest stall of a 10 ms
// heartbeat from the load event on (headless Chromium reports no 'longtask' entries; the heartbeat sees any task
// that blocks the page's main thread, the content script's included).
const OBSERVE = `
window.__bench = { marks: 0, last: 0, longest: 0 };
addEventListener('load', () => {
  let previous = performance.now();
  const beat = () => {
    const now = performance.now();
    window.__bench.longest = Math.max(window.__bench.longest, now - previous - 10);
    previous = now;
    setTimeout(beat, 10);
  };
  setTimeout(beat, 10);
});
new MutationObserver((records) => {
  for (const r of records) if (r.attributeName === 'data-fsd-member') { window.__bench.marks++; window.__bench.last = performance.now(); }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-fsd-member'] });
`;

async function annotation({ report }) {
  const sites = await startSites();
  sites.files.set('/observe.js', OBSERVE);
  sites.pages.set('/news', newsPage());
  const copy = grantedCopy('chrome');
  const ext = await launchWithExtension(copy.dir);
  try {
    await ext.inWorker(() => chrome.storage.local.set({ annotateSites: ['www.annotated-news.test'] }));
    await new Promise((r) => setTimeout(r, 500));
    const page = await ext.browser.newPage();
    const expected = LINKS / 20;
    const annotate = [];
    const longest = [];
    const loads = [];
    const plainStalls = [];
    const run = async (host) => {
      await page.goto(sites.url(host, '/news'), { waitUntil: 'load' });
      return page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    };
    await run('www.annotated-news.test'); // warm-up
    for (let i = 0; i < RUNS; i++) {
      loads.push(await run('www.plain-news.test'));
      await new Promise((r) => setTimeout(r, 150));
      plainStalls.push(await page.evaluate(() => window.__bench.longest));
      const loaded = await run('www.annotated-news.test');
      await page.waitForFunction((n) => window.__bench.marks >= n, { timeout: 30_000 }, expected);
      await new Promise((r) => setTimeout(r, 50));
      const bench = await page.evaluate(() => window.__bench);
      annotate.push(bench.last - loaded);
      longest.push(bench.longest);
    }
    const reference = median(loads);
    report(`page of ${LINKS.toLocaleString('en')} links: load without annotation (reference, median of ${RUNS})`, reference, 'ms');
    report(`annotation of its ${expected} member links, after load (median of ${RUNS})`, median(annotate), 'ms', `${(median(annotate) / reference).toFixed(2)}× the page's own load`);
    report('longest stall of a 10 ms heartbeat in the 150 ms after load, no annotation (reference)', median(plainStalls), 'ms');
    report('longest stall of a 10 ms heartbeat while annotating (median)', median(longest), 'ms', 'a frame lasts 16.7 ms');
  } finally {
    await ext.close();
    await sites.close();
    copy.remove();
  }
}

async function lookup({ report }) {
  const { outputFiles } = await build({ entryPoints: ['packages/feed/src/index.ts'], bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'silent' });
  const { MemberIndex, normalizeHost } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  const feed = generateFeed(50_000);
  const index = new MemberIndex(feed);
  const map = new Map();
  for (const member of feed.members) for (const domain of member.domains) map.set(domain, member);
  const domains = feed.members.map((m) => m.domains[0]);
  // What a browsing session asks: member sites under www. or a subdomain, and other sites.
  const hosts = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `www.${domains[(i * 7919) % domains.length]}` : i % 3 === 1 ? `blog.${domains[(i * 104729) % domains.length]}` : `www.other-${i}.example.org`));
  const exact = hosts.map((h) => normalizeHost(h));
  const time = (fn) => {
    const rounds = 20;
    const start = performance.now();
    let found = 0;
    for (let r = 0; r < rounds; r++) for (let i = 0; i < hosts.length; i++) found += fn(i) ? 1 : 0;
    return { ns: ((performance.now() - start) * 1e6) / (rounds * hosts.length), found };
  };
  const lookups = [];
  const refs = [];
  for (let run = 0; run < RUNS; run++) {
    lookups.push(time((i) => index.byHost(hosts[i])).ns);
    refs.push(time((i) => map.get(exact[i])).ns);
  }
  const m = median(lookups);
  const r = median(refs);
  report(`one host lookup, registry of ${feed.members.length.toLocaleString('en')} members (median of ${RUNS})`, m * 1e-3, 'µs', 'normalise, then walk up the labels');
  report('reference: Map.get of the already-normalised host', r * 1e-3, 'µs', `lookup/reference ${(m / r).toFixed(1)}×`);
}

function sizes({ report }) {
  const dir = 'packages/extension/dist/chrome';
  report('content.js, the annotation script (not minified, gzip)', gzipKB([`${dir}/content.js`]), 'KB', 'loaded only on sites the user enabled');
  report('background.js, feed client included (not minified, gzip)', gzipKB([`${dir}/background.js`]), 'KB');
  report('popup.js with its static imports, Lit included (not minified, gzip)', gzipKB(staticClosure(`${dir}/popup.js`)), 'KB');
  for (const browser of ['chrome', 'firefox']) report(`fsd-extension-${browser}.zip`, statSync(`packages/extension/dist/fsd-extension-${browser}.zip`).size / 1024, 'KB');
}

export default async function (context) {
  sizes(context);
  await lookup(context);
  await annotation(context);
}
