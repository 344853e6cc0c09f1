// Where each engine's test page is, for the case where a test file never finishes (web-test-runner then says only
// "did not finish within …ms"). Every test page sends, with navigator.sendBeacon, a beat each second, the name of
// each test as it starts and as it ends, and the end of the run; the summary of a file that did not finish then says
// which test was running and whether the page still beat (a test waiting on something) or had stopped (its thread
// held: a loop, a modal prompt), or that every test had ended (the results never reached the runner).
//   progressScript     the classic script put before the test framework in each test page (web-test-runner.config.js)
//   progressMiddleware records the beats, POST /__wtr-progress
//   progressPlugin     records when the runner's socket brought each page's results (a web-test-runner plugin)
//   progressOf         what was last heard from an engine's page of a file, for counting-reporter.js
//   uncloneableOf      the parts of a page's results that could not be cloned (named, then sent as their names)
//   notesOf            what a page's tests asked to be told in the summary (window.__fsdProgressNote(text))

/** engine name (Chrome, Firefox, WebKit) + test file → { beat, test, testAt, ended, done } (times in ms since the epoch) */
const heard = new Map();

/** The engine's name as web-test-runner's launchers give it, from a page's user agent. */
function engineOf(userAgent = '') {
  if (/Firefox\//.test(userAgent)) return 'Firefox';
  if (/Chrome\//.test(userAgent)) return 'Chrome';
  return 'WebKit';
}

const key = (engine, file) => `${engine} ${file}`;

/** web-test-runner's session id → when its page's results came in on the runner's socket (ms since the epoch) */
const received = new Map();

export const progressPlugin = {
  name: 'fsd-progress',
  serverStart({ webSockets }) {
    webSockets?.on('message', ({ data }) => {
      if (data?.type === 'wtr-session-finished' && typeof data.sessionId === 'string') received.set(data.sessionId, Date.now());
    });
  },
};

export async function progressMiddleware(ctx, next) {
  if (ctx.path !== '/__wtr-progress' || ctx.method !== 'POST') return next();
  const body = await new Promise((resolve) => {
    let text = '';
    ctx.req.on('data', (chunk) => (text += chunk));
    ctx.req.on('end', () => resolve(text));
  });
  try {
    const { file, session, test, ended, done, sent, failure, uncloneable, note } = JSON.parse(body);
    if (typeof file === 'string') {
      const entry = heard.get(key(engineOf(ctx.get('user-agent')), file)) ?? {};
      entry.beat = Date.now();
      if (typeof test === 'string') Object.assign(entry, { test, testAt: entry.beat, ended: undefined });
      if (typeof ended === 'string' && ended === entry.test) entry.ended = entry.beat;
      if (done === true) entry.done = entry.beat;
      if (typeof session === 'string') entry.session = session;
      if (sent && typeof sent === 'object') entry.sent = sent;
      if (typeof failure === 'string' && entry.done) entry.failure = failure;
      if (typeof uncloneable === 'string') entry.uncloneable = uncloneable;
      if (typeof note === 'string' && (entry.notes ??= []).length < 20) entry.notes.push(`${entry.test ? `"${entry.test}": ` : ''}${note.slice(0, 500)}`);
      heard.set(key(engineOf(ctx.get('user-agent')), file), entry);
    }
  } catch {
    // not a beat of ours
  }
  ctx.status = 204;
}

/** What was heard from `engine`'s page of `file` (an absolute path or one from the root). */
function entryOf(engine, file) {
  const relative = file.startsWith(process.cwd()) ? file.slice(process.cwd().length) : `/${file.replace(/^\//, '')}`;
  return heard.get(key(engine, relative)) ?? heard.get(key(engine, relative.replace(/^\//, '')));
}

/**
 * A sentence on what was last heard from `engine`'s page of `file` (an absolute path or one from the root), or
 * `undefined` when nothing was.
 * @param {string} engine
 * @param {string} file
 * @param {number} [now]
 */
export function progressOf(engine, file, now = Date.now()) {
  const entry = entryOf(engine, file);
  if (!entry) return undefined;
  const seconds = (ms) => `${Math.round(ms / 1000)} s`;
  const running = entry.test ? `the last test started was "${entry.test}", ${seconds(now - entry.testAt)} before` : 'no test had started';
  if (entry.done) {
    const got = entry.session && received.get(entry.session);
    const { sent } = entry;
    const fate = got
      ? `the runner's socket brought them ${seconds(now - got)} before, and the runner never took them in`
      : !sent
        ? 'the test framework never sent them'
        : sent.state === 1
          ? `they were sent (${sent.bytes.toLocaleString('en')} characters) on an open socket and never arrived`
          : `the socket was not open (state ${sent.state}), so they were sent again by HTTP, and never arrived`;
    const failure = entry.failure ? ` (after the run, the page's last uncaught error: ${entry.failure})` : '';
    return `${running}; the run had ended ${seconds(now - entry.done)} before, but its results never reached the runner: ${fate}${failure}`;
  }
  const ended = entry.ended ? `, and ended ${seconds(now - entry.ended)} before` : '';
  const waiting = entry.ended ? 'an `after` hook or the framework waiting' : 'a test waiting';
  const beat = now - entry.beat > 5000 ? `the page stopped beating ${seconds(now - entry.beat)} before (its thread held)` : `the page was still beating (${waiting})`;
  return `${running}${ended}; ${beat}`;
}

/**
 * What of `engine`'s page of `file` could not be cloned when its results were sent (web-test-runner's `stable()`
 * clones them with structuredClone, and a value it cannot clone lost the whole file's results: the page then never
 * finished), or `undefined`.
 * @param {string} engine
 * @param {string} file
 */
export function uncloneableOf(engine, file) {
  return entryOf(engine, file)?.uncloneable;
}

/**
 * What `engine`'s page of `file` asked to be told in the summary of the run (a scenario run again because the machine
 * stalled it, for one: test/helpers/heartbeat.ts), or an empty list.
 * @param {string} engine
 * @param {string} file
 * @returns {string[]}
 */
export function notesOf(engine, file) {
  return entryOf(engine, file)?.notes ?? [];
}

// In the page: beats, and hooks before and after each test and after the run (mocha's root hooks, caught as the
// framework defines its globals). Never throws into the test page.
export const progressScript = `<script>(() => {
  const session = new URL(location.href).searchParams.get('wtr-session-id');
  const send = (news) => {
    try {
      const file = window.__WTR_CONFIG__ && window.__WTR_CONFIG__.testFile;
      if (file) navigator.sendBeacon('/__wtr-progress', JSON.stringify({ file: file.split('?')[0], session, ...news }));
    } catch {}
  };
  // The page's results, as the framework sends them on the runner's socket: noted, and sent by the runner's HTTP
  // route instead when that socket is not open (they would be dropped without a word).
  const socketSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    try {
      if (typeof data === 'string' && data.includes('"type":"wtr-session-finished"')) {
        send({ sent: { state: this.readyState, bytes: data.length } });
        if (this.readyState !== WebSocket.OPEN) {
          fetch('/__web-test-runner__/wtr-legacy-browser-api', { method: 'POST', body: data }).catch(() => {});
          return;
        }
      }
    } catch {}
    return socketSend.call(this, data);
  };
  // web-test-runner clones what it sends (stable(), with structuredClone): one value that cannot be cloned made the
  // sending reject unseen, and the file's results were lost. When a clone fails, each part that cannot be cloned is
  // replaced by its description, and named to the runner; the rest goes through as it is.
  const clone = window.structuredClone;
  if (typeof clone === 'function') {
    window.structuredClone = function (value, options) {
      try {
        return clone.call(window, value, options);
      } catch (error) {
        const named = [];
        const seen = new WeakSet();
        const clean = (part, path) => {
          const type = typeof part;
          if (type === 'function' || type === 'symbol') {
            named.push(path + ' (' + type + ')');
            return '[' + type + ']';
          }
          if (type !== 'object' || part === null) return part;
          if (seen.has(part)) return part;
          seen.add(part);
          try {
            clone.call(window, part);
            return part;
          } catch {}
          const plain = Array.isArray(part) || Object.getPrototypeOf(part) === Object.prototype || Object.getPrototypeOf(part) === null;
          if (!plain) {
            const name = Object.prototype.toString.call(part);
            named.push(path + ' (' + name + ')');
            return '[' + name + ']';
          }
          if (Array.isArray(part)) return part.map((item, i) => clean(item, path + '[' + i + ']'));
          const copy = {};
          for (const key of Object.keys(part)) copy[key] = clean(part[key], path + '.' + key);
          return copy;
        };
        const cleaned = clean(value, 'results');
        send({ uncloneable: (named.join(', ') || String(error)).slice(0, 1000) });
        return clone.call(window, cleaned, options);
      }
    };
  }
  // A line for the summary of the run, from a test (notesOf).
  window.__fsdProgressNote = (text) => send({ note: String(text) });
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
  // An error or a rejection nobody caught (the framework's sending of the results, for one), named to the runner.
  const uncaught = (reason) => {
    try { send({ failure: String((reason && (reason.stack || reason.message)) || reason).slice(0, 500) }); } catch {}
  };
  addEventListener('error', (event) => uncaught(event.error || event.message));
  addEventListener('unhandledrejection', (event) => uncaught(event.reason));
})();</script>`;
