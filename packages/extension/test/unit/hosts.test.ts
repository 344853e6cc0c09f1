import { expect } from '@open-wc/testing';
import { MemberIndex, parseMemberFeed, type MemberFeed } from '@frenchsouth-digital/feed';
import { pageHost, parsedHost, registryUrlAllowed } from '../../src/lib/hosts.js';
import { Registries, feedOriginLogo, isClusterRegistry, registryName, type Registry } from '../../src/lib/registries.js';
import { sampleMemberFeed } from '../../../../test/helpers/feeds.js';

function registry(url: string, feed: MemberFeed): Registry {
  return { url, name: registryName(url, feed.cluster.name), cluster: isClusterRegistry(url), copy: { revision: 1, data: feed, issues: [], fingerprint: '', fetchedAt: 0 }, index: new MemberIndex(feed) };
}

describe('extension: which member a tab’s page belongs to', () => {
  let registries: Registries;

  before(async () => {
    const json = await sampleMemberFeed();
    const members = json.members;
    const cafe = { ...members[0]!, id: 'cafe-muller', name: 'Café Müller', domains: ['müller-café.fr'] };
    const lapsed = members.find((m) => m.id === 'pixel-nimois')!;
    const cluster = parseMemberFeed({ ...json, members: [...members, cafe] }, 'https://www.frenchsouth.digital/feeds/members.json').data;
    const partner = parseMemberFeed(
      {
        ...json,
        cluster: { name: 'DigitalPlace', site: 'https://www.digitalplace.fr/' },
        // Kaliop listed again by the partner: the first registry (the cluster's own) wins.
        members: [{ ...members[0]!, name: 'Kaliop (DigitalPlace)' }, { ...lapsed, id: 'garonne', name: 'Garonne', domains: ['garonne.example'], validUntil: undefined }],
      },
      'https://www.digitalplace.fr/membres.json',
    ).data;
    registries = new Registries([registry('https://www.frenchsouth.digital/feeds/members.json', cluster), registry('https://www.digitalplace.fr/membres.json', partner)]);
  });

  const cases: [string, string | undefined][] = [
    ['https://kaliop.com/', 'kaliop'],
    ['https://www.kaliop.com/offres?x=1#top', 'kaliop'],
    ['http://blog.kaliop.com/', 'kaliop'],
    ['https://WWW.KALIOP.COM/', 'kaliop'],
    ['https://www.kaliop.com./', 'kaliop'],
    ['https://www.kaliop.com:8443/', 'kaliop'],
    ['http://kaliop.fr:80/', 'kaliop'],
    ['https://user:secret@www.kaliop.com/', 'kaliop'],
    ['https://www.müller-café.fr/', 'cafe-muller'],
    ['https://WWW.MÜLLER-CAFÉ.FR./carte', 'cafe-muller'],
    ['https://www.xn--mller-caf-j4a4r.fr/', 'cafe-muller'],
    ['https://notkaliop.com/', undefined],
    ['https://kaliop.com.evil.example/', undefined],
    ['https://kaliop.co/', undefined],
    ['https://www.garonne.example/', 'garonne'],
    ['https://example.org/', undefined],
    ['http://127.0.0.1:8080/', undefined],
    ['http://[::1]/', undefined],
    ['file:///home/kaliop.com/index.html', undefined],
    ['about:blank', undefined],
    ['chrome://extensions/', undefined],
    ['view-source:https://www.kaliop.com/', undefined],
    ['not a url', undefined],
  ];
  for (const [url, member] of cases) {
    it(`${url} → ${member ?? 'no member'}`, () => {
      const host = pageHost(url);
      expect(host ? registries.byHost(host)?.member.id : undefined).to.equal(member);
    });
  }

  it('names the registry each member comes from; the first registry that lists a domain wins', () => {
    const kaliop = registries.byHost(pageHost('https://www.kaliop.com/')!)!;
    expect(kaliop.registry.name).to.equal('FrenchSouth.digital');
    expect(kaliop.member.name).to.equal('Kaliop');
    expect(registries.byHost('www.garonne.example')!.registry.name).to.equal('DigitalPlace (www.digitalplace.fr)');
  });

  it('tells a lapsed membership apart', () => {
    expect(registries.byHost('pixel-nimois.example')?.lapsed).to.equal(true);
    expect(registries.byHost('kaliop.com')?.lapsed).to.equal(false);
  });

  it('lists every member of every registry with its registry', () => {
    const all = [...registries.members()];
    expect(all.filter((m) => m.registry.name === 'DigitalPlace (www.digitalplace.fr)').map((m) => m.member.id)).to.deep.equal(['kaliop', 'garonne']);
    expect(all.find((m) => m.member.id === 'kaliop')!.profile).to.equal('https://www.frenchsouth.digital/membres/?membre=kaliop');
  });
});

describe('extension: the page’s site, as the content script names it', () => {
  it('is the host pageHost() gives for the page’s URL (the one the popup and the background store)', () => {
    for (const url of [
      'https://www.kaliop.com/',
      'https://WWW.KALIOP.COM/offres?x=1#top',
      'https://www.kaliop.com./',
      'https://www.kaliop.com..:8443/',
      'http://user:secret@blog.kaliop.com/',
      'https://www.müller-café.fr/carte',
      'https://www.xn--mller-caf-j4a4r.fr/',
      'http://localhost:8080/',
      'http://127.0.0.1:8080/',
      'http://[::1]/',
    ]) {
      expect(parsedHost(new URL(url).hostname), url).to.equal(pageHost(url));
    }
  });
});

describe('extension: which registries may be followed, which logos shown', () => {
  it('follows a registry over https, and over plain http only on a development host (the one list the badge uses too)', () => {
    for (const url of [
      'https://www.frenchsouth.digital/feeds/members.json',
      'https://www.digitalplace.fr/annuaire.json',
      'http://localhost:8080/members.json',
      'http://127.0.0.1:8000/feeds/members.json',
      'http://feeds.frenchsouth.test:4000/feeds/members.json',
      'http://registre.localhost/members.json',
      'http://127.0.0.2/members.json',
      'http://[::1]:8080/members.json',
    ]) {
      expect(registryUrlAllowed(url), url).to.equal(true);
    }
    for (const url of [
      'http://www.frenchsouth.digital/feeds/members.json',
      'http://registre.example.org/members.json',
      'http://localhost.example.org/members.json',
      'http://test.example.org/members.json',
      'http://127.0.0.1.example.org/members.json',
      'http://128.0.0.1/members.json',
      'ftp://localhost/members.json',
      'pas une adresse',
    ]) {
      expect(registryUrlAllowed(url), url).to.equal(false);
    }
  });

  it('shows a logo only when it is on the same origin as its registry’s feed', () => {
    const feed = 'https://www.frenchsouth.digital/feeds/members.json';
    expect(feedOriginLogo(feed, 'https://www.frenchsouth.digital/assets/logos/kaliop.svg')).to.equal('https://www.frenchsouth.digital/assets/logos/kaliop.svg');
    expect(feedOriginLogo(feed, 'https://www.kaliop.com/logo.svg')).to.equal(undefined);
    expect(feedOriginLogo(feed, 'http://www.frenchsouth.digital/assets/logos/kaliop.svg'), 'another scheme').to.equal(undefined);
    expect(feedOriginLogo(feed, 'https://www.frenchsouth.digital:8443/logo.svg'), 'another port').to.equal(undefined);
    expect(feedOriginLogo(feed, 'https://frenchsouth.digital/logo.svg'), 'another host, even a parent').to.equal(undefined);
    expect(feedOriginLogo(feed, undefined)).to.equal(undefined);
  });
});
