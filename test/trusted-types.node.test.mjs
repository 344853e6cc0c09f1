// End-to-end: every combination of bundles the README recommends, on a page served with Trusted Types enforced
// (`require-trusted-types-for 'script'; trusted-types lit-html`), in headless Chromium: each widget renders, and no
// Content-Security-Policy violation is reported. Then the cases that cannot work: a second copy of Lit that is not
// ours already holds "lit-html"; our bundles then say so in the console and throw nothing into the page.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, openExamples } from '../tools/server.mjs';
import { openPage } from './helpers/pages.mjs';

const TRUSTED_TYPES = `${CONTENT_SECURITY_POLICY}; require-trusted-types-for 'script'; trusted-types lit-html`;
const WIDGETS = {
  'fsd-member-badge': '<fsd-member-badge member="kaliop" src="/data/members.json"></fsd-member-badge>',
  'fsd-member-directory': '<fsd-member-directory src="/data/members.json" url-state="none"></fsd-member-directory>',
  'fsd-event-calendar': '<fsd-event-calendar src="/data/events.json" view="list"></fsd-event-calendar>',
};
/** The state each widget settles on when it renders its data (the badge on its member's own host). */
const RENDERED = { 'fsd-member-badge': 'verified', 'fsd-member-directory': 'ready', 'fsd-event-calendar': ['ready', 'empty'] };

let dir;
let context;
let port;
let browser;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fsd-trusted-types-'));
  // The policy of each folder, in the site's own _headers (tools/server.mjs applies them to its pages).
  writeFileSync(
    join(dir, '_headers'),
    `/tt/*\n  Content-Security-Policy: ${TRUSTED_TYPES}\n/tt-fsd/*\n  Content-Security-Policy: ${TRUSTED_TYPES} fsd-lit-html\n`,
  );
  // A page's own Lit (or an older copy of our bundles), which takes "lit-html" before ours load.
  writeFileSync(join(dir, 'own-lit.js'), "trustedTypes.createPolicy('lit-html', { createHTML: (html) => html });\n");
  const dist = resolve('packages/widgets/dist');
  // The examples server and its browser, where the member's host is a secure context (WebCrypto checks signatures).
  context = await openExamples({ mounts: [['/tt/', dir, { headers: true }], ['/tt-fsd/', dir, { headers: true }], ['/v2/', dist]] });
  port = new URL(context.origin).port;
  ({ browser } = context);
});
after(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes a page loading `scripts` (in order) with `tags`, and opens it on the member's host under `folder`'s policy. */
async function open(name, scripts, tags, folder = 'tt') {
  const head = scripts.map((src) => (src.endsWith('own-lit.js') ? `<script src="${src}"></script>` : `<script type="module" src="${src}"></script>`));
  writeFileSync(join(dir, `${name}.html`), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,">${head.join('')}</head><body>${tags.map((t) => WIDGETS[t]).join('')}</body></html>`);
  const warnings = [];
  const opened = await openPage(browser, `http://www.kaliop.com:${port}/${folder}/${name}.html`, (page) =>
    page.on('console', (message) => message.type() === 'warn' && warnings.push(message.text())),
  );
  return { ...opened, warnings, csp: opened.response.headers()['content-security-policy'] };
}

/** Waits until each of `tags` has settled, then resolves with its state and whether its shadow root shows anything. */
async function rendered(page, tags) {
  await page.waitForFunction((names) => names.every((n) => { const s = document.querySelector(n)?.getAttribute('state'); return s && s !== 'loading'; }), { timeout: 10_000 }, tags);
  return page.evaluate((names) => Object.fromEntries(names.map((n) => {
    const element = document.querySelector(n);
    return [n, { state: element.getAttribute('state'), shown: (element.shadowRoot?.textContent ?? '').trim().length > 0 }];
  })), tags);
}

/** A console line that only reports a refused policy name: Chromium's own message, or the `securitypolicyviolation` event. */
const policyRefused = (text) => /^Creating a TrustedTypePolicy named '(lit-html|fsd-lit-html)' violates|^CSP violation: trusted-types /.test(text);

const COMBINATIONS = [
  ['the badge alone', ['/dist/fsd-member-badge.js'], ['fsd-member-badge']],
  ['the directory alone', ['/dist/fsd-member-directory.js'], ['fsd-member-directory']],
  ['the calendar alone', ['/dist/fsd-event-calendar.js'], ['fsd-event-calendar']],
  ['the directory and the calendar, each by its entry', ['/dist/fsd-member-directory.js', '/dist/fsd-event-calendar.js'], ['fsd-member-directory', 'fsd-event-calendar']],
  ['every widget from fsd-widgets.js', ['/dist/fsd-widgets.js'], Object.keys(WIDGETS)],
  ['the standalone badge beside the other entries (two copies of Lit)', ['/dist/fsd-member-badge.js', '/dist/fsd-member-directory.js', '/dist/fsd-event-calendar.js'], Object.keys(WIDGETS)],
  ['the other entries, then the standalone badge', ['/dist/fsd-member-directory.js', '/dist/fsd-event-calendar.js', '/dist/fsd-member-badge.js'], Object.keys(WIDGETS)],
  ['fsd-widgets.js and the standalone badge', ['/dist/fsd-widgets.js', '/dist/fsd-member-badge.js'], Object.keys(WIDGETS)],
  ['two copies of fsd-widgets.js (two versions on one page)', ['/dist/fsd-widgets.js', '/v2/fsd-widgets.js'], Object.keys(WIDGETS)],
];

for (const [what, scripts, tags] of COMBINATIONS) {
  test(`Trusted Types enforced, ${what}: every widget renders, and no violation is reported`, async () => {
    const { page, errors, csp, close } = await open(what.replace(/\W+/g, '-'), scripts, tags);
    try {
      assert.match(csp, /require-trusted-types-for 'script'; trusted-types lit-html$/);
      const states = await rendered(page, tags);
      for (const tag of tags) {
        const wanted = [RENDERED[tag]].flat();
        assert.ok(wanted.includes(states[tag].state) && states[tag].shown, `${tag}: ${JSON.stringify(states[tag])}`);
      }
      // openPage reports each `securitypolicyviolation` event, page error and console error here.
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

test('Trusted Types enforced, the page’s own Lit holding "lit-html": our widgets stay undefined, the console names them, nothing is thrown', async () => {
  const tags = ['fsd-member-directory', 'fsd-event-calendar'];
  const { page, errors, warnings, close } = await open('own-lit', ['/tt/own-lit.js', '/dist/fsd-member-directory.js', '/dist/fsd-event-calendar.js'], tags);
  try {
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('fsd-event-calendar.js')), { timeout: 10_000 });
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 10_000 });
    assert.deepEqual(await page.evaluate((names) => names.map((n) => Boolean(customElements.get(n))), tags), [false, false]);
    for (const tag of tags) assert.ok(warnings.some((w) => w.includes(`[FrenchSouth.digital] <${tag}> not defined`)), warnings.join('\n'));
    // The refused policy names are reported as violations (Chromium's message and the event); no exception reaches the page.
    assert.ok(errors.length > 0 && errors.every(policyRefused), errors.join('\n'));
  } finally {
    await close();
  }
});

test('with "fsd-lit-html" allowed too, our widgets render beside the page’s own Lit', async () => {
  const tags = ['fsd-member-badge', 'fsd-member-directory'];
  const { page, errors, close } = await open('own-lit-fsd', ['/tt-fsd/own-lit.js', '/dist/fsd-member-badge.js', '/dist/fsd-member-directory.js'], tags, 'tt-fsd');
  try {
    const states = await rendered(page, tags);
    assert.deepEqual(states, { 'fsd-member-badge': { state: 'verified', shown: true }, 'fsd-member-directory': { state: 'ready', shown: true } });
    // Only the first try, "lit-html", is refused (the page's Lit holds it); "fsd-lit-html" then works.
    assert.ok(errors.length > 0 && errors.every(policyRefused), errors.join('\n'));
  } finally {
    await close();
  }
});
