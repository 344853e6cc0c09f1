// The partner-registry case of issue 16, run by the Chromium (signed-registry.node.test.mjs) and the Firefox
// (firefox.node.test.mjs) end-to-end tests: one scenario, two browsers.
/* global chrome */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { signFeedWith } from '../../../tools/dev-key.mjs';
import { sampleFeed, waitFor } from '../../../tools/extension.mjs';

const expires = new Date(Date.now() + 30 * 86_400_000).toISOString();

/** A partner registry's key pair, made for the test: its key id, private key, and the JWK its keys.json publishes. */
function partnerKey(kid) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid, pem: privateKey.export({ format: 'pem', type: 'pkcs8' }), jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'EdDSA' } };
}

/** The options page's registry list, as read. */
async function registriesText(options) {
  return options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('.registries:not(.events)').textContent.replace(/\s+/g, ' '));
}

/**
 * A partner's registry added with its key on the options page, as a user adds it: its feed signed by that key flags
 * its members; the next one, signed by another key, is refused (refresh log, options page), and so are one with a
 * byte changed, an unsigned one, one past its `expires` and an older one genuinely signed (a replay), while the last good copy still flags; a
 * key that is not one is refused by the form. The extension `ext` (Chromium or Firefox, from
 * tools/extension.mjs) runs with the language set to French, on the sites of `sites`.
 */
export async function partnerRegistryCase(ext, sites) {
  const partner = partnerKey('partenaire-2026');
  const stranger = partnerKey('inconnue-2026');
  const feed = sampleFeed();
  const listed = { ...feed, updated: '2026-11-29T10:00:00+01:00', members: [{ ...feed.members[0], id: 'partenaire', name: 'Partenaire (exemple)', domains: ['partenaire.example'] }] };
  const host = 'registre.partenaire.test';
  const first = signFeedWith(partner, listed, 'members.json', expires);
  const url = sites.setFeed('/partenaire/members.json', first.text, { host });
  sites.setFeed('/partenaire/members.json.jws', first.jws, { host });

  // Added as a user adds it: its address, and its keys.json pasted.
  const options = await ext.browser.newPage();
  await ext.open(options, 'options.html');
  await options.waitForFunction(() => document.querySelector('fsd-extension-options')?.shadowRoot?.querySelector('#registry-key'));
  const form = await options.evaluateHandle(() => document.querySelector('fsd-extension-options').shadowRoot);
  await (await form.$('#registry-url')).type(url);
  await (await form.$('#registry-key')).type(JSON.stringify({ keys: [partner.jwk] }));
  await (await form.$('form button[type="submit"]')).click();
  await waitFor(async () => (await ext.inWorker((u) => chrome.storage.local.get('refreshLog').then((r) => r.refreshLog?.[u]), url)) !== undefined, `${url} to be fetched`);
  assert.deepEqual(await ext.inWorker(() => chrome.storage.local.get('registryKeys').then((r) => r.registryKeys)), { [url]: { [partner.kid]: partner.jwk.x } });
  assert.equal((await ext.refreshNow())[url].outcome, 'unchanged', 'the feed signed by its key was taken, and is held');
  const member = await ext.browser.newPage();
  await member.goto(sites.url('www.partenaire.example'), { waitUntil: 'load' });
  await ext.waitForBadge(await ext.tabIdOf(member.url()), '✓');
  await ext.open(options, 'options.html');
  await options.waitForFunction((u) => document.querySelector('fsd-extension-options')?.shadowRoot?.textContent.includes(u), {}, url);
  assert.match(await registriesText(options), /Liste vérifiée : signée par la clé « partenaire-2026 »/);

  // The next feed, signed by another key (the registry's host taken over, say): refused, and said so.
  const next = signFeedWith(stranger, { ...listed, updated: '2026-11-30T10:00:00+01:00', members: [] }, 'members.json', expires);
  sites.setFeed('/partenaire/members.json', next.text, { host });
  sites.setFeed('/partenaire/members.json.jws', next.jws, { host });
  const log = await ext.refreshNow();
  assert.equal(log[url].outcome, 'unknown-key');
  assert.equal(log[url].message, `${url}: the feed is signed with key "inconnue-2026", none of the keys it was added with; keeping the copy held`);
  await ext.open(options, 'options.html');
  await options.waitForFunction(() => document.querySelector('fsd-extension-options')?.shadowRoot?.querySelector('.registries:not(.events) .error'));
  assert.match(await registriesText(options), /refusée : signée par une clé inconnue/);
  // One byte changed, unsigned, past its `expires`, and an older feed genuinely signed (a replay): each refused, the
  // copy held kept.
  const resigned = signFeedWith(partner, { ...listed, updated: '2026-12-01T10:00:00+01:00' }, 'members.json', expires);
  const cases = [
    [{ text: resigned.text.replace('"partenaire.example"', '"partenaire.exampla"'), jws: resigned.jws }, 'bad-signature'],
    [{ text: `${JSON.stringify({ ...listed, updated: '2026-12-01T10:00:00+01:00', members: [] })}\n` }, 'unsigned'],
    [signFeedWith(partner, { ...listed, updated: '2026-12-01T10:00:00+01:00', members: [] }, 'members.json', '2026-12-02T00:00:00Z'), 'expired'],
    [signFeedWith(partner, { ...listed, updated: '2026-11-28T10:00:00+01:00', members: [] }, 'members.json', expires), 'older'],
  ];
  for (const [{ text, jws }, outcome] of cases) {
    sites.setFeed('/partenaire/members.json', text, { host });
    if (jws) sites.setFeed('/partenaire/members.json.jws', jws, { host });
    assert.equal((await ext.refreshNow())[url].outcome, outcome);
  }
  // The last good copy still serves.
  const again = await ext.browser.newPage();
  await again.goto(sites.url('www.partenaire.example', '/encore'), { waitUntil: 'load' });
  await ext.waitForBadge(await ext.tabIdOf(again.url()), '✓');

  // A key that is not one: the registry is not added, and the form says why.
  await options.evaluate(() => {
    const root = document.querySelector('fsd-extension-options').shadowRoot;
    root.querySelector('#registry-url').value = 'https://registre.autre.test/members.json';
    root.querySelector('#registry-key').value = '{"kty":"RSA","kid":"x"}';
    root.querySelector('form').requestSubmit();
  });
  await options.waitForFunction(() => document.querySelector('fsd-extension-options').shadowRoot.querySelector('#registry-error').textContent.trim() !== '');
  assert.match(await options.$eval('fsd-extension-options', (el) => el.shadowRoot.querySelector('#registry-error').textContent), /Cette clé n’est pas lisible/);
  assert.ok(!(await ext.inWorker(() => chrome.storage.local.get('registries').then((r) => r.registries))).includes('https://registre.autre.test/members.json'));
  await Promise.all([options.close(), member.close(), again.close()]);
}
