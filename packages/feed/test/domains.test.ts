import { expect } from '@open-wc/testing';
import { DomainIndex, isPublicSuffix, normalizeHost } from '@frenchsouth-digital/feed';

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

  it('takes the short path only for hosts the URL parser would leave unchanged', () => {
    for (const host of ['kaliop.com', 'www.kaliop.com', 'a-b.c-d.example', 'x.io', 'ab--cd.fr', 'a.b.c.d.e.f.example', '1password.com', 'www.123.example']) {
      expect(normalizeHost(host), host).to.equal(new URL(`http://${host}`).hostname);
    }
    // Hosts that look plain but are not: IPv4 numbers in disguise, bad punycode, empty or dashed labels.
    const tricky: [string, string | undefined][] = [
      ['0x7f.1', undefined],
      ['127.1', undefined],
      ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
      ['a..b', undefined],
      ['-a.com', undefined],
      ['a-.com', undefined],
      [`${'a'.repeat(64)}.com`, undefined],
      ['kaliop.com.', 'kaliop.com'],
      ['Kaliop.com', 'kaliop.com'],
    ];
    for (const [host, expected] of tricky) expect(normalizeHost(host), host).to.equal(expected);
  });

  it('normalises hosts as the browser writes them', () => {
    expect(normalizeHost(' WWW.Kaliop.com. ')).to.equal('www.kaliop.com');
    expect(normalizeHost('bücher.example')).to.equal('xn--bcher-kva.example');
    expect(normalizeHost('-bad-.com')).to.equal(undefined);
  });
});

describe('public suffixes', () => {
  const suffixes = [
    'fr', 'com', 'co.uk', 'com.au', 'gouv.fr', 'asso.fr', 'github.io', 'netlify.app', 'xn--p1ai',
    // Shared hosts of issue 12, from the generated list (wildcards included), the unlisted hosts and Blogger's.
    'uk.com', 'co.com', 'blogspot.fr', 'blogspot.co.uk', 'notion.site', 's3.eu-west-3.amazonaws.com', 's3.amazonaws.com',
    'azureedge.net', 'eu-west-3.compute.amazonaws.com', 'fr.eu.org', 'wordpress.com', 'free.fr',
  ];
  for (const domain of suffixes) {
    it(`${domain} is a public suffix`, () => expect(isPublicSuffix(domain)).to.equal(true));
  }
  const owned = [
    'kaliop.com', 'laposte.fr', 'bbc.co.uk', 'example.github.io', 'awox.com', 'edf.fr',
    'acme.uk.com', 'acme.notion.site', 'bucket.s3.eu-west-3.amazonaws.com', 'kaliop.eu.org', 'amazonaws.com', 'blogspot.kaliop.com',
  ];
  for (const domain of owned) {
    it(`${domain} is not`, () => expect(isPublicSuffix(domain)).to.equal(false));
  }
});
