import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { emulateColorScheme } from '../../../../test/helpers/color-scheme.js';
import type { FsdMemberBadge } from '../../src/fsd-member-badge.js';
import '../../src/fsd-member-badge.js';
import { captureConsole, releaseFeed, requestsFor, sampleMemberFeed, serveFeed } from '../../../../test/helpers/feeds.js';

let feedUrl: string;
before(async () => {
  feedUrl = await serveFeed(await sampleMemberFeed());
});

/** Resolves once the badge's state has settled (at once if it already has). */
async function settled(badge: FsdMemberBadge): Promise<FsdMemberBadge> {
  if (badge.state === 'loading') await oneEvent(badge, 'fsd-badge-state');
  await badge.updateComplete;
  return badge;
}

const base = (badge: FsdMemberBadge) => badge.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
/** The text a sighted visitor reads (without the words meant for screen readers only). */
function text(badge: FsdMemberBadge): string {
  const copy = base(badge).cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.sr-only').forEach((hidden) => hidden.remove());
  return copy.textContent!.replace(/\s+/g, ' ').trim();
}
/** The text a screen reader reads for the badge. */
const spoken = (badge: FsdMemberBadge) => base(badge).textContent!.replace(/\s+/g, ' ').trim();

async function badgeFor(attributes: Record<string, string | true>): Promise<FsdMemberBadge> {
  const badge = document.createElement('fsd-member-badge');
  const all: Record<string, string | true> = { src: feedUrl, ...attributes };
  for (const [name, value] of Object.entries(all)) badge.setAttribute(name, value === true ? '' : value);
  const { result } = await captureConsole('warn', async () => settled(await fixture<FsdMemberBadge>(badge)));
  return result;
}

describe('<fsd-member-badge> states on a development host', () => {
  const cases = [
    { name: 'preview', attributes: { member: 'kaliop', preview: true }, state: 'preview', fr: 'Membre de FrenchSouth.digital Smart Software (logiciels et solutions web) Aperçu', en: 'Member of FrenchSouth.digital Smart Software Preview' },
    { name: 'unverified', attributes: { member: 'kaliop' }, state: 'unverified', fr: 'Badge non vérifié FrenchSouth.digital Ce site n’appartient pas à Kaliop.', en: 'Unverified badge FrenchSouth.digital This site does not belong to Kaliop.' },
    { name: 'lapsed', attributes: { member: 'pixel-nimois', preview: true }, state: 'lapsed', fr: 'Adhésion expirée FrenchSouth.digital L’adhésion de Pixel Nîmois (exemple) a pris fin le 31 décembre 2024.', en: 'Membership lapsed FrenchSouth.digital Pixel Nîmois (exemple)’s membership ended on 31 December 2024.' },
    { name: 'unknown member', attributes: { member: 'nobody', preview: true }, state: 'unknown-member', fr: 'Membre inconnu FrenchSouth.digital Ce membre ne figure pas dans l’annuaire de FrenchSouth.digital.', en: 'Unknown member FrenchSouth.digital This member is not in the FrenchSouth.digital directory.' },
  ] as const;

  for (const { name, attributes, state, fr, en } of cases) {
    for (const lang of ['fr', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        it(`${name}, ${lang}, ${theme}: says so, reflects state="${state}" and passes axe`, async () => {
          const badge = await badgeFor({ ...attributes, lang, theme });
          expect(badge.state).to.equal(state);
          expect(badge.getAttribute('state')).to.equal(state);
          expect(text(badge)).to.equal(lang === 'fr' ? fr : en);
          await expect(badge).to.be.accessible();
        });
      }
    }
  }

  it('links a previewed badge to the member profile, in a new tab, with a name that says what it is', async () => {
    const badge = await badgeFor({ member: 'kaliop', preview: true });
    const link = base(badge) as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.href).to.equal('https://www.frenchsouth.digital/membres/?membre=kaliop');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
    expect(spoken(badge)).to.equal(
      'Kaliop : Membre de FrenchSouth.digital Smart Software (logiciels et solutions web) Aperçu – voir sa fiche (nouvel onglet)',
    );
  });

  it('never links an invalid badge anywhere', async () => {
    for (const member of ['nobody', 'pixel-nimois']) {
      const badge = await badgeFor({ member, preview: true });
      expect(badge.shadowRoot!.querySelector('a')).to.equal(null);
    }
    expect((await badgeFor({ member: 'kaliop' })).shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('explains in the console why a badge is not verified', async () => {
    const badge = document.createElement('fsd-member-badge');
    badge.setAttribute('src', feedUrl);
    badge.setAttribute('member', 'kaliop');
    const { messages } = await captureConsole('warn', async () => settled(await fixture<FsdMemberBadge>(badge)));
    expect(messages.join('\n')).to.contain(`[FrenchSouth.digital] <fsd-member-badge member="kaliop">: unverified: this page's host "${location.hostname}" is not one of the domains of "kaliop" (kaliop.com, kaliop.fr); add the "preview" attribute`);
  });

  it('leaves the host without a lang attribute and marks its content with the language it speaks', async () => {
    const badge = await badgeFor({ member: 'kaliop', preview: true });
    expect(badge.hasAttribute('lang')).to.equal(false);
    expect(base(badge).getAttribute('lang')).to.equal('fr-FR');
    badge.lang = 'en';
    await badge.updateComplete;
    expect(base(badge).getAttribute('lang')).to.equal('en-GB');
    expect(text(badge)).to.contain('Member of FrenchSouth.digital');
  });

  it('takes the page language when it has none of its own', async () => {
    const wrapper = await fixture(html`<div lang="en-GB"><fsd-member-badge member="kaliop" src=${feedUrl} preview></fsd-member-badge></div>`);
    const badge = await settled(wrapper.querySelector('fsd-member-badge')!);
    expect(text(badge)).to.match(/^Member of FrenchSouth\.digital/);
  });

  it('shows the compact variant on one line, without the detail', async () => {
    const badge = await badgeFor({ member: 'kaliop', preview: true, variant: 'compact' });
    expect(base(badge).classList.contains('badge--compact')).to.equal(true);
    expect(badge.shadowRoot!.querySelector('[part~="detail"]')).to.equal(null);
    expect(text(badge)).to.equal('Membre de FrenchSouth.digital Aperçu');
    expect(base(badge).getBoundingClientRect().height).to.be.lessThan(40);
  });

  it('fires fsd-badge-state once the state settles, with the reason', async () => {
    const url = await serveFeed(await sampleMemberFeed());
    const badge = document.createElement('fsd-member-badge');
    badge.setAttribute('src', url);
    badge.setAttribute('member', 'nobody');
    const event = oneEvent(badge, 'fsd-badge-state');
    const { result } = await captureConsole('warn', async () => {
      document.body.append(badge);
      return event;
    });
    expect(result.detail).to.deep.equal({ state: 'unknown-member', member: 'nobody', reason: `no member "nobody" in the member feed` });
    expect(result.bubbles && result.composed).to.equal(true);
    badge.remove();
  });

  it('shows a loading state of the same size while it checks, busy for assistive technology', async () => {
    // The server holds the feed until the loading state has been checked, however slow the machine.
    const url = await serveFeed(await sampleMemberFeed(), { hold: true });
    const badge = await fixture<FsdMemberBadge>(html`<fsd-member-badge member="kaliop" src=${url} preview></fsd-member-badge>`);
    expect(badge.state).to.equal('loading');
    expect(badge.getAttribute('state')).to.equal('loading');
    expect(base(badge).getAttribute('aria-busy')).to.equal('true');
    expect(text(badge)).to.equal('Membre de FrenchSouth.digital Vérification de l’adhésion…');
    const loadingBox = badge.getBoundingClientRect();
    await releaseFeed(url);
    await settled(badge);
    const settledBox = badge.getBoundingClientRect();
    expect(badge.state).to.equal('preview');
    expect(Math.abs(settledBox.height - loadingBox.height)).to.be.lessThan(2);
  });
});

describe('<fsd-member-badge> with a broken feed', () => {
  for (const [name, body, options] of [
    ['missing feed (HTTP 404)', 'gone', { status: 404 }],
    ['feed that is not JSON', '<html>Maintenance</html>', { type: 'text/html' }],
    ['feed of an unknown version', JSON.stringify({ version: 7 }), {}],
    ['network failure', 'x', { drop: true }],
  ] as const) {
    it(`${name}: shows "Vérification impossible", never a valid badge, and logs why`, async () => {
      const url = await serveFeed(body, options);
      const badge = document.createElement('fsd-member-badge');
      badge.setAttribute('src', url);
      badge.setAttribute('member', 'kaliop');
      badge.setAttribute('preview', '');
      const { messages } = await captureConsole('error', async () => settled(await fixture<FsdMemberBadge>(badge)));
      expect(badge.state).to.equal('error');
      expect(text(badge)).to.equal('Vérification impossible FrenchSouth.digital L’annuaire des membres est momentanément indisponible.');
      expect(messages.some((m) => m.includes(url))).to.equal(true);
      await expect(badge).to.be.accessible();
    });
  }

  it('shows "unknown member" when the attribute is missing, and says how to fix it', async () => {
    const badge = document.createElement('fsd-member-badge');
    badge.setAttribute('src', feedUrl);
    const { messages } = await captureConsole('warn', async () => settled(await fixture<FsdMemberBadge>(badge)));
    expect(badge.state).to.equal('unknown-member');
    expect(messages.join('\n')).to.contain('the "member" attribute is missing');
  });
});

describe('<fsd-member-badge> on the host page', () => {
  it('falls back on unknown attribute values with a console warning naming them', async () => {
    const badge = document.createElement('fsd-member-badge');
    for (const [name, value] of Object.entries({ src: feedUrl, member: 'kaliop', variant: 'huge', theme: 'neon', lang: 'de', preview: '' })) badge.setAttribute(name, value);
    const { messages } = await captureConsole('warn', async () => settled(await fixture<FsdMemberBadge>(badge)));
    expect(messages).to.include('[FrenchSouth.digital] <fsd-member-badge>: variant="huge" is not one of "full", "compact"; using "full"');
    expect(messages).to.include('[FrenchSouth.digital] <fsd-member-badge>: theme="neon" is not one of "light", "dark", "auto"; using "light"');
    expect(messages).to.include('[FrenchSouth.digital] <fsd-member-badge>: lang="de": no texts in this language (built in: fr, en; others: registerTranslation()); showing French');
    expect(badge.state).to.equal('preview');
    expect(text(badge)).to.match(/^Membre de/);
  });

  it('is not changed by the page CSS, and its CSS does not leak into the page', async () => {
    const wrapper = await fixture(html`<div>
      <style>
        .hostile span, .hostile div { display: none !important; }
        .hostile a { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
        .hostile { font: italic 30px/3 serif; text-transform: uppercase; letter-spacing: 5px; }
      </style>
      <div class="hostile">
        <fsd-member-badge member="kaliop" src=${feedUrl} preview></fsd-member-badge>
        <span class="badge badge__name">page text</span>
      </div>
      <span class="badge__name" id="outside">outside</span>
    </div>`);
    const badge = await settled(wrapper.querySelector('fsd-member-badge')!);
    const name = badge.shadowRoot!.querySelector<HTMLElement>('.badge__name')!;
    const style = getComputedStyle(name);
    expect(style.display).to.not.equal('none');
    expect(style.textTransform).to.equal('none');
    expect(style.fontStyle).to.equal('normal');
    expect(style.letterSpacing).to.equal('normal');
    expect(style.color).to.equal('rgb(11, 90, 135)');
    const outside = getComputedStyle(wrapper.querySelector('#outside')!);
    expect(outside.fontWeight).to.equal('400');
    expect(outside.color).to.not.equal('rgb(11, 90, 135)');
  });

  it('is reached with the Tab key and shows a visible focus ring', async () => {
    const wrapper = await fixture(html`<div><button>before</button><fsd-member-badge member="kaliop" src=${feedUrl} preview></fsd-member-badge></div>`);
    const badge = await settled(wrapper.querySelector('fsd-member-badge')!);
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const link = base(badge);
    expect(badge.shadowRoot!.activeElement).to.equal(link);
    const style = getComputedStyle(link);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
    expect(style.outlineColor).to.equal('rgb(11, 90, 135)');
  });

  it('follows the visitor’s colour scheme with theme="auto"', async () => {
    const badge = await badgeFor({ member: 'kaliop', preview: true, theme: 'auto' });
    try {
      if (await emulateColorScheme('dark')) {
        expect(getComputedStyle(base(badge)).backgroundColor).to.equal('rgb(20, 33, 44)');
        await expect(badge).to.be.accessible();
        await emulateColorScheme('light');
      } else {
        // Firefox and WebKit: no colour-scheme emulation for the test (test/helpers/color-scheme.ts); the system's
        // scheme is light there, and the badge follows it
        expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(false);
      }
      expect(getComputedStyle(base(badge)).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateColorScheme('light');
    }
  });

  it('checks again when the embedder changes the member', async () => {
    const badge = await badgeFor({ member: 'nobody', preview: true });
    expect(badge.state).to.equal('unknown-member');
    const event = oneEvent(badge, 'fsd-badge-state');
    badge.setAttribute('member', 'awox');
    expect((await event).detail.state).to.equal('preview');
    expect(text(badge)).to.contain('Mediacloud Interactivity');
  });

  it('checks again against the new feed when the embedder changes src to a feed the page already holds', async () => {
    const feed = await sampleMemberFeed();
    const otherUrl = await serveFeed({ ...feed, members: feed.members.filter((m) => m.id !== 'kaliop') });
    // Another widget on the page already holds the second feed, so the shared client answers at once.
    await badgeFor({ member: 'awox', preview: true, src: otherUrl });
    const badge = await badgeFor({ member: 'kaliop', preview: true });
    expect(badge.state).to.equal('preview');
    const event = oneEvent(badge, 'fsd-badge-state');
    await captureConsole('warn', async () => {
      badge.setAttribute('src', otherUrl);
      expect((await event).detail.state).to.equal('unknown-member');
    });
    expect(badge.getAttribute('state')).to.equal('unknown-member');
  });

  it('makes one request for ten badges on the same page', async () => {
    const url = await serveFeed(await sampleMemberFeed());
    const wrapper = await fixture(html`<div>${Array.from({ length: 10 }, () => html`<fsd-member-badge member="kaliop" src=${url} preview></fsd-member-badge>`)}</div>`);
    const badges = [...wrapper.querySelectorAll('fsd-member-badge')];
    await Promise.all(badges.map(settled));
    expect(badges.every((b) => b.state === 'preview')).to.equal(true);
    expect(await requestsFor(url)).to.have.length(1);
  });
});
