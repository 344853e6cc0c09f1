// End-to-end: link annotation on pages of real shape (tools/annotation-pages.mjs), with the shipped Chrome build
// (hosts granted in its manifest, see grantedCopy) in real Chromium. Each page is opened on a site where annotation
// is on and on one where it is off: the page's layout must be the same to the pixel, no mark may cover a letter,
// no mark may ever name a member the link does not point to (an observer in the page's own world checks before
// every paint), and links the page removes must not stay alive.
/* global chrome */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { grantedCopy, launchWithExtension, startSites, waitFor } from '../../../tools/extension.mjs';
import { MEMBER_HOSTS, WATCH, articlePage, layoutOf, linkBoxes, marksAndCoverage, ownerOf } from '../../../tools/annotation-pages.mjs';

const ON = 'www.annotated-journal.fr';
const OFF = 'www.plain-journal.fr';
const HEAD = '<script src="/watch.js"></script>';

let sites;
let ext;
let copy;

before(async () => {
  sites = await startSites();
  sites.files.set('/watch.js', WATCH);
  copy = grantedCopy('chrome');
  ext = await launchWithExtension(copy.dir);
  await ext.inWorker((host) => chrome.storage.local.set({ language: 'fr', annotateSites: [host] }), ON);
  await waitFor(async () => (await ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).length)) === 1, 'the content script to be registered');
});
after(async () => {
  await ext?.close();
  await sites?.close();
  copy?.remove();
});

/** Opens `path` on `host` in a new tab, 1000 × 700 CSS pixels. */
async function open(host, path) {
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 1000, height: 700 });
  await page.goto(sites.url(host, path), { waitUntil: 'load' });
  return page;
}

/** Member links whose `data-fsd-member` is set, and those that should have it (from their href). */
const memberLinks = (page) =>
  page.evaluate((members) => {
    const links = [...document.querySelectorAll('a[href]')];
    return { marked: links.filter((a) => a.dataset.fsdMember).length, expected: links.filter((a) => members[new URL(a.href).hostname]).length };
  }, MEMBER_HOSTS);

/** Two frames: what the last change asked for is drawn. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function allMarked(page, timeout = 10_000) {
  await waitFor(
    async () => {
      const { marked, expected } = await memberLinks(page);
      return expected > 0 && marked === expected;
    },
    'every member link to be marked',
    timeout,
  );
  await frames(page);
}

const shownMarks = (page) => page.evaluate(() => [...(document.querySelector('fsd-link-marks')?.shadowRoot?.querySelectorAll('.mark:not([hidden])') ?? [])].map((m) => m.dataset.member));

test('an article (kerned serif text, nav list, table, cards, image links, links at the right edge and the bottom): the layout does not move, no mark covers a letter', async () => {
  sites.pages.set('/article', articlePage({ head: HEAD }));
  const plain = await open(OFF, '/article');
  const annotated = await open(ON, '/article');
  await allMarked(annotated);
  for (const [where, x, y] of [
    ['at the top', 0, 0],
    ['in the middle', 0, 900],
    ['at the bottom right', 10_000, 100_000],
  ]) {
    for (const page of [plain, annotated]) {
      await page.bringToFront();
      await page.evaluate((left, top) => scrollTo(left, top), x, y);
      await frames(page);
    }
    const expected = await plain.evaluate(layoutOf);
    const seen = await annotated.evaluate(layoutOf);
    assert.equal(seen.scrollWidth, expected.scrollWidth, `the page is as wide (${where})`);
    assert.equal(seen.scrollHeight, expected.scrollHeight, `the page is as long (${where})`);
    assert.equal(seen.scrollWidth, 1000, 'nothing scrolls sideways');
    assert.deepEqual(seen.boxes, expected.boxes, `every element keeps its box (${where})`);
    const { marks, covered } = await annotated.evaluate(marksAndCoverage);
    assert.ok(marks > 0, `marks are shown (${where})`);
    assert.deepEqual(covered, [], `no mark covers a letter (${where})`);
  }
  // A mark for each kind of link: running text, nav, table, card, image, right edge, bottom.
  await annotated.evaluate(() => scrollTo(0, 0));
  await frames(annotated);
  const kinds = await annotated.evaluate(
    (ownerSource, boxesSource) => {
      const ownerOf = new Function(`return (${ownerSource})`)();
      const boxes = new Function(`return (${boxesSource})`)()();
      const layer = document.querySelector('fsd-link-marks').shadowRoot;
      const owners = new Set([...layer.querySelectorAll('.mark:not([hidden])')].map((m) => ownerOf(m.getBoundingClientRect(), boxes)));
      const kind = (selector) => [...document.querySelectorAll(selector)].filter((a) => a.dataset.fsdMember).map((a) => owners.has(a));
      return { text: kind('main p a').slice(0, 3), nav: kind('nav a'), pinned: kind('.pinned') };
    },
    ownerOf.toString(),
    linkBoxes.toString(),
  );
  assert.deepEqual(kinds, { text: [true, true, true], nav: [true, true], pinned: [true] });
  await annotated.evaluate(() => document.querySelector('.cards').scrollIntoView());
  await frames(annotated);
  const blocks = await annotated.evaluate(() => {
    const layer = document.querySelector('fsd-link-marks').shadowRoot;
    const marks = [...layer.querySelectorAll('.mark:not([hidden])')].map((m) => m.getBoundingClientRect());
    const inside = (box) => marks.some((m) => m.left >= box.left && m.right <= box.right && m.top >= box.top && m.bottom <= box.bottom);
    return {
      cards: [...document.querySelectorAll('.card')].map((a) => !!a.dataset.fsdMember && inside(a.getBoundingClientRect())),
      images: [...document.querySelectorAll('.images a')].map((a) => !!a.dataset.fsdMember && inside(a.querySelector('img').getBoundingClientRect())),
    };
  });
  // The member links among them carry a mark inside their box (one link in four is a member's).
  assert.deepEqual(blocks, {
    cards: membersAmong('fiche'),
    images: membersAmong('photo'),
  });
  // A carousel shows one slide: only its link has a mark (the others are clipped away, some beyond the page's right
  // edge), and a link in a collapsed section has none. Sliding (a style change, nothing the script hears of) moves
  // the mark to the slide now shown.
  await annotated.evaluate(() => document.querySelector('.carousel').scrollIntoView({ block: 'center' }));
  await frames(annotated);
  const clipped = () =>
    annotated.evaluate(() => {
      const layer = document.querySelector('fsd-link-marks').shadowRoot;
      const marks = [...layer.querySelectorAll('.mark:not([hidden])')].map((m) => m.getBoundingClientRect());
      const carousel = document.querySelector('.carousel').getBoundingClientRect();
      const within = (box) => marks.filter((m) => m.left >= box.left && m.right <= box.right && m.top >= box.top && m.bottom <= box.bottom).length;
      return {
        slides: [...document.querySelectorAll('.slide')].map((a) => !!a.dataset.fsdMember && within(a.getBoundingClientRect()) === 1),
        collapsed: !!document.querySelector('.collapsed a').dataset.fsdMember && within(document.querySelector('.collapsed a').getBoundingClientRect()),
        outside: marks.filter((m) => m.left > carousel.right && m.top < carousel.bottom && m.bottom > carousel.top).length,
      };
    });
  assert.deepEqual(await clipped(), { slides: [true, false, false, false], collapsed: 0, outside: 0 });
  await annotated.evaluate(() => (document.querySelector('.slides').style.transform = 'translateX(-100%)'));
  await waitFor(async () => (await clipped()).slides[1], 'the mark of the slide shown');
  assert.deepEqual(await clipped(), { slides: [false, true, false, false], collapsed: 0, outside: 0 });
  assert.deepEqual(await annotated.evaluate(() => window.__watch.wrong), []);
  // Screen readers: the link's description names the member.
  const described = await annotated.$eval('nav a[data-fsd-member="kaliop"]', (a) => document.getElementById(a.getAttribute('aria-describedby'))?.textContent);
  assert.equal(described, 'Membre de FrenchSouth.digital : Kaliop');
  // A menu opened by a class gets its dot; closed again, the dot goes with it. Nothing the script hears of tells it
  // (the observer reports a link that loses its box after the frame that shows it): the dot stays a frame or two, so
  // the page-world watcher, which checks every frame, is stopped first.
  await annotated.evaluate(() => (window.__watch.stop = true));
  const menuDots = (box) =>
    annotated.evaluate((box) => {
      const layer = document.querySelector('fsd-link-marks').shadowRoot;
      const inside = (m) => m.left >= box.left - 4 && m.right <= box.right + 4 && m.top >= box.top - 4 && m.bottom <= box.bottom + 4;
      return [...layer.querySelectorAll('.mark:not([hidden])')].map((m) => m.getBoundingClientRect()).filter(inside).length;
    }, box);
  await annotated.evaluate(() => document.querySelector('.menu').classList.add('open'));
  const menu = await annotated.$eval('.menu ul', (ul) => JSON.parse(JSON.stringify(ul.getBoundingClientRect())));
  await waitFor(async () => (await menuDots(menu)) === 1, 'the dot of the link in the menu opened');
  await annotated.evaluate(() => document.querySelector('.menu').classList.remove('open'));
  await waitFor(async () => (await menuDots(menu)) === 0, 'the dot to go with the menu closed');
  await plain.close();
  await annotated.close();
});

/** Whether each link of the article page whose path starts with `/path/` goes to a member's site. */
function membersAmong(path) {
  return [...articlePage().matchAll(new RegExp(`href="https://([^/]+)/${path}/`, 'g'))].map(([, host]) => host in MEMBER_HOSTS);
}

// Rewrites the href of 20 links every 20 ms, between members' sites and others (menus, A/B tests, routers).
const REWRITE = `
let tick = 0;
window.__rewrites = 0;
const hosts = ${JSON.stringify([...Object.keys(MEMBER_HOSTS), 'www.lemonde.fr', 'notkaliop.com', 'example.org', 'unknown-1.example', 'unknown-2.example'])};
window.__timer = setInterval(() => {
  tick++;
  const links = document.querySelectorAll('main a');
  for (let k = 0; k < 20; k++) {
    const a = links[(tick * 20 + k) % links.length];
    // Fresh unknown hosts now and then, which the script has to ask the background about.
    const host = tick % 7 === 0 ? 'fresh-' + tick + '-' + k + '.example' : hosts[(tick + k) % hosts.length];
    a.href = 'https://' + host + '/page/' + tick;
    window.__rewrites++;
  }
}, 20);
`;

test('a page that rewrites hrefs every 20 ms: no mark, attribute or description ever names a member the link does not point to', async () => {
  sites.files.set('/rewrite.js', REWRITE);
  sites.pages.set('/rewrite', articlePage({ head: HEAD, paragraphs: 12, script: '<script src="/rewrite.js"></script>' }));
  const page = await open(ON, '/rewrite');
  await page.waitForFunction(() => window.__rewrites > 2_000, { timeout: 30_000, polling: 100 });
  const watch = await page.evaluate(() => {
    clearInterval(window.__timer);
    return window.__watch;
  });
  assert.ok(watch.frames > 20 && watch.links > 500 && watch.marks > 500, `the observer saw frames, marked links and marks: ${JSON.stringify({ ...watch, wrong: watch.wrong.length })}`);
  assert.deepEqual(watch.wrong.slice(0, 10), []);
  // Once the page stops, every member link is marked again.
  await allMarked(page);
  assert.deepEqual(await page.evaluate(() => window.__watch.wrong.slice(0, 10)), []);
  await page.close();
});

// What re-rendering frameworks do to links: replace their children, re-create them from a clone, change a clone's
// address before inserting it.
const RERENDER = `
window.__rerender = () => {
  const links = [...document.querySelectorAll('main p a[data-fsd-member]')].slice(0, 6);
  links[0].textContent = 'Kaliop (nouveau texte)';
  links[1].innerHTML = '<b>AwoX</b> <i>en gras</i>';
  links[2].replaceChildren(document.createTextNode('remplacé'));
  const same = links[3].cloneNode(true);
  links[3].after(' — ', same);
  const moved = links[4].cloneNode(true);
  moved.href = 'https://www.lemonde.fr/clone';
  links[4].after(' — ', moved);
  const other = links[5].cloneNode(true);
  other.href = 'https://www.edf.fr/clone';
  links[5].after(' — ', other);
  return [same, moved, other].map((a) => a.href);
};`;

test('links whose children are replaced keep their mark; a clone is judged again before it is painted', async () => {
  sites.files.set('/rerender.js', RERENDER);
  sites.pages.set('/rerender', articlePage({ head: HEAD, paragraphs: 4, script: '<script src="/rerender.js"></script>' }));
  const page = await open(ON, '/rerender');
  await allMarked(page);
  const before = (await shownMarks(page)).length;
  // Right after the page's change, before the next paint: the clone to another site has no attribute left.
  const atOnce = await page.evaluate(() => {
    const hrefs = window.__rerender();
    return new Promise((resolve) =>
      requestAnimationFrame(() => resolve(hrefs.map((href) => [...document.querySelectorAll(`a[href="${href}"]`)].map((a) => a.dataset.fsdMember ?? null)))),
    );
  });
  assert.deepEqual(atOnce[1], [null], 'the clone sent to another site carries no member before it is painted');
  await allMarked(page);
  const after = await page.evaluate(() =>
    [...document.querySelectorAll('main p a')].slice(0, 40).filter((a) => a.dataset.fsdMember).map((a) => [a.textContent, a.dataset.fsdMember]),
  );
  assert.ok(after.some(([text]) => text === 'Kaliop (nouveau texte)'));
  assert.ok(after.some(([text]) => text === 'AwoX en gras'));
  assert.ok(after.some(([text, member]) => text === 'remplacé' && member));
  assert.ok(after.some(([, member]) => member === 'edf'), 'the clone sent to a member is that member’s');
  assert.equal((await shownMarks(page)).length, before + 2, 'every re-rendered link still shows its mark, and the two member clones get theirs');
  assert.deepEqual(await page.evaluate(() => window.__watch.wrong), []);
  const { covered } = await page.evaluate(marksAndCoverage);
  assert.deepEqual(covered, []);
  await page.close();
});

// Infinite scroll with recycling: a block of 1,500 links every 100 ms, the oldest blocks removed past 4.
const FEED = `
window.__blocks = 0;
const hosts = ${JSON.stringify([...Object.keys(MEMBER_HOSTS), 'www.lemonde.fr', 'notkaliop.com', 'example.org'])};
window.__timer = setInterval(() => {
  const block = document.createElement('section');
  const n = window.__blocks++;
  let html = '';
  for (let i = 0; i < 1500; i++) html += '<p>Brève ' + i + ' : <a href="https://' + hosts[(n + i) % hosts.length] + '/b/' + n + '/' + i + '">lien ' + i + '</a>.</p>';
  block.innerHTML = html;
  document.querySelector('main').append(block);
  const blocks = document.querySelectorAll('main section');
  if (blocks.length > 4) blocks[0].remove();
  scrollTo(0, document.scrollingElement.scrollHeight);
}, 100);
`;

/** The page's live DOM nodes after two full garbage collections (what the issue measured: detached nodes included). */
async function liveNodes(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return (await page.metrics()).Nodes;
}

test('an infinite-scroll page adding 1,500 links every 100 ms and removing the oldest: no detached link stays alive, no wrong mark', async () => {
  sites.files.set('/feed.js', FEED);
  sites.pages.set('/feed', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Fil</title>${HEAD}<style>body { font: 16px/1.5 sans-serif; }</style></head><body><main></main><script src="/feed.js"></script></body></html>`);
  const counts = {};
  for (const host of [OFF, ON]) {
    const page = await open(host, '/feed');
    await page.bringToFront();
    await page.waitForFunction(() => window.__blocks >= 40, { timeout: 60_000, polling: 200 });
    await page.evaluate(() => clearInterval(window.__timer));
    if (host === ON) {
      const watch = await page.evaluate(() => {
        window.__watch.stop = true;
        return window.__watch;
      });
      assert.ok(watch.frames > 10, 'the observer watched while the page scrolled');
      assert.deepEqual(watch.wrong.slice(0, 10), []);
      // The page kept the main thread busy (its own work: 1,500 paragraphs parsed and laid out every 100 ms): the
      // annotation yielded to it. Once the page rests, the links it kept are marked, those in view first.
      await allMarked(page, 30_000);
      assert.ok((await shownMarks(page)).length > 10, 'the links in view show their marks');
    }
    counts[host] = await liveNodes(page);
    await page.close();
  }
  // 40 blocks of 1,500 links made (about 180,000 nodes each way, 4 blocks kept: about 18,000 in the page).
  assert.ok(counts[OFF] < 40_000, `without annotation the page keeps ${counts[OFF]} nodes`);
  assert.ok(counts[ON] < counts[OFF] * 1.1 + 1_000, `with annotation ${counts[ON]} nodes, without ${counts[OFF]}`);
});

// Links that do not scroll with the document (a fixed header, a sticky aside) and links in a scroller of their own.
const PINNED_STYLE = `<style>
.bar { position: fixed; top: 0; left: 0; right: 0; height: 48px; background: #fdfcf8; font: 16px/48px sans-serif; padding-left: 1rem; z-index: 1; }
.bar a { padding: 0.5rem; }
.aside { position: sticky; top: 60px; float: right; width: 12rem; font: 15px/1.8 sans-serif; background: #fdfcf8; }
.scroller { height: 120px; overflow: auto; font: 16px/1.8 serif; border: 1px solid #c8c2b4; }
body { padding-top: 56px; }
</style>`;

test('links in a fixed header, a sticky aside and a scroller of their own: each mark stays beside its link while the page and the scroller scroll', async () => {
  const extra = `<div class="bar">${['www.kaliop.com', 'www.lemonde.fr', 'www.awox.com'].map((h, i) => `<a href="https://${h}/bar/${i}">Lien ${i}</a>`).join(' ')}</div>
<aside class="aside">À lire : <a href="https://www.edf.fr/aside">EDF</a> et <a href="https://example.org/aside">ailleurs</a>.</aside>
<div class="scroller">${Array.from({ length: 30 }, (_, i) => `<p>Ligne ${i} <a href="https://${i % 2 ? 'www.laposte.fr' : 'www.wikipedia.org'}/s/${i}">lien ${i}</a>.</p>`).join('')}</div>`;
  sites.pages.set('/pinned', articlePage({ head: HEAD + PINNED_STYLE, paragraphs: 30 }).replace('<main>', `<main>${extra}`));
  const page = await open(ON, '/pinned');
  await allMarked(page);
  /** The members whose marks are shown beside a link of `selector`, in the viewport. */
  const beside = (selector) =>
    page.evaluate(
      (ownerSource, boxesSource, s) => {
        const ownerOf = new Function(`return (${ownerSource})`)();
        const boxes = new Function(`return (${boxesSource})`)()();
        const layer = document.querySelector('fsd-link-marks').shadowRoot;
        return [...layer.querySelectorAll('.mark:not([hidden])')]
          .map((m) => [m, m.getBoundingClientRect()])
          .filter(([, r]) => r.bottom > 0 && r.top < innerHeight)
          .filter(([, r]) => ownerOf(r, boxes)?.matches(s))
          .map(([m]) => m.dataset.member)
          .sort();
      },
      ownerOf.toString(),
      linkBoxes.toString(),
      selector,
    );
  // Small steps, as a wheel or a touchpad scrolls: most of them bring no link into view or out of it.
  await page.evaluate(() => scrollTo(0, 400));
  await frames(page);
  for (let step = 0; step < 30; step++) {
    await page.evaluate(() => scrollBy(0, 4));
    await frames(page);
    assert.deepEqual(await beside('.bar a'), ['awox', 'kaliop'], `the fixed header's marks follow it, step ${step}`);
  }
  for (const y of [0, 700, 1900, 3200]) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await frames(page);
    assert.deepEqual(await beside('.bar a'), ['awox', 'kaliop'], `the fixed header's member links keep their marks, scrolled to ${y}`);
    if (y >= 700) assert.deepEqual(await beside('.aside a'), ['edf'], `the sticky aside's member link keeps its mark, scrolled to ${y}`);
    // Far from where the page was first marked, the running text's member links in view have their dots too.
    const inText = await page.evaluate(() =>
      [...document.querySelectorAll('main > p a[data-fsd-member]')].filter((a) => {
        const r = a.getBoundingClientRect();
        return r.top >= 56 && r.bottom <= innerHeight;
      }).length,
    );
    assert.ok(inText > 0 && (await beside('main > p a')).length >= inText, `every member link in view in the text has its dot, scrolled to ${y}: ${inText} links`);
  }
  await page.evaluate(() => {
    const scroller = document.querySelector('.scroller');
    scroller.scrollIntoView({ block: 'center' });
  });
  await frames(page);
  const inScroller = async () => {
    const shown = await beside('.scroller a');
    const expected = await page.evaluate(() => {
      const box = document.querySelector('.scroller').getBoundingClientRect();
      return [...document.querySelectorAll('.scroller a[data-fsd-member]')].filter((a) => {
        const r = a.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      }).length;
    });
    return { shown: shown.length, expected };
  };
  const first = await inScroller();
  assert.ok(first.expected > 0, 'member links are in view in the scroller');
  await page.evaluate(() => document.querySelector('.scroller').scrollBy(0, 300));
  await frames(page);
  const scrolled = await inScroller();
  assert.ok(scrolled.expected > 0 && scrolled.shown >= scrolled.expected, `after the scroller scrolls, the links in view have their marks beside them: ${JSON.stringify(scrolled)}`);
  assert.deepEqual(await page.evaluate(() => window.__watch.wrong.slice(0, 10)), [], 'no mark ever shown beside no link or the wrong one');
  await page.close();
});

/** The member links of the running text fully in view, and how many of them have a dot shown beside them. */
const dotsInText = (page) =>
  page.evaluate(
    (ownerSource, boxesSource) => {
      const ownerOf = new Function(`return (${ownerSource})`)();
      const boxes = new Function(`return (${boxesSource})`)()();
      const links = [...document.querySelectorAll('main > p a[data-fsd-member]')].filter((a) => {
        const r = a.getBoundingClientRect();
        return r.top >= 30 && r.bottom <= innerHeight;
      });
      const layer = document.querySelector('fsd-link-marks').shadowRoot;
      const owners = new Set([...layer.querySelectorAll('.mark:not([hidden])')].map((m) => ownerOf(m.getBoundingClientRect(), boxes)));
      return { links: links.length, dotted: links.filter((a) => owners.has(a)).length };
    },
    ownerOf.toString(),
    linkBoxes.toString(),
  );

test('a long article, once marked, scrolls top to bottom with nothing written in the layer; text inserted above moves every mark with its link', async () => {
  sites.pages.set('/long', articlePage({ head: HEAD, paragraphs: 120 }));
  const page = await open(ON, '/long');
  await allMarked(page);
  // Every change in the layer's document-placed groups (the pinned group follows the viewport at each scroll), from
  // now on; the marks of the whole page are placed ahead in idle time, so the layer settles.
  await page.evaluate(() => {
    const watch = (window.__layer = { writes: 0, last: performance.now() });
    new MutationObserver((records) => {
      for (const r of records) {
        if ((r.target.closest?.('.pinned') ?? r.target.parentElement?.closest('.pinned')) || r.target.classList?.contains('pinned')) continue;
        watch.writes++;
        watch.last = performance.now();
      }
    }).observe(document.querySelector('fsd-link-marks').shadowRoot, { subtree: true, childList: true, attributes: true });
  });
  await waitFor(() => page.evaluate(() => performance.now() - window.__layer.last > 1000), 'the layer to settle');
  const height = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  assert.ok(height > 10_000, `the article is long: ${height} px to scroll`);
  const top = await dotsInText(page);
  assert.ok(top.links > 0 && top.dotted === top.links, `the links in view at the top have their dots: ${JSON.stringify(top)}`);
  await page.evaluate(() => (window.__layer.writes = 0));
  // Scrolled as a wheel does, in steps, to the bottom: every dot is already in place.
  for (let y = 0; y <= height; y += 350) {
    await page.evaluate((to) => scrollTo(0, to), y);
    await frames(page);
  }
  const bottom = await dotsInText(page);
  assert.ok(bottom.links > 0 && bottom.dotted === bottom.links, `the links in view at the bottom have their dots: ${JSON.stringify(bottom)}`);
  assert.equal(await page.evaluate(() => window.__layer.writes), 0, 'nothing is written in the layer while a page that does not change scrolls');
  // Text inserted at the top moves every link down; far below, where the visitor then scrolls, each dot has moved
  // with its link (the page-world watcher checks every frame that no dot is shown beside no link or the wrong one).
  await page.evaluate(() => scrollTo(0, 0));
  await frames(page);
  await page.evaluate(() => document.querySelector('main').insertAdjacentHTML('afterbegin', '<p style="height: 333px">Ajouté en tête.</p>'));
  await frames(page);
  for (let y = 0; y <= height + 333; y += 350) {
    await page.evaluate((to) => scrollTo(0, to), y);
    await frames(page);
    if (y % 3500 === 0) {
      const seen = await dotsInText(page);
      assert.ok(seen.dotted === seen.links, `the links in view have their dots after the insertion, scrolled to ${y}: ${JSON.stringify(seen)}`);
    }
  }
  assert.deepEqual(await page.evaluate(() => window.__watch.wrong.slice(0, 10)), [], 'no mark ever shown beside no link or the wrong one');
  await page.close();
});

test('a page of 13,000 links opened scrolled to its middle: the member links in view are marked before most of the others; past 3,000 dots, those near the viewport are kept', async () => {
  // The page scrolls itself to its middle as soon as it is parsed (a restored position, an anchor), and records how
  // many member links carry their attribute when the last of those in view gets it.
  const script = `<script>
const MEMBERS = ${JSON.stringify(MEMBER_HOSTS)};
scrollTo(0, document.documentElement.scrollHeight / 2);
const members = [...document.querySelectorAll('a[href]')].filter((a) => MEMBERS[a.hostname]);
const inView = members.filter((a) => { const r = a.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
window.__order = { members: members.length, inView: inView.length };
new MutationObserver(() => {
  if (window.__order.markedThen === undefined && inView.every((a) => a.dataset.fsdMember)) window.__order.markedThen = members.filter((a) => a.dataset.fsdMember).length;
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-fsd-member'] });
</script>`;
  sites.pages.set('/huge', articlePage({ paragraphs: 1_500, script, head: HEAD }));
  const page = await open(ON, '/huge');
  await allMarked(page, 30_000);
  const order = await page.evaluate(() => window.__order);
  assert.ok(order.members > 3_000 && order.inView > 0, `a page of many member links, some in view: ${JSON.stringify(order)}`);
  assert.ok(order.markedThen < order.members / 4, `the links in view are marked first: ${JSON.stringify(order)}`);
  // More member links than the layer keeps dots for (MAX_MARKS in annotate-links.ts): once it has placed them
  // ahead, it holds at most 3,000, and wherever the visitor goes, the links in view have theirs.
  const dots = () => page.evaluate(() => document.querySelector('fsd-link-marks').shadowRoot.querySelectorAll('.mark').length);
  let count = -1;
  await waitFor(
    async () => {
      const before = await dots();
      await new Promise((r) => setTimeout(r, 1000));
      return (count = await dots()) === before;
    },
    'the layer to settle',
    30_000,
  );
  assert.ok(count > 2_000 && count <= 3_000, `the layer keeps at most 3,000 dots: ${count}`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  for (const y of [0, height / 4, height, height / 2 + 5_000]) {
    for (let step = 0; step < 3; step++) {
      await page.evaluate((to) => scrollTo(0, to), y + step * 300);
      await frames(page);
    }
    const seen = await dotsInText(page);
    assert.ok(seen.links > 0 && seen.dotted === seen.links, `the links in view have their dots, scrolled to ${Math.round(y)}: ${JSON.stringify(seen)}`);
  }
  // Those far from where the visitor went gave theirs up, not the others.
  const kept = await dots();
  assert.ok(kept > 2_000 && kept <= 3_000, `the layer still keeps up to 3,000 dots: ${kept}`);
  assert.deepEqual(await page.evaluate(() => window.__watch.wrong.slice(0, 10)), [], 'no mark ever shown beside no link or the wrong one');
  await page.close();
});
