import { expect } from '@open-wc/testing';
import { sampleMemberFeed, serveFeed, uniqueName } from '../../../../test/helpers/feeds.js';
import { putSignedFeed, testKey, type TestKey } from '../../../../test/helpers/signing.js';

// The browser resolves every host name to this machine (see tools/browser.mjs), so a page can be opened as
// http://www.kaliop.com:PORT/…: the badge then sees the host a member's visitors see.

interface Report {
  host: string;
  state: string;
  attribute: string;
  reason?: string;
  signedAt?: string;
  title: string | null;
  text: string;
  href: string | null;
  warnings: string[];
}

// The member feed, signed by a key generated for this run and trusted as the cluster's in the badge's page.
let feedUrl: string;
/** Shared hosts where anyone gets a subdomain (issue 12), each claimed by a member of the feed, and a host under it. */
const SHARED_SUFFIXES = [
  { member: 'centralnic-uk', suffix: 'uk.com', host: 'acme.uk.com' },
  { member: 'centralnic-co', suffix: 'co.com', host: 'acme.co.com' },
  { member: 'blogger-fr', suffix: 'blogspot.fr', host: 'acme.blogspot.fr' },
  { member: 'notion', suffix: 'notion.site', host: 'acme.notion.site' },
  { member: 'bucket-paris', suffix: 's3.eu-west-3.amazonaws.com', host: 'acme.s3.eu-west-3.amazonaws.com' },
  { member: 'azure-cdn', suffix: 'azureedge.net', host: 'acme.azureedge.net' },
];
let plainUrl: string;
let key: TestKey;
let stranger: TestKey;
before(async () => {
  const feed = await sampleMemberFeed();
  feed.members.push({ ...feed.members[0]!, id: 'muller', name: 'Müller Numérique', domains: ['müller.example'] });
  for (const { member, suffix } of SHARED_SUFFIXES) feed.members.push({ ...feed.members[0]!, id: member, name: member, domains: [suffix] });
  key = await testKey(false);
  stranger = await testKey(false);
  feedUrl = await putSignedFeed(uniqueName(), feed, key);
  plainUrl = await serveFeed(feed);
});

/** Opens the badge page under `host` and resolves with what the badge settled on. */
function openAs(host: string, params: Record<string, string>): Promise<Report> {
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ src: feedUrl, trust: `${key.kid}:${key.raw}`, ...params });
  frame.src = `http://${host}:${location.port}/packages/widgets/test/pages/badge.html?${query}`;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.data?.type !== 'fsd-badge-state') return;
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data as Report);
    };
    window.addEventListener('message', onMessage);
    document.body.append(frame);
  });
}

describe('<fsd-member-badge> verification by the page host', () => {
  const verified = ['www.kaliop.com', 'kaliop.com', 'blog.kaliop.com', 'KALIOP.COM', 'Www.Kaliop.Fr', 'www.kaliop.com.'];
  for (const host of verified) {
    it(`is verified on ${host}`, async () => {
      const report = await openAs(host, { member: 'kaliop' });
      expect(report.state).to.equal('verified');
      expect(report.attribute).to.equal('verified');
      expect(report.text).to.equal('Kaliop : Membre de FrenchSouth.digital Smart Software (logiciels et solutions web) – voir sa fiche (nouvel onglet)');
      expect(report.href).to.equal('https://www.frenchsouth.digital/membres/?membre=kaliop');
    });
  }

  it('names the date the cluster signed the member list', async () => {
    const report = await openAs('www.kaliop.com', { member: 'kaliop', lang: 'en' });
    expect(report.signedAt).to.equal('2026-11-20T09:00:00+01:00');
    expect(report.title).to.equal('Member list signed by FrenchSouth.digital on 20 November 2026');
  });

  it('cannot reach verified when the page points src at a feed of its own, unsigned or signed by another key', async () => {
    const foreignUrl = await putSignedFeed(uniqueName(), await sampleMemberFeed(), stranger);
    for (const src of [plainUrl, foreignUrl]) {
      const report = await openAs('www.kaliop.com', { member: 'kaliop', src });
      expect(report.state).to.equal('unchecked');
      expect(report.href).to.equal(null);
      expect(report.text).to.equal('Badge non contrôlé FrenchSouth.digital La liste lue n’est pas celle, signée, du cluster.');
      expect(report.reason).to.equal('the member feed is not signed by one of the cluster\'s keys, so this badge cannot be verified; keep the default "src"');
    }
  });

  it('is verified on an internationalised domain name', async () => {
    const report = await openAs('www.xn--mller-kva.example', { member: 'muller' });
    expect(report.state).to.equal('verified');
  });

  const unverified = ['notkaliop.com', 'kaliop.com.evil.test', 'kaliop.co', 'www.awox.com', 'kaliop-com.example'];
  for (const host of unverified) {
    it(`is not verified on ${host}, and says why`, async () => {
      const report = await openAs(host, { member: 'kaliop' });
      expect(report.state).to.equal('unverified');
      expect(report.text).to.equal('Badge non vérifié FrenchSouth.digital Ce site n’appartient pas à Kaliop.');
      expect(report.href).to.equal(null);
      expect(report.reason).to.contain(`is not one of the domains of "kaliop" (kaliop.com, kaliop.fr)`);
    });
  }

  for (const { member, suffix, host } of SHARED_SUFFIXES) {
    it(`is not verified on ${host} for a member claiming the shared host ${suffix}, and the console names both`, async () => {
      const report = await openAs(host, { member });
      expect(report.state).to.equal('unknown-member');
      expect(report.href).to.equal(null);
      const warning = report.warnings.find((text) => text.includes(`("${member}")`));
      expect(warning, report.warnings.join('\n')).to.contain(`"${suffix}" is a public suffix`);
    });
  }

  it('still verifies the valid member of a feed whose other members claim shared hosts', async () => {
    const report = await openAs('www.kaliop.com', { member: 'kaliop' });
    expect(report.state).to.equal('verified');
    expect(report.warnings.filter((text) => text.includes('("kaliop")'))).to.deep.equal([]);
  });

  it('ignores preview outside development hosts', async () => {
    const report = await openAs('www.notkaliop.com', { member: 'kaliop', preview: '' });
    expect(report.state).to.equal('unverified');
  });

  it('ignores preview in a frame, even of a development host, and in a frame without a host of its own', async () => {
    expect((await openAs('localhost', { member: 'kaliop', preview: '' })).state).to.equal('unverified');
    // A srcdoc frame has no host: any production page could write one.
    const frame = document.createElement('iframe');
    const state = new Promise<string>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow || event.data?.type !== 'fsd-srcdoc-state') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data.state as string);
      };
      window.addEventListener('message', onMessage);
    });
    frame.srcdoc = `<script type="module">
      import '${new URL('/packages/widgets/src/fsd-member-badge.ts', location.href).href}';
      const badge = document.createElement('fsd-member-badge');
      badge.setAttribute('member', 'kaliop');
      badge.setAttribute('src', ${JSON.stringify(feedUrl)});
      badge.setAttribute('preview', '');
      badge.addEventListener('fsd-badge-state', (e) => parent.postMessage({ type: 'fsd-srcdoc-state', state: e.detail.state }, '*'));
      document.body.append(badge);
    </script>`;
    document.body.append(frame);
    try {
      expect(await state).to.equal('unverified');
    } finally {
      frame.remove();
    }
  });

  it('is not verified on the member’s own site once the membership has lapsed', async () => {
    const report = await openAs('www.pixel-nimois.example', { member: 'pixel-nimois' });
    expect(report.state).to.equal('lapsed');
    expect(report.href).to.equal(null);
  });

  it('speaks English on the member’s site when asked, in the dark theme', async () => {
    const report = await openAs('www.kaliop.com', { member: 'kaliop', lang: 'en', theme: 'dark' });
    expect(report.state).to.equal('verified');
    expect(report.text).to.equal('Kaliop: Member of FrenchSouth.digital Smart Software – see its profile (new tab)');
  });

  it('does not verify a member on another member’s site', async () => {
    const report = await openAs('www.awox.com', { member: 'kaliop' });
    expect(report.state).to.equal('unverified');
    const own = await openAs('www.awox.com', { member: 'awox' });
    expect(own.state).to.equal('verified');
  });
});
