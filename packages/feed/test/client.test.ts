import { expect } from '@open-wc/testing';
import {
  FeedErrorKind,
  configureFeedClient,
  lastFeedError,
  loadFeed,
  memberFeedParser,
  readStoredFeed,
  refreshFeed,
  seedFeed,
  watchFeed,
  type FeedState,
  type MemberFeed,
} from '@frenchsouth-digital/feed';
import { captureConsole, putFeed, requestsFor, sampleMemberFeed, serveFeed, uniqueName, until } from '../../../test/helpers/feeds.js';

/** Opens a page of its own that reads a feed, as a fresh visit would; resolves with every state it went through. */
async function visit(url: string): Promise<FeedState<MemberFeed>['status'][] & { members: string[][]; sources: string[]; stale: boolean[] }> {
  const frame = document.createElement('iframe');
  frame.src = `/packages/feed/test/pages/visit.html?src=${encodeURIComponent(url)}`;
  const done = new Promise<MessageEvent>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source === frame.contentWindow && event.data?.type === 'fsd-visit-done') {
        window.removeEventListener('message', onMessage);
        resolve(event);
      }
    };
    window.addEventListener('message', onMessage);
  });
  document.body.append(frame);
  const { data } = await done;
  frame.remove();
  return Object.assign(data.statuses, { members: data.members, sources: data.sources, stale: data.stale });
}

describe('feed client', () => {
  it('loads a valid feed from the network', async () => {
    const url = await serveFeed(await sampleMemberFeed());
    const state = await loadFeed(url, memberFeedParser);
    expect(state.status).to.equal('ready');
    if (state.status !== 'ready') return;
    expect(state.source).to.equal('network');
    expect(state.data.members.find((m) => m.id === 'kaliop')?.name).to.equal('Kaliop');
  });

  it('shows the valid members of a feed with bad entries and warns about each bad one', async () => {
    const feed = await sampleMemberFeed();
    feed.members.push({ id: 'broken', name: 'Broken' }, { ...feed.members[0]!, id: 'bad-link', domains: ['bad.example'], website: 'ftp://x' });
    const url = await serveFeed(feed);
    const { result: state, messages } = await captureConsole('warn', () => loadFeed(url, memberFeedParser));
    expect(state.status).to.equal('ready');
    if (state.status !== 'ready') return;
    expect(state.data.members.map((m) => m.id)).to.include('kaliop').and.not.include('broken');
    expect(state.issues).to.have.length(2);
    expect(messages.some((m) => m.includes('members[11] ("broken") left out: field "domains"'))).to.equal(true);
    expect(messages.some((m) => m.includes('members[12] ("bad-link") left out: field "website"'))).to.equal(true);
  });

  it('gives a clear error for a feed that is not JSON', async () => {
    const url = await serveFeed('<html>Maintenance</html>', { type: 'text/html' });
    const { result: state, messages } = await captureConsole('error', () => loadFeed(url, memberFeedParser));
    expect(state.status).to.equal('error');
    if (state.status !== 'error') return;
    expect(state.error.kind).to.equal('not-json');
    expect(messages.join('\n')).to.contain(`${url}: the feed is not valid JSON`);
  });

  it('gives a clear error for a feed of an unknown version', async () => {
    const url = await serveFeed({ ...(await sampleMemberFeed()), version: 3 });
    const { result: state } = await captureConsole('error', () => loadFeed(url, memberFeedParser));
    expect(state.status).to.equal('error');
    if (state.status !== 'error') return;
    expect(state.error.kind).to.equal('version');
    expect(state.error.message).to.contain('unsupported member feed version 3');
  });

  it('reports HTTP errors and network failures when there is no copy', async () => {
    const missing = await serveFeed('gone', { status: 404 });
    const dropped = await serveFeed('x', { drop: true });
    const { result } = await captureConsole('error', async () => [await loadFeed(missing, memberFeedParser), await loadFeed(dropped, memberFeedParser)]);
    const [http, network] = result;
    expect(http!.status === 'error' && http!.error.kind).to.equal('http');
    expect(http!.status === 'error' && http!.error.message).to.contain('HTTP 404');
    expect(network!.status === 'error' && network!.error.kind).to.equal('network');
  });

  it('names CORS when a feed on another site answers without Access-Control-Allow-Origin, and not when it cannot be reached', async () => {
    // The same test server under another origin: 127.0.0.1 for a page on localhost, and the reverse.
    const elsewhere = (url: string) => url.replace(`//${location.hostname}:`, `//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:`);
    const closed = elsewhere(await serveFeed(await sampleMemberFeed(), { cors: false }));
    const dropped = elsewhere(await serveFeed('x', { drop: true }));
    expect(new URL(closed).origin).not.to.equal(location.origin);
    const { result, messages } = await captureConsole('error', async () => [await loadFeed(closed, memberFeedParser), await loadFeed(dropped, memberFeedParser)]);
    expect(result.map((state) => state.status === 'error' && state.error.kind)).to.deep.equal(['network', 'network']);
    expect(messages[0]).to.contain(closed).and.to.contain('Access-Control-Allow-Origin (CORS)').and.to.contain(location.origin);
    expect(messages[1]).to.contain(dropped).and.to.contain('could not be reached').and.not.to.contain('CORS');
  });

  it('gives up after the timeout', async () => {
    configureFeedClient({ timeoutMs: 300 });
    try {
      const url = await serveFeed(await sampleMemberFeed(), { delay: 3000 });
      const { result: state } = await captureConsole('error', () => loadFeed(url, memberFeedParser));
      expect(state.status === 'error' && state.error.kind).to.equal('timeout');
    } finally {
      configureFeedClient({ timeoutMs: 10_000 });
    }
  });

  it('makes one request however many readers watch the same feed', async () => {
    const url = await serveFeed(await sampleMemberFeed());
    const states: string[] = [];
    const stops = Array.from({ length: 10 }, () => watchFeed(url, memberFeedParser, (s) => states.push(s.status)));
    await until(() => states.filter((s) => s === 'ready').length === 10, 5000, 'ten ready states');
    stops.forEach((stop) => stop());
    expect(await requestsFor(url)).to.have.length(1);
  });

  it('makes one request when two copies of the client on the page (two bundles) watch the same feed', async () => {
    const url = await serveFeed(await sampleMemberFeed());
    // A second instance of the client module, as a second bundle on the page would carry.
    const second = (await import(`${new URL('../src/client.ts', import.meta.url).href}?second-bundle`)) as { watchFeed: typeof watchFeed };
    expect(second.watchFeed).to.not.equal(watchFeed);
    const states: string[] = [];
    const stops = [watchFeed(url, memberFeedParser, (s) => states.push(s.status)), second.watchFeed(url, memberFeedParser, (s) => states.push(s.status))];
    await until(() => states.filter((s) => s === 'ready').length === 2, 5000, 'two ready states');
    stops.forEach((stop) => stop());
    expect(await requestsFor(url)).to.have.length(1);
  });

  it('keeps the last good copy when a refresh fails', async () => {
    const name = uniqueName();
    const url = await putFeed(name, await sampleMemberFeed());
    expect((await loadFeed(url, memberFeedParser)).status).to.equal('ready');
    await putFeed(name, 'x', { drop: true });
    const { result: state, messages } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(state.status).to.equal('ready');
    if (state.status !== 'ready') return;
    expect(state.stale).to.equal(true);
    expect(state.data.members.length).to.be.greaterThan(5);
    expect(messages.join('\n')).to.contain('showing the copy fetched');
  });

  it('never replaces the copy held with an invalid or older feed', async () => {
    const name = uniqueName();
    const feed = await sampleMemberFeed();
    const url = await putFeed(name, feed);
    await loadFeed(url, memberFeedParser);
    await putFeed(name, { ...feed, version: 9 });
    const afterInvalid = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(afterInvalid.result.status).to.equal('ready');
    await putFeed(name, { ...feed, updated: '2015-05-05T20:00:00+02:00', members: feed.members.slice(0, 1) });
    const afterOlder = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    const state = afterOlder.result;
    expect(state.status === 'ready' && state.data.members.length).to.equal(feed.members.length);
    expect(afterOlder.messages.join('\n')).to.contain('older than the copy held');
  });
});

describe('feed client and feeds of any size', () => {
  it('refuses a feed larger than a reader takes before reading it whole, and keeps the last good copy', async () => {
    const name = uniqueName();
    const feed = await sampleMemberFeed();
    const url = await putFeed(name, feed);
    expect((await loadFeed(url, memberFeedParser)).status).to.equal('ready');
    const size = new TextEncoder().encode(JSON.stringify(feed)).byteLength;
    configureFeedClient({ maxBytes: Math.floor(size / 2) });
    try {
      await putFeed(name, { ...feed, updated: new Date().toISOString() });
      const { result: state, messages } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
      expect(state.status === 'ready' && state.stale, 'the last good copy, marked stale').to.equal(true);
      expect(lastFeedError(url, memberFeedParser)?.kind).to.equal(FeedErrorKind.TooLarge);
      expect(messages.join('\n')).to.match(/the feed is larger than [\d.]+ MB, the most a reader takes; it was not read/);

      const fresh = await serveFeed({ ...feed, members: [...feed.members, ...feed.members.map((m) => ({ ...m, id: `${m.id}-2`, domains: (m.domains as string[]).map((d) => `copie-${d}`) }))] });
      const { result: refused } = await captureConsole('error', () => loadFeed(fresh, memberFeedParser));
      expect(refused.status === 'error' && refused.error.kind).to.equal(FeedErrorKind.TooLarge);
      // Without a Content-Length, counted as the bytes come.
      const streamed = await serveFeed(feed, { chunked: true });
      const { result: cut } = await captureConsole('error', () => loadFeed(streamed, memberFeedParser));
      expect(cut.status === 'error' && cut.error.kind).to.equal(FeedErrorKind.TooLarge);
    } finally {
      configureFeedClient({ maxBytes: 64 * 1024 * 1024 });
    }
    expect((await refreshFeed(url, memberFeedParser)).status).to.equal('ready');
    expect(lastFeedError(url, memberFeedParser)).to.equal(undefined);
    const streamed = await serveFeed(feed, { chunked: true });
    const whole = await loadFeed(streamed, memberFeedParser);
    expect(whole.status === 'ready' && whole.data.members.length, 'a streamed feed under the limit reads whole').to.equal(feed.members.length);
  });
});

describe('feed client and a feed of several megabytes', () => {
  it('reads it whole, decoded a megabyte at a time: a byte order mark, and characters cut by each megabyte’s end', async () => {
    const feed = await sampleMemberFeed();
    const text = '😀'.repeat(250);
    const members = Array.from({ length: 3000 }, (_, i) => ({ ...feed.members[i % feed.members.length], id: `membre-${i}`, domains: [`membre-${i}.example.org`], description: { fr: text } }));
    // Padding at the start, as long as it takes for the first megabyte to end inside a four-byte character.
    const bodyWith = (pad: number) => new TextEncoder().encode(`\uFEFF${JSON.stringify({ comment: 'x'.repeat(pad), ...feed, members })}`);
    const MB = 1024 * 1024;
    const unpadded = bodyWith(0);
    let start = MB - 2;
    while (unpadded[start] !== 0xf0) start--;
    const body = bodyWith(MB - 2 - start);
    const cut = [MB, 2 * MB, 3 * MB].filter((at) => (body[at]! & 0xc0) === 0x80).length;
    expect(body[MB - 2]).to.equal(0xf0);
    expect(cut, 'megabytes that end inside a character').to.be.at.least(1);
    expect(body.byteLength).to.be.above(3 * MB);
    const state = await loadFeed(await serveFeed(new TextDecoder('utf-8', { ignoreBOM: true }).decode(body)), memberFeedParser);
    expect(state.status).to.equal('ready');
    if (state.status !== 'ready') return;
    expect(state.data.members.length).to.equal(3000);
    const wrong = state.data.members.filter((m) => m.description?.fr !== text).map((m) => m.id);
    expect(wrong, 'members whose text was decoded wrong').to.deep.equal([]);
  });
});

describe('feed client and a feed dated in the future', () => {
  it('takes a feed dated in the future as published when it came, so that the next correction replaces it', async () => {
    const name = uniqueName();
    const feed = await sampleMemberFeed();
    const url = await putFeed(name, { ...feed, updated: '2062-11-20T09:00:00+01:00', members: feed.members.slice(0, 2) });
    const typo = await captureConsole('warn', () => loadFeed(url, memberFeedParser));
    expect(typo.result.status === 'ready' && typo.result.data.members.length).to.equal(2);
    expect(typo.messages.join('\n')).to.contain('the feed says it was published 2062-11-20T09:00:00+01:00, in the future');
    // The staff correct the date: today's feed, and every later one, gets through.
    await putFeed(name, { ...feed, updated: new Date().toISOString() });
    const corrected = await refreshFeed(url, memberFeedParser);
    expect(corrected.status === 'ready' && corrected.data.members.length).to.equal(feed.members.length);
    expect(lastFeedError(url, memberFeedParser)).to.equal(undefined);
    // An older feed is still refused.
    await putFeed(name, { ...feed, updated: '2015-05-05T20:00:00+02:00', members: feed.members.slice(0, 1) });
    await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal(FeedErrorKind.Older);
  });

  it('lets the server’s feed replace a bundled snapshot dated in the future', async () => {
    const name = uniqueName();
    const feed = await sampleMemberFeed();
    const url = new URL(`/__feeds/${name}`, location.href).href;
    await seedFeed(url, memberFeedParser, { ...feed, updated: '2062-11-20T09:00:00+01:00', members: feed.members.slice(0, 2) });
    await putFeed(name, feed);
    const state = await refreshFeed(url, memberFeedParser);
    expect(state.status === 'ready' && state.data.members.length).to.equal(feed.members.length);
  });
});

describe('feed client across visits (IndexedDB)', () => {
  it('serves the cached copy at once on the next visit, then revalidates with the server', async () => {
    const name = uniqueName();
    const url = await putFeed(name, await sampleMemberFeed());
    const first = await visit(url);
    expect([...first]).to.deep.equal(['loading', 'ready']);
    expect(first.sources).to.deep.equal(['network']);
    const second = await visit(url);
    expect(second.sources[0]).to.equal('cache');
    const requests = await requestsFor(url);
    expect(requests).to.have.length(2);
    if (/AppleWebKit/.test(navigator.userAgent) && !/Chrome|Firefox/.test(navigator.userAgent)) {
      // WebKit here is WebKitGTK's MiniBrowser under WebDriver, whose automation session is ephemeral: it has no HTTP
      // cache, so the browser has no ETag to revalidate with (`cache: 'no-cache'` then asks for the whole feed). The
      // second visit still showed the IndexedDB copy at once (asserted above) and asked the server again.
      expect(requests[1]!.ifNoneMatch, 'no HTTP cache in the WebKit automation session').to.equal(undefined);
    } else {
      expect(requests[1]!.ifNoneMatch, 'the second visit revalidates with the ETag').to.match(/^"v\d+"$/);
    }
  });

  it('picks up a changed feed on revalidation', async () => {
    const name = uniqueName();
    const feed = await sampleMemberFeed();
    const url = await putFeed(name, feed);
    await visit(url);
    const changed = { ...feed, updated: '2026-11-27T10:00:00+01:00', members: [...feed.members, { ...feed.members[0]!, id: 'newcomer', name: 'Newcomer', domains: ['newcomer.example'] }] };
    await putFeed(name, changed);
    const next = await visit(url);
    expect(next.sources).to.deep.equal(['cache', 'network']);
    expect(next.members[0]).to.not.include('newcomer');
    expect(next.members[1]).to.include('newcomer');
  });

  it('works offline from the cached copy', async () => {
    const name = uniqueName();
    const url = await putFeed(name, await sampleMemberFeed());
    await visit(url);
    await putFeed(name, 'x', { drop: true });
    const offline = await visit(url);
    expect(offline.sources).to.deep.equal(['cache', 'cache']);
    expect(offline.stale).to.deep.equal([false, true]);
    expect(offline.members[1]).to.include('kaliop');
  });

  it('shows an error on a first visit without network', async () => {
    const url = await serveFeed('x', { drop: true });
    const visitWithoutCopy = await visit(url);
    expect([...visitWithoutCopy]).to.deep.equal(['loading', 'error']);
  });
});

describe('feed client for long-lived readers (the extension)', () => {
  it('refreshes a feed not yet loaded with exactly one request', async () => {
    const url = await serveFeed(await sampleMemberFeed());
    const state = await refreshFeed(url, memberFeedParser);
    expect(state.status).to.equal('ready');
    expect(await requestsFor(url)).to.have.length(1);
    await refreshFeed(url, memberFeedParser);
    expect(await requestsFor(url)).to.have.length(2);
  });

  it('reads the stored copy without any request', async () => {
    const url = await serveFeed(await sampleMemberFeed());
    expect(await readStoredFeed(url, memberFeedParser)).to.equal(undefined);
    await loadFeed(url, memberFeedParser);
    const stored = await readStoredFeed(url, memberFeedParser);
    expect(stored?.data.members.map((m) => m.id)).to.include('kaliop');
    expect(await requestsFor(url)).to.have.length(1);
  });

  it('says why the last request brought nothing usable, and forgets it after a good one', async () => {
    const name = uniqueName();
    const feed = await sampleMemberFeed();
    const url = await putFeed(name, feed);
    await refreshFeed(url, memberFeedParser);
    expect(lastFeedError(url, memberFeedParser)).to.equal(undefined);
    await putFeed(name, '{ not json');
    await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal(FeedErrorKind.NotJson);
    await putFeed(name, { ...feed, updated: '2015-05-05T20:00:00+02:00' });
    await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal(FeedErrorKind.Older);
    await putFeed(name, { ...feed, updated: '2026-11-28T09:00:00+01:00' });
    await refreshFeed(url, memberFeedParser);
    expect(lastFeedError(url, memberFeedParser)).to.equal(undefined);
  });

  it('seeds a bundled snapshot where no copy is held, and never over a newer copy', async () => {
    const name = uniqueName();
    const feed = await sampleMemberFeed();
    const url = new URL(`/__feeds/${name}`, location.href).href;
    expect(await seedFeed(url, memberFeedParser, feed)).to.equal(true);
    const seeded = await readStoredFeed(url, memberFeedParser);
    expect(seeded?.bundled).to.equal(true);
    expect(seeded?.data.members.length).to.equal(feed.members.length);
    expect(await seedFeed(url, memberFeedParser, feed), 'the same snapshot again').to.equal(false);

    // The server's feed, newer than the snapshot, replaces it; the snapshot cannot come back over it.
    await putFeed(name, { ...feed, updated: '2026-11-28T09:00:00+01:00', members: feed.members.slice(0, 3) });
    await refreshFeed(url, memberFeedParser);
    expect((await readStoredFeed(url, memberFeedParser))?.data.members).to.have.length(3);
    expect(await seedFeed(url, memberFeedParser, feed)).to.equal(false);
    expect((await readStoredFeed(url, memberFeedParser))?.data.members).to.have.length(3);

    // A later snapshot (an update of the extension) replaces an older copy.
    expect(await seedFeed(url, memberFeedParser, { ...feed, updated: '2026-12-01T09:00:00+01:00' })).to.equal(true);
    expect((await readStoredFeed(url, memberFeedParser))?.data.members).to.have.length(feed.members.length);
  });

  it('refuses a server feed older than the bundled snapshot', async () => {
    const name = uniqueName();
    const feed = await sampleMemberFeed();
    const url = new URL(`/__feeds/${name}`, location.href).href;
    await seedFeed(url, memberFeedParser, feed);
    await putFeed(name, { ...feed, updated: '2015-05-05T20:00:00+02:00', members: feed.members.slice(0, 1) });
    const { result: state } = await captureConsole('warn', () => refreshFeed(url, memberFeedParser));
    expect(state.status === 'ready' && state.data.members.length).to.equal(feed.members.length);
    expect(lastFeedError(url, memberFeedParser)?.kind).to.equal(FeedErrorKind.Older);
  });
});
