// The browser extension: its popup on a member's site (light and dark) and a news page whose links to members
// are flagged. The built extension runs in a headless Chromium of its own; the pages come from a local server
// under real host names (tools/extension.mjs).
/* global chrome */
import { articlePage } from '../../tools/annotation-pages.mjs';
import { grantedCopy, launchWithExtension, linksPage, startSites } from '../../tools/extension.mjs';

/** Waits until `count` marks are drawn in the annotation's layer, and two more frames. */
async function marksDrawn(page, count) {
  await page.waitForFunction((n) => (document.querySelector('fsd-link-marks')?.shadowRoot?.querySelectorAll('.mark:not([hidden])').length ?? 0) >= n, {}, count);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Saves the part of `page` around the element `selector` (8 CSS pixels more on each side), as NAME.png. */
async function shootAround(page, selector, name, shoot) {
  const box = await page.$eval(selector, (element) => {
    element.scrollIntoView({ block: 'center' });
    const r = element.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const clip = { x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 8), width: box.width + 16, height: box.height + 16 };
  await shoot({ screenshot: (options) => page.screenshot({ ...options, clip, captureBeyondViewport: false }) }, name);
}

const ARTICLE = [
  ['https://www.kaliop.com/', 'Kaliop'],
  ['https://www.rgsystem.com/', 'RG Systèmes'],
  ['https://www.lemonde.fr/', 'Le Monde'],
  ['https://www.awox.com/', 'AwoX'],
  ['https://www.wikipedia.org/', 'Wikipédia'],
];

export default async function ({ shoot }) {
  const sites = await startSites();
  sites.pages.set('*', linksPage('Kaliop : agence web et mobile', []));
  sites.pages.set(
    '/article',
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Midi Libre</title>
<style>body{font:17px/1.6 Georgia,serif;margin:0;padding:1.5rem 2rem;max-width:40rem;color:#222}h1{font:700 1.5rem/1.2 system-ui,sans-serif}a{color:#0b5a87}</style></head>
<body><main><h1>Le numérique régional se positionne en « French California »</h1>
<p>Plus de 600 porteurs de projets ont répondu présents au lancement de FrenchSouth.digital, au Domaine de Verchant.
Parmi eux, <a href="${ARTICLE[0][0]}">${ARTICLE[0][1]}</a>, dont le P-dg préside le conseil d’administration provisoire,
<a href="${ARTICLE[1][0]}">${ARTICLE[1][1]}</a> pour le collège Smart Software et <a href="${ARTICLE[3][0]}">${ARTICLE[3][1]}</a>
pour le collège Mediacloud Interactivity.</p>
<p>Lire aussi : <a href="${ARTICLE[2][0]}">${ARTICLE[2][1]}</a>, <a href="${ARTICLE[4][0]}">${ARTICLE[4][1]}</a>.</p></main></body></html>`,
  );
  const copy = grantedCopy('chrome');
  const ext = await launchWithExtension(copy.dir);
  try {
    await ext.inWorker(() => chrome.storage.local.set({ language: 'fr', annotateSites: ['www.midilibre-test.fr'] }));
    const member = await ext.browser.newPage();
    await member.goto(sites.url('www.kaliop.com'), { waitUntil: 'load' });
    const tabId = await ext.tabIdOf(member.url());
    for (const scheme of ['light', 'dark']) {
      const popup = await ext.browser.newPage();
      await popup.setViewport({ width: 352, height: 560, deviceScaleFactor: 2 });
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await popup.emulateTimezone('Europe/Paris');
      await popup.goto(ext.page('popup.html', `?tab=${tabId}`), { waitUntil: 'load' });
      await popup.waitForSelector('fsd-extension-popup >>> h1');
      await shoot(await popup.$('fsd-extension-popup'), `extension-popup-${scheme}`);
      await popup.close();
    }
    const article = await ext.browser.newPage();
    await article.setViewport({ width: 760, height: 330, deviceScaleFactor: 2 });
    await article.goto(sites.url('www.midilibre-test.fr', '/article'), { waitUntil: 'load' });
    await article.waitForFunction(() => document.querySelectorAll('a[data-fsd-member]').length === 3);
    await marksDrawn(article, 3);
    await shoot(article, 'extension-annotated-page');
    // A navigation list (block links: the mark in the padding's corner) and image links (the mark in the image's
    // corner), from the pages of the annotation tests.
    sites.pages.set('/journal', articlePage({ paragraphs: 8 }));
    const journal = await ext.browser.newPage();
    await journal.setViewport({ width: 900, height: 700, deviceScaleFactor: 2 });
    await journal.goto(sites.url('www.midilibre-test.fr', '/journal'), { waitUntil: 'load' });
    await marksDrawn(journal, 4);
    await shootAround(journal, 'nav', 'extension-annotated-nav', shoot);
    await shootAround(journal, '.images', 'extension-annotated-images', shoot);
  } finally {
    await ext.close();
    await sites.close();
    copy.remove();
  }
}
