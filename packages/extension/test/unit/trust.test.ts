import { expect } from '@open-wc/testing';
import { DEFAULT_EVENT_FEED_URL, DEFAULT_MEMBER_FEED_URL } from '@frenchsouth-digital/feed';
import { HostCache } from '../../src/lib/host-cache.js';
import { eventFeedsOf, isClusterRegistry, registryName } from '../../src/lib/registries.js';

describe('extension: how a registry is named (only the cluster’s own speaks as the cluster)', () => {
  it('names the cluster’s own registry FrenchSouth.digital, whatever its feed says', () => {
    expect(isClusterRegistry(DEFAULT_MEMBER_FEED_URL)).to.equal(true);
    expect(registryName(DEFAULT_MEMBER_FEED_URL, 'FrenchSouth.digital')).to.equal('FrenchSouth.digital');
    expect(registryName(DEFAULT_MEMBER_FEED_URL, undefined)).to.equal('FrenchSouth.digital');
  });

  it('names any other registry under its host, with the name its feed gives', () => {
    expect(isClusterRegistry('https://www.digitalplace.fr/annuaire.json')).to.equal(false);
    expect(registryName('https://www.digitalplace.fr/annuaire.json', 'DigitalPlace')).to.equal('DigitalPlace (www.digitalplace.fr)');
    expect(registryName('https://www.digitalplace.fr/annuaire.json', undefined)).to.equal('www.digitalplace.fr');
    expect(registryName('https://www.digitalplace.fr/annuaire.json', '  \t ')).to.equal('www.digitalplace.fr');
    expect(registryName('http://feeds.test:8080/m.json', 'Local')).to.equal('Local (feeds.test:8080)');
  });

  it('never lets another registry speak under the cluster’s name, in any spelling', () => {
    const url = 'https://registre.example/members.json';
    for (const name of ['FrenchSouth.digital', 'frenchsouth.digital', 'French South Digital', 'FRENCH-SOUTH', 'Membres de FrénchSouth.digital', 'www.frenchsouth.digital']) {
      expect(registryName(url, name), name).to.equal('registre.example');
    }
    // Another URL on the cluster's host is not the cluster's registry either.
    expect(registryName('https://www.frenchsouth.digital/feeds/other.json', 'FrenchSouth.digital')).to.equal('www.frenchsouth.digital');
  });

  it('takes out control and direction characters, which could turn the host around on screen, and cuts a long name', () => {
    expect(registryName('https://evil.example/m.json', 'Place\u202E\u2066 Numérique\u0007')).to.equal('Place Numérique (evil.example)');
    const long = registryName('https://long.example/m.json', 'Association des entreprises du numérique de la région Occitanie');
    expect(long).to.equal('Association des entreprises du numériqu… (long.example)');
  });

  it('keeps a member’s events to the events feeds of its own registry (same origin)', () => {
    const partner = 'https://partner.example/feeds/events.json';
    expect(eventFeedsOf(DEFAULT_MEMBER_FEED_URL, [DEFAULT_EVENT_FEED_URL, partner])).to.deep.equal([DEFAULT_EVENT_FEED_URL]);
    expect(eventFeedsOf('https://partner.example/feeds/members.json', [DEFAULT_EVENT_FEED_URL, partner])).to.deep.equal([partner]);
    expect(eventFeedsOf('https://hostile.example/members.json', [DEFAULT_EVENT_FEED_URL, partner])).to.deep.equal([]);
    expect(eventFeedsOf('http://partner.example/feeds/members.json', [partner]), 'another scheme is another origin').to.deep.equal([]);
    expect(eventFeedsOf('not a url', [partner])).to.deep.equal([]);
  });
});

describe('extension: the content script’s memory of hosts (a capped, least-recently-used map)', () => {
  it('never holds more than its cap, forgetting the host used longest ago', () => {
    const cache = new HostCache<number>(3);
    for (const [i, host] of ['a', 'b', 'c', 'd'].entries()) cache.set(host, i);
    expect(cache.size).to.equal(3);
    expect(cache.has('a')).to.equal(false);
    expect(cache.get('b')).to.equal(1);
    // b was just used: c is now the oldest and goes first.
    cache.set('e', 4);
    expect([cache.has('b'), cache.has('c'), cache.has('d'), cache.has('e')]).to.deep.equal([true, false, true, true]);
    cache.set('d', 30);
    expect(cache.size).to.equal(3);
    expect(cache.get('d')).to.equal(30);
  });

  it('holds null (not a member) apart from unknown', () => {
    const cache = new HostCache<string | null>(2);
    cache.set('example.org', null);
    expect(cache.get('example.org')).to.equal(null);
    expect(cache.get('other.org')).to.equal(undefined);
  });

  it('stays at its cap under 100,000 distinct hosts', () => {
    const cache = new HostCache<null>(5_000);
    for (let i = 0; i < 100_000; i++) cache.set(`h${i}.example`, null);
    expect(cache.size).to.equal(5_000);
    expect(cache.has('h94999.example')).to.equal(false);
    expect(cache.has('h95000.example')).to.equal(true);
  });

  it('refuses a cap that is not a positive integer', () => {
    expect(() => new HostCache(0)).to.throw(RangeError);
    expect(() => new HostCache(Number.NaN)).to.throw(RangeError);
  });
});
