import { expect } from '@open-wc/testing';
import { isPublicSuffix } from '@frenchsouth-digital/feed';
import { listedMemberFeedParser } from '@frenchsouth-digital/feed/listed-member-feed';
import { isListedPublicSuffix, parseListedMemberFeed } from '@frenchsouth-digital/feed/public-suffix-list';

// The full Public Suffix List check (publishing and the extension), against the widgets' short list.
describe('the full public suffix list', () => {
  // Rules the short list leaves out: other operators, per-region names, ICANN registries past the heuristic.
  const listedOnly = ['s3.fr-par.scw.cloud', 'eu-west-3.elasticbeanstalk.com', 'francecentral-01.azurewebsites.net', 'kawasaki.jp', 'pvt.k12.ma.us'];
  for (const domain of listedOnly) {
    it(`${domain} is a public suffix of the full list, not of the widgets' list`, () => {
      expect(isListedPublicSuffix(domain)).to.equal(true);
      expect(isPublicSuffix(domain)).to.equal(false);
    });
  }

  for (const domain of ['uk.com', 'co.com', 'blogspot.fr', 'notion.site', 's3.eu-west-3.amazonaws.com', 'azureedge.net', 'fr', 'co.uk', 'wordpress.com', 'free.fr']) {
    it(`${domain} is a public suffix of both`, () => {
      expect(isListedPublicSuffix(domain)).to.equal(true);
      expect(isPublicSuffix(domain)).to.equal(true);
    });
  }

  for (const domain of ['kaliop.com', 'acme.uk.com', 'kaliop.github.io', 'city.kawasaki.jp', 'bucket.s3.eu-west-3.amazonaws.com', 'kaliop.eu.org']) {
    it(`${domain} is owned by someone, for both`, () => {
      expect(isListedPublicSuffix(domain)).to.equal(false);
      expect(isPublicSuffix(domain)).to.equal(false);
    });
  }

  it('leaves out a member claiming a suffix of the full list, naming the member and the suffix, and keeps the others', () => {
    const member = (id: string, domains: string[]) => ({
      id, name: id, domains, college: 'smart-software', city: 'Montpellier', description: 'x', website: 'https://example.com/', memberSince: '2015-05-05',
    });
    const feed = {
      version: 1,
      cluster: { name: 'FrenchSouth.digital', site: 'https://www.frenchsouth.digital/' },
      colleges: [{ id: 'smart-software', name: 'Smart Software' }],
      members: [member('scaleway-paris', ['s3.fr-par.scw.cloud']), member('kaliop', ['kaliop.com'])],
    };
    const { data, issues } = parseListedMemberFeed(feed, 'https://www.frenchsouth.digital/feeds/members.json');
    expect(data.members.map((m) => m.id)).to.deep.equal(['kaliop']);
    expect(issues).to.deep.equal([
      { entry: 'members[0] ("scaleway-paris")', field: 'domains', message: '"s3.fr-par.scw.cloud" is a public suffix, which nobody owns' },
    ]);
    expect(listedMemberFeedParser.kind).to.equal('members');
  });
});
