// End-to-end (issue 16): the cluster's registry feed, and a partner's registry added with its key, verified by the
// extension through the shared feed client (@frenchsouth-digital/feed, signature.ts), in headless Chromium. The test runs a copy of the shipped Chrome build in which, as in
// the examples' build (rollup.config.js), the development key (tools/dev-key.mjs) is pinned, and the test server's
// feed origin stands for https://www.frenchsouth.digital (where signatures are required): the same code otherwise.
/* global chrome */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, launchWithExtension, sampleFeed, startSites, waitFor } from '../../../tools/extension.mjs';
import { developmentKey, signWithDevelopmentKey } from '../../../tools/dev-key.mjs';
import { partnerRegistryCase } from './partner-registry.mjs';

let sites;
let ext;
let copy;

/** The shipped build, with the development key pinned and `origin` requiring signatures (asserted replaced). */
function signedCopy(origin) {
  const dir = mkdtempSync(join(tmpdir(), 'fsd-extension-signed-'));
  cpSync(join(DIST, 'chrome'), dir, { recursive: true });
  const file = join(dir, 'background.js');
  let code = readFileSync(file, 'utf8');
  const { kid, raw } = developmentKey();
  for (const [from, to] of [
    ['const DEVELOPMENT_KEYS = {};', `const DEVELOPMENT_KEYS = ${JSON.stringify({ [kid]: raw })};`],
    ['new Set(["https://www.frenchsouth.digital"])', `new Set(["https://www.frenchsouth.digital", ${JSON.stringify(origin)}])`],
  ]) {
    assert.ok(code.includes(from), `the build's background.js no longer has ${from}`);
    code = code.replace(from, to);
  }
  writeFileSync(file, code);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const expires = new Date(Date.now() + 30 * 86_400_000).toISOString();

before(async () => {
  sites = await startSites();
  sites.pages.set('*', (url) => `<!doctype html><title>${url.hostname}</title><p>${url.hostname}</p>`);
  copy = signedCopy(new URL(sites.url('feeds.frenchsouth.test')).origin);
  ext = await launchWithExtension(copy.dir);
  await ext.inWorker(() => chrome.storage.local.set({ language: 'fr' }));
});
after(async () => {
  await ext?.close();
  await sites?.close();
  copy?.remove();
});

test('the cluster’s registry: a genuine signed feed flags its members; one byte changed is refused (console, options page), the last good copy still flags', async () => {
  const feed = sampleFeed();
  const signed = { ...feed, updated: '2026-11-29T10:00:00+01:00', members: [...feed.members, { ...feed.members[0], id: 'signe', name: 'Signé (exemple)', domains: ['signe.example'] }] };
  const { text, jws } = signWithDevelopmentKey(signed, 'members.json', expires);
  const url = sites.setFeed('/feeds/members.json', text);
  sites.setFeed('/feeds/members.json.jws', jws);
  await ext.inWorker((r) => chrome.storage.local.set({ registries: r }), [url]);
  await waitFor(async () => (await ext.inWorker((u) => chrome.storage.local.get('refreshLog').then((r) => r.refreshLog?.[u]), url)) !== undefined, `${url} to be fetched`);
  assert.equal((await ext.refreshNow())[url].outcome, 'unchanged', 'the genuine feed was taken, and is held');
  const member = await ext.browser.newPage();
  await member.goto(sites.url('www.signe.example'), { waitUntil: 'load' });
  const memberTab = await ext.tabIdOf(member.url());
  await ext.waitForBadge(memberTab, '✓');

  // The worker's console, where the refresh speaks.
  const worker = await (await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${ext.id}/`))).worker();
  const lines = [];
  worker.on('console', (message) => lines.push(message.text()));

  // One byte changed in the feed (a member added on the way), the signature file as it was.
  const altered = text.replace('"signe.example"', '"signe.exampla"').replace('"id": "signe"', '"id": "signa"');
  assert.notEqual(altered, text);
  sites.setFeed('/feeds/members.json', altered.replace('2026-11-29T10:00:00+01:00', '2026-11-30T10:00:00+01:00'));
  const log = await ext.refreshNow();
  assert.equal(log[url].outcome, 'bad-signature');
  const why = `${url}: the signature by key "fsd-development-only" does not match the feed's bytes (altered in transit or at rest); keeping the copy held`;
  assert.equal(log[url].message, why);
  await waitFor(() => lines.some((line) => line.startsWith(`[FrenchSouth.digital] ${why}`)), 'the console to say the signature does not match');
  const options = await ext.browser.newPage();
  await options.goto(ext.page('options.html'), { waitUntil: 'load' });
  await options.waitForFunction(() => document.querySelector('fsd-extension-options')?.shadowRoot?.querySelector('.registries:not(.events) .error'));
  assert.match(await options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('.registries:not(.events)').textContent), /refusée : la signature ne correspond pas \(liste modifiée\)/);
  await options.close();
  // The last good copy still serves: the member, absent from the altered feed, is still flagged on a new visit.
  const again = await ext.browser.newPage();
  await again.goto(sites.url('www.signe.example', '/encore'), { waitUntil: 'load' });
  await ext.waitForBadge(await ext.tabIdOf(again.url()), '✓');
  await member.close();
  await again.close();
});

test('a partner’s registry added with its key on the options page: its signed feed flags its members; one signed by another key (reported on the options page), altered, unsigned, expired or older is refused, the last good copy still flags', () =>
  partnerRegistryCase(ext, sites));
