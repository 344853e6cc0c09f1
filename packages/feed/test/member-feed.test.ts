import { expect } from '@open-wc/testing';
import { parseMemberFeed } from '@frenchsouth-digital/feed';
import { sampleMemberFeed } from '../../../test/helpers/feeds.js';

const URL_ = 'https://www.frenchsouth.digital/feeds/members.json';

describe('member feed validation', () => {
  it('keeps every member of the sample feed, true to the launch article', async () => {
    const { data, issues } = parseMemberFeed(await sampleMemberFeed(), URL_);
    expect(issues).to.deep.equal([]);
    expect(data.colleges.map((c) => c.id)).to.deep.equal(['digital-content-cultures', 'mediacloud-interactivity', 'smart-software']);
    const ids = data.members.map((m) => m.id);
    for (const id of ['kaliop', 'rg-systemes', 'awox', 'la-poste', 'sanofi', 'edf']) expect(ids).to.include(id);
  });

  it('leaves out bad entries, naming the entry and the field, and keeps the good ones', async () => {
    const feed = await sampleMemberFeed();
    const good = feed.members[0]!;
    (feed as { members: unknown[] }).members = [
      good,
      { ...good, id: 'no-site', domains: ['no-site.example'], website: 'javascript:alert(1)' },
      { ...good, id: 'suffix', domains: ['github.io'] },
      { ...good, id: 'tld', domains: ['fr'] },
      { ...good, id: 'co-uk', domains: ['co.uk'] },
      { ...good, id: 'Bad Id' },
      { ...good, id: 'other-college', domains: ['other.example'], college: 'quantum' },
      { ...good, id: 'thief', domains: ['kaliop.com'] },
      { ...good, id: 'kaliop', domains: ['twin.example'] },
      { ...good, id: 'bad-date', domains: ['date.example'], memberSince: '2015-02-30' },
      { ...good, id: 'no-name', domains: ['noname.example'], name: '  ' },
      'not an object',
      { ...good, id: 'fine', domains: ['FINE.example.'] },
    ];
    const { data, issues } = parseMemberFeed(feed, URL_);
    expect(data.members.map((m) => m.id)).to.deep.equal(['kaliop', 'fine']);
    expect(data.members[1]!.domains).to.deep.equal(['fine.example']);
    const where = issues.map((i) => `${i.entry} ${i.field}`);
    expect(where).to.deep.equal([
      'members[1] ("no-site") website',
      'members[2] ("suffix") domains',
      'members[3] ("tld") domains',
      'members[4] ("co-uk") domains',
      'members[5] ("Bad Id") id',
      'members[6] ("other-college") college',
      'members[7] ("thief") domains',
      'members[8] ("kaliop") id',
      'members[9] ("bad-date") memberSince',
      'members[10] ("no-name") name',
      'members[11] ',
    ]);
    expect(issues[1]!.message).to.contain('public suffix');
    expect(issues[6]!.message).to.contain('already belongs to member "kaliop"');
  });

  it('keeps a domain with its first owner when a later member claims it as a subdomain', async () => {
    const feed = await sampleMemberFeed();
    const kaliop = feed.members.find((m) => m.id === 'kaliop')!;
    feed.members = [kaliop, { ...kaliop, id: 'usurper', name: 'Usurpateur', domains: ['usurper.example', 'WWW.Kaliop.com'] }, { ...kaliop, id: 'neighbour', domains: ['notkaliop.com'] }];
    const { data, issues } = parseMemberFeed(feed, URL_);
    expect(data.members.map((m) => m.id)).to.deep.equal(['kaliop', 'neighbour']);
    expect(issues).to.deep.equal([{ entry: 'members[1] ("usurper")', field: 'domains', message: '"www.kaliop.com" already belongs to member "kaliop" (as part of "kaliop.com")' }]);
  });

  it('cuts a name, a city, a tag and a description beyond their limits, ending with “…”, and keeps the member', async () => {
    const feed = await sampleMemberFeed();
    const long = 'Démesuré '.repeat(120_000); // about 1 MB
    Object.assign(feed.members[0]!, { name: long, city: long, tags: [long], description: { fr: long, en: long } });
    const { data, issues } = parseMemberFeed(feed, URL_);
    expect(issues).to.deep.equal([]);
    const member = data.members.find((m) => m.id === feed.members[0]!.id)!;
    for (const [text, max] of [[member.name, 300], [member.city, 300], [member.tags[0]!.fr, 300], [member.description.fr, 20_000], [member.description.en, 20_000]] as const) {
      expect(text!.length).to.be.at.most(max).and.above(max - 12);
      expect(text!.startsWith('Démesuré') && text!.endsWith('…')).to.equal(true);
    }
  });

  it('refuses a feed of an unknown version, or one that is not an object', () => {
    expect(() => parseMemberFeed({ version: 2, members: [] }, URL_)).to.throw(/unsupported member feed version 2/);
    expect(() => parseMemberFeed([], URL_)).to.throw(/must be a JSON object/);
    expect(() => parseMemberFeed({ version: 1, cluster: { name: 'x', site: 'https://x.example' }, colleges: [] }, URL_)).to.throw(/"members" must be a list/);
  });

  it('resolves relative logos against the feed and drops unsafe ones', async () => {
    const feed = await sampleMemberFeed();
    const good = feed.members[0]!;
    feed.members = [
      { ...good, logo: 'logos/kaliop.svg' },
      { ...good, id: 'evil-logo', domains: ['evil.example'], logo: 'data:image/svg+xml,<svg onload=alert(1)>' },
    ];
    const { data, issues } = parseMemberFeed(feed, URL_);
    expect(data.members[0]!.logo).to.equal('https://www.frenchsouth.digital/feeds/logos/kaliop.svg');
    expect(issues.map((i) => i.field)).to.deep.equal(['logo']);
  });
});
