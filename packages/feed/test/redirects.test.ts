import { expect } from '@open-wc/testing';
import { redirectRefusal } from '../src/revalidate.js';

describe('feed client: which redirects of a feed are read', () => {
  const feed = 'https://www.frenchsouth.digital/feeds/members.json';

  it('refuses a move from https to plain http, for every reader', () => {
    for (const rule of ['any', 'same-origin'] as const) {
      const refusal = redirectRefusal(feed, 'http://www.frenchsouth.digital/feeds/members.json', rule);
      expect(refusal, rule).to.equal(
        'the server redirected the feed from https to http (http://www.frenchsouth.digital/feeds/members.json); a feed read in clear could have been altered on the way: refused',
      );
    }
  });

  it('refuses a move to another origin only where the reader asks (the extension)', () => {
    expect(redirectRefusal(feed, 'https://cdn.example/members.json', 'any')).to.equal(undefined);
    expect(redirectRefusal(feed, 'https://cdn.example/members.json', 'same-origin')).to.equal(
      'the server redirected the feed to another site (https://cdn.example/members.json); only a redirect within https://www.frenchsouth.digital is followed: refused',
    );
    expect(redirectRefusal(feed, 'https://www.frenchsouth.digital:8443/m.json', 'same-origin'), 'another port').to.be.a('string');
    expect(redirectRefusal(feed, 'https://frenchsouth.digital/feeds/members.json', 'same-origin'), 'a parent domain').to.be.a('string');
  });

  it('reads a redirect within the feed’s origin, and a move up from http to https', () => {
    expect(redirectRefusal(feed, 'https://www.frenchsouth.digital/feeds/v2/members.json', 'same-origin')).to.equal(undefined);
    expect(redirectRefusal('http://localhost:8000/m.json', 'https://localhost:8000/m.json', 'any')).to.equal(undefined);
  });
});
