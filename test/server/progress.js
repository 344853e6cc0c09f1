// Where each engine's test page is, for the case where a test file never finishes (web-test-runner then says only
// "did not finish within …ms"). Every test page sends, with navigator.sendBeacon, a beat each second, the name of
// each test as it starts and as it ends, and the end of the run; the summary of a file that did not finish then says
// which test was running and whether the page still beat (a test waiting on something) or had stopped (its thread
// held: a loop, a modal prompt), or that every test had ended (the results never reached the runner).
//   progressScript     the classic script put before the test framework in each test page (web-test-runner.config.js)
//   progressMiddleware records the beats, POST /__wtr-progress
//   progressOf         what was last heard from an engine's page of a file, for counting-reporter.js

/** engine name (Chrome, Firefox, WebKit) + test file → { beat, test, testAt, ended, done } (times in ms since the epoch) */
const heard = new Map();

/** The engine's name as web-test-runner's launchers give it, from a page's user agent. */
function engineOf(userAgent = '') {
  if (/Firefox\//.test(userAgent)) return 'Firefox';
  if (/Chrome\//.test(userAgent)) return 'Chrome';
  return 'WebKit';
}

const key = (engine, file) => `${engine} ${file}`;

export async function progressMiddleware(ctx, next) {
  if (ctx.path !== '/__wtr-progress' || ctx.method !== 'POST') return next();
  const body = await new Promise((resolve) => {
    let text = '';
    ctx.req.on('data', (chunk) => (text += chunk));
    ctx.req.on('end', () => resolve(text));
  });
  try {
    const { file, test, ended, done } = JSON.parse(body);
    if (typeof file === 'string') {
      const entry = heard.get(key(engineOf(ctx.get('user-agent')), file)) ?? {};
      entry.beat = Date.now();
      if (typeof test === 'string') Object.assign(entry, { test, testAt: entry.beat, ended: undefined });
      if (typeof ended === 'string' && ended === entry.test) entry.ended = entry.beat;
      if (done === true) entry.done = entry.beat;
      heard.set(key(engineOf(ctx.get('user-agent')), file), entry);
    }
  } catch {
    // not a beat of ours
  }
  ctx.status = 204;
}

/**
 * A sentence on what was last heard from `engine`'s page of `file` (an absolute path or one from the root), or
 * `undefined` when nothing was.
 * @param {string} engine
 * @param {string} file
 * @param {number} [now]
 */
export function progressOf(engine, file, now = Date.now()) {
  const relative = file.startsWith(process.cwd()) ? file.slice(process.cwd().length) : `/${file.replace(/^\//, '')}`;
  const entry = heard.get(key(engine, relative)) ?? heard.get(key(engine, relative.replace(/^\//, '')));
  if (!entry) return undefined;
  const seconds = (ms) => `${Math.round(ms / 1000)} s`;
  const running = entry.test ? `the last test started was "${entry.test}", ${seconds(now - entry.testAt)} before` : 'no test had started';
  if (entry.done) return `${running}; the run had ended ${seconds(now - entry.done)} before, but its results never reached the runner`;
  const ended = entry.ended ? `, and ended ${seconds(now - entry.ended)} before` : '';
  const waiting = entry.ended ? 'an `after` hook or the framework waiting' : 'a test waiting';
  const beat = now - entry.beat > 5000 ? `the page stopped beating ${seconds(now - entry.beat)} before (its thread held)` : `the page was still beating (${waiting})`;
  return `${running}${ended}; ${beat}`;
}

// In the page: beats, and hooks before and after each test and after the run (mocha's root hooks, caught as the
// framework defines its globals). Never throws into the test page.
export const progressScript = `<script>(() => {
  const send = (news) => {
    try {
      const file = window.__WTR_CONFIG__ && window.__WTR_CONFIG__.testFile;
      if (file) navigator.sendBeacon('/__wtr-progress', JSON.stringify({ file: file.split('?')[0], ...news }));
    } catch {}
  };
  setInterval(() => send({}), 1000);
  const title = (context) => (context.currentTest ? context.currentTest.fullTitle() : '');
  const onDefine = (name, rootHook) => Object.defineProperty(window, name, {
    configurable: true,
    set(hook) {
      Object.defineProperty(window, name, { value: hook, writable: true, configurable: true, enumerable: true });
      try { hook(rootHook); } catch {}
    },
  });
  onDefine('beforeEach', function () { send({ test: title(this) }); });
  onDefine('afterEach', function () { send({ ended: title(this) }); });
  onDefine('after', function () { send({ done: true }); });
})();</script>`;
