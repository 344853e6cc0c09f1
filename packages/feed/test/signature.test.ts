import { expect } from '@open-wc/testing';
import { calendarSourceParser, isClusterSigned, lastFeedError, loadFeed, memberFeedParser, refreshFeed, type FeedState, type MemberFeed } from '@frenchsouth-digital/feed';
import { requireSignaturesForTests, trustFeedKeys } from '../src/cluster-keys.js';
import { captureConsole, putFeed, sampleEventFeed, sampleMemberFeed, uniqueName } from '../../../test/helpers/feeds.js';
import { putSignedFeed, signFeed, testKey, unpin } from '../../../test/helpers/signing.js';

// The cluster's own feeds must be signed: here the test server's origin stands for https://www.frenchsouth.digital,
// so every feed this file serves is one of the cluster's (the other feed tests, in their own pages, read plain feeds).
requireSignaturesForTests(location.origin);

const later = new Date(Date.now() + 86_400_000).toISOString();

function ready(state: FeedState<MemberFeed>): Extract<FeedState<MemberFeed>, { status: 'ready' }> {
  if (state.status !== 'ready') throw new Error(`expected a ready feed, got ${state.status}`);
  return state;
}

async function signedSample(updated = '2026-11-20T09:00:00+01:00', expires = later): Promise<MemberFeed & Record<string, unknown>> {
  return { ...(await sampleMemberFeed()), updated, expires } as unknown as MemberFeed & Record<string, unknown>;
}

describe('signed feeds (JWS, EdDSA)', () => {
  it('verifies a genuine signed feed and keeps who signed it and when with the copy', async () => {
    const key = await testKey();
    const url = await putSignedFeed(uniqueName(), await signedSample(), key);
    const state = ready(await loadFeed(url, memberFeedParser));
    expect(state.data.members.find((m) => m.id === 'kaliop')?.name).to.equal('Kaliop');
    expect(state.signature).to.deep.equal({ kid: key.kid, signedAt: '2026-11-20T09:00:00+01:00', expires: later });
    expect(isClusterSigned(state.signature)).to.equal(true);
  });

  it('refuses a signed feed with one byte changed, and keeps the last good copy', async () => {
    const key = await testKey();
    const name = uniqueName();
    const url = await putSignedFeed(name, await signedSample(), key);
    ready(await loadFeed(url, memberFeedParser));
    // A newer feed, signed, then one byte of it changed on the way (the signature beside it unchanged).
    const signed = await signFeed(await signedSample('2026-11-21T09:00:00+01:00'), name, key);
    await putFeed(`${name}.jws`, signed.jws);
    await putFeed(name, signed.text.replace('"Kaliop"', '"Kaliap"'));
    const { result, messages } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    const state = ready(result);
    expect(state.stale).to.equal(true);
    expect(state.data.members.find((m) => m.id === 'kaliop')?.name).to.equal('Kaliop');
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('bad-signature');
    expect(messages.join('\n')).to.contain(`[FrenchSouth.digital] ${url}: the signature by key "${key.kid}" does not match the feed's bytes (altered in transit or at rest); keeping the copy held`);
  });

  it('refuses a cluster feed signed by an unknown key, and keeps the last good copy', async () => {
    const key = await testKey();
    const stranger = await testKey(false);
    const name = uniqueName();
    const url = await putSignedFeed(name, await signedSample(), key);
    ready(await loadFeed(url, memberFeedParser));
    await putSignedFeed(name, await signedSample('2026-11-22T09:00:00+01:00'), stranger);
    const { result, messages } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(ready(result).signature?.kid).to.equal(key.kid);
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('unknown-key');
    expect(messages.join('\n')).to.contain(`the feed is signed with key "${stranger.kid}", none of the cluster's pinned keys`);
  });

  it('refuses an expired signed feed (a replayed stale copy), and an error state when there is no copy', async () => {
    const key = await testKey();
    const url = await putSignedFeed(uniqueName(), await signedSample(undefined, '2026-01-01T00:00:00Z'), key);
    const { result, messages } = await captureConsole('error', () => loadFeed(url, memberFeedParser));
    expect(result.status).to.equal('error');
    expect(result.status === 'error' && result.error.kind).to.equal('expired');
    expect(messages.join('\n')).to.contain(`${url}: the feed expired at 2026-01-01T00:00:00Z`);
  });

  it('never replaces a newer signed copy with an older one, genuinely signed (a replay)', async () => {
    const key = await testKey();
    const name = uniqueName();
    const url = await putSignedFeed(name, await signedSample('2026-11-20T09:00:00+01:00'), key);
    ready(await loadFeed(url, memberFeedParser));
    const old = await signedSample('2026-10-01T09:00:00+02:00');
    old.members = old.members.slice(0, 1);
    await putSignedFeed(name, old, key);
    const { result, messages } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(ready(result).data.members.length).to.be.greaterThan(1);
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('older');
    expect(messages.join('\n')).to.contain('older than the copy held');
  });

  it('refuses an unsigned feed where the cluster\'s signature is required, keeping the signed copy', async () => {
    const key = await testKey();
    const name = uniqueName();
    const url = await putSignedFeed(name, await signedSample(), key);
    ready(await loadFeed(url, memberFeedParser));
    await putFeed(name, await signedSample('2026-11-23T09:00:00+01:00'));
    const { result, messages } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(ready(result).signature?.kid).to.equal(key.kid);
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('unsigned');
    expect(messages.join('\n')).to.contain(`${url}: the feed is not signed (it names no "signature"), and a feed of the cluster must be; keeping the copy held`);
  });

  it('checks the events feed the same where the calendar reads JSON or iCalendar: signed, altered, unsigned', async () => {
    const key = await testKey();
    const events = { ...(await sampleEventFeed()), updated: '2026-11-20T09:00:00+01:00', expires: later };
    const name = uniqueName();
    const url = await putSignedFeed(name, events, key);
    const state = await loadFeed(url, calendarSourceParser);
    expect(state.status === 'ready' && state.signature?.kid).to.equal(key.kid);
    const signed = await signFeed({ ...events, updated: '2026-11-21T09:00:00+01:00' }, name, key);
    await putFeed(`${name}.jws`, signed.jws);
    await putFeed(name, signed.text.replace('Atelier', 'Ateliers'));
    const { result } = await captureConsole('warn', () => refreshFeed(url, calendarSourceParser));
    expect(result.status === 'ready' && result.stale).to.equal(true);
    expect(lastFeedError(url, calendarSourceParser)?.kind).to.equal('bad-signature');
    const plain = await putFeed(uniqueName(), events);
    const refused = await loadFeed(plain, calendarSourceParser);
    expect(refused.status === 'error' && refused.error.kind).to.equal('unsigned');
    expect(refused.status === 'error' && refused.error.message).to.contain('the feed is not signed (it names no "signature"), and a feed of the cluster must be');
  });

  it('trusts a partner’s feed added with its own key for that key alone: another key, even the cluster’s, and no signature are refused', async () => {
    const partner = await testKey(false);
    const cluster = await testKey();
    const name = uniqueName();
    const url = await putSignedFeed(name, await signedSample(), partner);
    trustFeedKeys(url, { [partner.kid]: partner.raw });
    try {
      const state = ready(await loadFeed(url, memberFeedParser));
      expect(state.signature).to.deep.equal({ kid: partner.kid, signedAt: '2026-11-20T09:00:00+01:00', expires: later, own: true });
      // Its own key makes it the partner's, never the cluster's.
      expect(isClusterSigned(state.signature)).to.equal(false);
      await putSignedFeed(name, await signedSample('2026-11-21T09:00:00+01:00'), cluster);
      const { result, messages } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
      expect(ready(result).signature?.kid).to.equal(partner.kid);
      expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('unknown-key');
      expect(messages.join('\n')).to.contain(`${url}: the feed is signed with key "${cluster.kid}", none of the keys it was added with; keeping the copy held`);
      await putFeed(name, await signedSample('2026-11-22T09:00:00+01:00'));
      const unsigned = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
      expect(ready(unsigned.result).signature?.kid).to.equal(partner.kid);
      expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('unsigned');
      expect(unsigned.messages.join('\n')).to.contain('the feed is not signed (it names no "signature"), and a feed added with its key must be');
    } finally {
      trustFeedKeys(url, undefined);
    }
    // Its key counts for no other feed.
    const other = await putSignedFeed(uniqueName(), await signedSample(), partner);
    expect((await loadFeed(other, memberFeedParser)).status).to.equal('error');
  });

  it('refuses a cluster feed whose signature file is missing or altered, keeping the signed copy', async () => {
    const key = await testKey();
    const name = uniqueName();
    const url = await putSignedFeed(name, await signedSample(), key);
    ready(await loadFeed(url, memberFeedParser));
    const signed = await signFeed(await signedSample('2026-11-24T09:00:00+01:00'), name, key);
    await putFeed(name, signed.text);
    await putFeed(`${name}.jws`, 'Not found', { status: 404 });
    const missing = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(ready(missing.result).signature?.signedAt).to.equal('2026-11-20T09:00:00+01:00');
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('unsigned');
    expect(missing.messages.join('\n')).to.contain(`${url}: its signature ${url}.jws could not be read (the server answered HTTP 404`);
    const envelope = JSON.parse(signed.jws) as { signatures: { signature: string }[] };
    const first = envelope.signatures[0]!;
    first.signature = `${first.signature.startsWith('A') ? 'B' : 'A'}${first.signature.slice(1)}`;
    await putFeed(`${name}.jws`, envelope);
    const altered = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(ready(altered.result).signature?.signedAt).to.equal('2026-11-20T09:00:00+01:00');
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('bad-signature');
  });

  it('accepts the old and the new key during a rotation, and refuses the old one once it is removed', async () => {
    const old = await testKey();
    const next = await testKey();
    const name = uniqueName();
    const url = await putSignedFeed(name, await signedSample('2026-11-20T09:00:00+01:00'), old);
    expect(ready(await loadFeed(url, memberFeedParser)).signature?.kid).to.equal(old.kid);
    await putSignedFeed(name, await signedSample('2026-11-21T09:00:00+01:00'), next);
    expect(ready(await refreshFeed(url, memberFeedParser)).signature?.kid).to.equal(next.kid);
    // Signed by both during the overlap: either key verifies it.
    await putSignedFeed(name, await signedSample('2026-11-22T09:00:00+01:00'), old, next);
    expect(ready(await refreshFeed(url, memberFeedParser)).signature?.kid).to.equal(old.kid);
    unpin(old);
    await putSignedFeed(name, await signedSample('2026-11-23T09:00:00+01:00'), old);
    const { result } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    // The copy held was signed by the removed key too: it no longer counts as the cluster's.
    expect(isClusterSigned(ready(result).signature)).to.equal(false);
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal('unknown-key');
  });
});
