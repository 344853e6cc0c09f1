// Link marks (the extension's annotation) on the largest page of the annotation tests: the article of
// tools/annotation-pages.mjs with 555 paragraphs (about 5,000 links, one in four to a member), with the shipped
// Chrome build in headless Chromium. The same page is opened on a site where annotation is on and on one where it is
// off, in the same run (in turns: on then off, off then on), and traced (main thread of the page's renderer):
//   - time from the load event until every member link in the viewport shows its mark, and until every member link
//     of the page carries its attribute, and until the marks of the whole page are placed (ahead of scrolling, in
//     idle time), against the page's own load;
//   - the longest main-thread task (scripting and rendering) from navigation until every mark is placed, against the
//     same span of the page without annotation; the longest of the tasks that annotation schedules (its idle
//     callbacks, timers and message replies, and the frames in which it draws, their rendering included); and the
//     most time its script takes inside one of the page's own tasks (its evaluation at document_start, its
//     DOMContentLoaded listener, its MutationObserver callbacks);
//   - after marking, the main-thread time of a frame while the page scrolls (120 frames), against the same scroll of
//     the page without annotation.
/* global chrome */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEMBER_HOSTS, articlePage } from '../tools/annotation-pages.mjs';
import { grantedCopy, launchWithExtension, startSites, waitFor } from '../tools/extension.mjs';
import { median } from './harness.mjs';

const RUNS = 9;
const PARAGRAPHS = 555;
const FRAMES = 120;
const ON = 'www.annotated-journal.fr';
const OFF = 'www.plain-journal.fr';

// In the page, first: user-timing marks the trace can find (load, every visible member link marked and drawn,
// every member link marked), and a scripted scroll of FRAMES frames between two more marks.
const WATCH = `(() => {
const MEMBERS = ${JSON.stringify(MEMBER_HOSTS)};
const bench = (window.__bench = { attributes: 0 });
new MutationObserver((records) => {
  for (const r of records) if (r.attributeName === 'data-fsd-member' && r.oldValue === null) bench.attributes++;
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-fsd-member'], attributeOldValue: true });
addEventListener('load', () => {
  performance.mark('fsd-bench-load');
  bench.load = performance.now();
  const members = [...document.querySelectorAll('a[href]')].filter((a) => MEMBERS[a.hostname]);
  bench.expected = members.length;
  const inView = members.filter((a) => { const r = a.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
  bench.inView = inView.length;
  const tick = () => {
    if (bench.visible === undefined && inView.every((a) => a.dataset.fsdMember)) {
      const layer = document.querySelector('fsd-link-marks')?.shadowRoot;
      const shown = layer ? [...layer.querySelectorAll('.mark:not([hidden])')].filter((m) => { const r = m.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }).length : 0;
      if (shown >= inView.length) { bench.visible = performance.now(); performance.mark('fsd-bench-visible'); }
    }
    if (bench.all === undefined && bench.attributes >= bench.expected) { bench.all = performance.now(); performance.mark('fsd-bench-all'); }
    // The marks placed ahead of scrolling, in idle time: the last change in the layer before the scroll is when
    // they were all placed.
    const root = document.querySelector('fsd-link-marks')?.shadowRoot;
    if (root && !bench.layerWatched) {
      bench.layerWatched = true;
      bench.lastMarkChange = performance.now();
      new MutationObserver(() => { if (!bench.scrolling) bench.lastMarkChange = performance.now(); }).observe(root, { subtree: true, childList: true, attributes: true });
    }
    // Until both are seen, or the scroll starts (the page without annotation never sees them): the scrolled frames
    // of both pages run the same script.
    if ((bench.visible === undefined || bench.all === undefined) && !bench.scrolling) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
window.__scroll = (frames) => new Promise((done) => {
  let n = 0;
  window.__bench.scrolling = true;
  performance.mark('fsd-bench-scroll');
  const step = () => {
    scrollBy(0, 37);
    if (++n < frames) requestAnimationFrame(step);
    else requestAnimationFrame(() => { performance.mark('fsd-bench-scrolled'); done(); });
  };
  requestAnimationFrame(step);
});
})();`;

/** Whether a trace event is the extension's content script running (a callback of it, or its evaluation). */
const ofContentScript = (e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && /^chrome-extension:\/\/[a-p]{32}\/content\.js$/.test(e.args?.data?.url ?? '');
/** The events through which the browser runs a callback that a script scheduled (an idle period, a timer, a frame). */
const CALLBACKS = new Set(['FireIdleCallback', 'TimerFire', 'FireAnimationFrame']);
/** The events that stand for a task itself (the scheduler's own, around the work). */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The page renderer's main-thread tasks and the user-timing marks, from a trace file. Of each task: whether
 * annotation scheduled it (`ours`: an idle callback, timer or animation frame of the content script, whose frame
 * renders too, or a message's reply), and how long the content script ran in it (`script`, ms; in the page's own
 * tasks: its evaluation at document_start, its DOMContentLoaded listener, its MutationObserver callbacks).
 */
function readTrace(path) {
  const parsed = JSON.parse(readFileSync(path, 'utf8'));
  const events = parsed.traceEvents ?? parsed;
  const marks = {};
  let pid;
  for (const e of events) {
    if (e.name?.startsWith('fsd-bench-') && e.cat?.includes('blink.user_timing')) {
      marks[e.name] ??= e.ts;
      pid = e.pid;
    }
  }
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === main?.tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  for (let i = 0; i < onMain.length; i++) {
    const task = onMain[i];
    if (task.name !== 'RunTask') continue;
    const end = task.ts + task.dur;
    let ours = false;
    let script = 0;
    let scriptUntil = -Infinity;
    // The events within the task (sorted by start): the content script's outermost ones, and what holds them.
    const holders = [];
    for (let j = i + 1; j < onMain.length && onMain[j].ts <= end; j++) {
      const e = onMain[j];
      if (e.name === 'RunTask') break;
      while (holders.length && holders.at(-1).ts + holders.at(-1).dur < e.ts) holders.pop();
      if (ofContentScript(e)) {
        if (e.ts >= scriptUntil) {
          script += e.dur / 1000;
          scriptUntil = e.ts + e.dur;
          // Directly in the task (a message's reply), or in a callback the browser runs for it.
          ours ||= !holders.length || CALLBACKS.has(holders.at(-1).name);
        }
      } else if (!TASK_EVENTS.has(e.name)) holders.push(e);
    }
    tasks.push({ start: task.ts, end, dur: task.dur / 1000, ours, script });
  }
  const navigation = events.find((e) => e.pid === pid && e.name === 'navigationStart')?.ts ?? Math.min(...tasks.map((t) => t.start));
  return { marks, tasks, navigation };
}

/**
 * Of the tasks that start within [from, to] (trace microseconds): the longest, the longest that annotation
 * scheduled, the most time the content script took in one of the page's own tasks, and the sum of their durations.
 */
function within(tasks, from, to) {
  const inside = tasks.filter((t) => t.start >= from && t.start <= to);
  const most = (list, of) => Math.max(0, ...list.map(of));
  return {
    longest: most(inside, (t) => t.dur),
    longestOurs: most(inside.filter((t) => t.ours), (t) => t.dur),
    scriptInPage: most(inside.filter((t) => !t.ours), (t) => t.script),
    total: inside.reduce((sum, t) => sum + t.dur, 0),
  };
}

export default async function linkMarks({ report }) {
  const sites = await startSites();
  sites.files.set('/bench-watch.js', WATCH);
  const article = articlePage({ paragraphs: PARAGRAPHS, head: '<script src="/bench-watch.js"></script>' });
  sites.pages.set('/article', article);
  const copy = grantedCopy('chrome');
  const ext = await launchWithExtension(copy.dir);
  const tracePath = join(tmpdir(), `fsd-link-marks-${process.pid}.json`);
  try {
    await ext.inWorker((host) => chrome.storage.local.set({ language: 'fr', annotateSites: [host] }), ON);
    await waitFor(async () => (await ext.inWorker(async () => (await chrome.scripting.getRegisteredContentScripts()).length)) === 1, 'the content script to be registered');
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });

    /** Opens the article on `host` under a trace; waits for marking (or `settle` ms); scrolls; returns the figures. */
    const visit = async (host, settle) => {
      await page.tracing.start({ path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'] });
      await page.goto(sites.url(host, '/article'), { waitUntil: 'load' });
      // With annotation: until every link is marked and the layer has not changed for a second.
      if (settle === undefined) await page.waitForFunction(() => window.__bench.visible !== undefined && window.__bench.all !== undefined && performance.now() - window.__bench.lastMarkChange > 1000, { timeout: 60_000, polling: 100 });
      else await new Promise((r) => setTimeout(r, settle));
      await new Promise((r) => setTimeout(r, 300));
      await page.evaluate((frames) => window.__scroll(frames), FRAMES);
      const bench = await page.evaluate(() => window.__bench);
      await page.tracing.stop();
      return { bench, trace: readTrace(tracePath) };
    };

    // How long the page without annotation waits before its scroll: as long as the last page with it waited.
    const settleOf = (on) => Math.ceil(on.bench.lastMarkChange - on.bench.load + 1000);
    let settle = settleOf(await visit(ON)); // warm-up: caches, the extension's registry in memory
    const figures = { load: [], visible: [], all: [], placed: [], longestOn: [], longestOff: [], longestOurs: [], scriptInPage: [], frameOn: [], frameOff: [], inView: 0, expected: 0 };
    for (let run = 0; run < RUNS; run++) {
      // The two visits of a run in turns, one order then the other (ABBA): a drift of the machine over the run, or
      // what the first visit leaves for the second, weighs on neither side.
      let on, off;
      if (run % 2 === 0) {
        on = await visit(ON);
        off = await visit(OFF, settleOf(on));
      } else {
        off = await visit(OFF, settle);
        on = await visit(ON);
      }
      settle = settleOf(on);
      // Trace microseconds, until the last change in the layer.
      const span = on.trace.marks['fsd-bench-all'] - on.trace.navigation + Math.max(0, on.bench.lastMarkChange - on.bench.all) * 1000;
      figures.load.push(off.bench.load);
      figures.visible.push(on.bench.visible - on.bench.load);
      figures.all.push(on.bench.all - on.bench.load);
      figures.placed.push(on.bench.lastMarkChange - on.bench.load);
      figures.inView = on.bench.inView;
      figures.expected = on.bench.expected;
      const marking = within(on.trace.tasks, on.trace.navigation, on.trace.navigation + span);
      figures.longestOn.push(marking.longest);
      figures.longestOurs.push(marking.longestOurs);
      figures.scriptInPage.push(marking.scriptInPage);
      figures.longestOff.push(within(off.trace.tasks, off.trace.navigation, off.trace.navigation + span).longest);
      for (const [visitFigures, key] of [[on, 'frameOn'], [off, 'frameOff']]) {
        const { marks, tasks } = visitFigures.trace;
        figures[key].push(within(tasks, marks['fsd-bench-scroll'], marks['fsd-bench-scrolled']).total / FRAMES);
      }
    }
    const load = median(figures.load);
    report(`article of ${article.match(/<a /g).length} links, ${figures.expected} to members: its own load (reference, median of ${RUNS})`, load, 'ms');
    report(`every member link in view (${figures.inView}) marked and drawn, after load`, median(figures.visible), 'ms', `${(median(figures.visible) / load).toFixed(2)}× the page's load`);
    report(`every member link of the page marked (${figures.expected}), after load`, median(figures.all), 'ms', `${(median(figures.all) / load).toFixed(2)}× the page's load`);
    report(`every mark of the page placed (drawn ahead of scrolling, in idle time), after load`, median(figures.placed), 'ms', `${(median(figures.placed) / load).toFixed(2)}× the page's load`);
    const longestOff = median(figures.longestOff);
    report('longest main-thread task, navigation to every mark placed, without annotation (reference)', longestOff, 'ms');
    report('longest main-thread task, navigation to every mark placed, with annotation', median(figures.longestOn), 'ms', `${(median(figures.longestOn) / longestOff).toFixed(2)}× the reference; long task from 50 ms`);
    report(
      'longest task that annotation schedules (its idle callbacks, timers, replies, and the frames it draws in), same span',
      median(figures.longestOurs),
      'ms',
      `${(median(figures.longestOurs) / longestOff).toFixed(2)}× the reference; longest of ${RUNS} runs ${Math.max(...figures.longestOurs).toFixed(1)} ms; long task from 50 ms`,
    );
    report(
      "most time the content script adds to one of the page's own tasks (its listeners and observers), same span",
      median(figures.scriptInPage),
      'ms',
      `longest of ${RUNS} runs ${Math.max(...figures.scriptInPage).toFixed(1)} ms`,
    );
    const frameOff = median(figures.frameOff);
    report(`main-thread time per frame, ${FRAMES} frames of scrolling, without annotation (reference)`, frameOff, 'ms');
    // Each run's two visits follow each other: the ratio within a run leaves out how busy the machine was then.
    const ratios = figures.frameOn.map((on, i) => on / figures.frameOff[i]);
    report(
      `main-thread time per frame, ${FRAMES} frames of scrolling, marks shown`,
      median(figures.frameOn),
      'ms',
      `${(median(figures.frameOn) / frameOff).toFixed(2)}× the reference; median of the runs' own ratios ${median(ratios).toFixed(2)}×, from ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)}`,
    );
  } finally {
    rmSync(tracePath, { force: true });
    await ext.close();
    await sites.close();
    copy.remove();
  }
}
