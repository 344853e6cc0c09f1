import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { UrlStateController, type UrlStateHost } from '../../src/member-directory/url-state-controller.js';
import { emptyView } from '../../src/member-directory/url-state.js';
import { until } from './helpers.js';

/** A stand-in for the directory: it connects and disconnects its controller and counts the updates asked for. */
function hostWith(urlState: string) {
  let controller: ReactiveController | undefined;
  const host = {
    urlState,
    updates: 0,
    addController: (c: ReactiveController) => void (controller = c),
    removeController: () => {},
    requestUpdate: () => void host.updates++,
    updateComplete: Promise.resolve(true),
    connect: () => controller!.hostConnected!(),
    disconnect: () => controller!.hostDisconnected!(),
  };
  return host satisfies UrlStateHost;
}

/** The page's URL with these query parameters. */
function withQuery(query: string): URL {
  const url = new URL(location.href);
  url.search = query;
  return url;
}

describe('directory URL state controller', () => {
  let original: string;
  beforeEach(() => {
    original = location.href;
  });
  afterEach(() => {
    history.replaceState(null, '', original);
  });

  it('reads the view from the URL when the directory connects', () => {
    history.replaceState(null, '', withQuery('?fsd-q=cloud&fsd-city=S%C3%A8te&fsd-member=awox'));
    const host = hostWith('query');
    const url = new UrlStateController(host);
    expect(url.view).to.deep.equal(emptyView());
    host.connect();
    expect(url.view.q).to.equal('cloud');
    expect(url.view.filters.city).to.deep.equal(['Sète']);
    expect(url.view.member).to.equal('awox');
    host.disconnect();
  });

  it('pushes a history entry for a discrete change, replaces it while typing, and asks the host to update each time', () => {
    const host = hostWith('query');
    const url = new UrlStateController(host);
    host.connect();
    const length = history.length;
    url.change({ q: 'clo' }, 'replace');
    expect(history.length).to.equal(length);
    expect(new URL(location.href).searchParams.get('fsd-q')).to.equal('clo');
    url.change({ page: 2 });
    expect(history.length).to.equal(length + 1);
    expect(history.state).to.deep.equal({ fsdDirectory: true });
    expect(new URL(location.href).searchParams.get('fsd-page')).to.equal('2');
    expect(url.view).to.include({ q: 'clo', page: 2 });
    expect(host.updates).to.equal(2);
    host.disconnect();
  });

  it('follows the back button while connected, and no longer once disconnected', async () => {
    const host = hostWith('query');
    const url = new UrlStateController(host);
    host.connect();
    url.change({ q: 'edf' });
    history.back();
    await until(() => url.view.q === '', 3000, 'back to the view without a search');
    const updates = host.updates;
    expect(updates).to.be.greaterThan(1);
    host.disconnect();
    history.forward();
    await until(() => new URL(location.href).searchParams.get('fsd-q') === 'edf', 3000, 'forward');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(url.view.q).to.equal('');
    expect(host.updates).to.equal(updates);
  });

  it('closes a profile that made its own history entry by going back, and one opened from the URL in place', async () => {
    const host = hostWith('query');
    const url = new UrlStateController(host);
    history.pushState({ entry: 'list' }, '', location.href);
    host.connect();
    url.change({ member: 'kaliop' });
    expect(history.state).to.deep.equal({ fsdDirectory: true });
    url.closeProfile();
    expect(url.view.member).to.equal('');
    await until(() => (history.state as { entry?: string } | null)?.entry === 'list', 3000, 'back to the list’s entry');
    expect(new URL(location.href).searchParams.has('fsd-member')).to.equal(false);
    host.disconnect();

    // A deep link to a profile: closing it leaves the entry in place, without the profile.
    history.replaceState({ entry: 'shared link' }, '', withQuery('?fsd-member=sanofi'));
    const second = hostWith('query');
    const again = new UrlStateController(second);
    second.connect();
    const length = history.length;
    again.closeProfile();
    expect(history.length).to.equal(length);
    expect(history.state).to.deep.equal({ entry: 'shared link' });
    expect(new URL(location.href).searchParams.has('fsd-member')).to.equal(false);
    second.disconnect();
  });

  it('keeps the view in the hash with url-state="hash", and an unknown mode works as "query"', () => {
    const hash = hostWith('hash');
    const inHash = new UrlStateController(hash);
    hash.connect();
    inHash.change({ q: 'web' });
    expect(location.hash).to.equal('#fsd-q=web');
    expect(new URL(location.href).searchParams.has('fsd-q')).to.equal(false);
    hash.disconnect();

    history.replaceState(null, '', original);
    const unknown = hostWith('cookie');
    const inQuery = new UrlStateController(unknown);
    unknown.connect();
    inQuery.change({ q: 'web' });
    expect(new URL(location.href).searchParams.get('fsd-q')).to.equal('web');
    unknown.disconnect();
  });

  it('with url-state="none", reads nothing, writes nothing and ignores the back button, yet still updates its host', () => {
    history.replaceState(null, '', withQuery('?fsd-q=cloud'));
    const host = hostWith('none');
    const url = new UrlStateController(host);
    host.connect();
    expect(url.view).to.deep.equal(emptyView());
    const [href, length] = [location.href, history.length];
    url.change({ q: 'web', member: 'edf' });
    url.closeProfile();
    expect([location.href, history.length]).to.deep.equal([href, length]);
    expect(url.view).to.include({ q: 'web', member: '' });
    expect(host.updates).to.be.greaterThan(0);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(url.view.q).to.equal('web');
    host.disconnect();
  });
});
