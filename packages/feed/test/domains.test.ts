import { expect } from '@open-wc/testing';
import { DomainIndex, isPublicSuffix, normalizeHost } from '@fsd/feed';

describe('host matching', () => {
  const index = new DomainIndex<string>();
  index.add('kaliop.com', 'kaliop');
  index.add('laposte.fr', 'la-poste');
  index.add('xn--mller-kva.de', 'muller');

  const cases: [string, string | undefined][] = [
    ['kaliop.com', 'kaliop'],
    ['www.kaliop.com', 'kaliop'],
    ['blog.kaliop.com', 'kaliop'],
    ['a.b.c.kaliop.com', 'kaliop'],
    ['WWW.Kaliop.COM', 'kaliop'],
    ['www.kaliop.com.', 'kaliop'],
    ['www.kaliop.com:8443', 'kaliop'],
    ['kaliop.com.:80', 'kaliop'],
    ['notkaliop.com', undefined],
    ['kaliop.com.evil.example', undefined],
    ['kaliop.co', undefined],
    ['com', undefined],
    ['müller.de', 'muller'],
    ['shop.MÜLLER.de', 'muller'],
    ['', undefined],
    ['127.0.0.1', undefined],
    ['[::1]', undefined],
    ['kaliop.com/path', undefined],
    ['user@kaliop.com', undefined],
  ];
  for (const [host, owner] of cases) {
    it(`${JSON.stringify(host)} → ${owner ?? 'no member'}`, () => {
      expect(index.lookup(host)).to.equal(owner);
    });
  }

  it('keeps the first owner of a domain', () => {
    const shared = new DomainIndex<string>();
    expect(shared.add('edf.fr', 'edf')).to.equal(undefined);
    expect(shared.add('edf.fr', 'impostor')).to.equal('edf');
    expect(shared.lookup('www.edf.fr')).to.equal('edf');
  });

  it('normalises hosts as the browser writes them', () => {
    expect(normalizeHost(' WWW.Kaliop.com. ')).to.equal('www.kaliop.com');
    expect(normalizeHost('bücher.example')).to.equal('xn--bcher-kva.example');
    expect(normalizeHost('-bad-.com')).to.equal(undefined);
  });
});

describe('public suffixes', () => {
  for (const domain of ['fr', 'com', 'co.uk', 'com.au', 'gouv.fr', 'asso.fr', 'github.io', 'netlify.app', 'xn--p1ai']) {
    it(`${domain} is a public suffix`, () => expect(isPublicSuffix(domain)).to.equal(true));
  }
  for (const domain of ['kaliop.com', 'laposte.fr', 'bbc.co.uk', 'example.github.io', 'awox.com', 'edf.fr']) {
    it(`${domain} is not`, () => expect(isPublicSuffix(domain)).to.equal(false));
  }
});
