// Pictures of <fsd-member-badge>: verified (full and compact) on its member's own site, and unverified where another
// member copied it; at each width, light and dark. The badge can be verified only on a page served from the member's
// host, so each one is pictured in a frame opened under that host (http://www.kaliop.com:PORT/…, which the browser
// resolves to this machine; see tools/browser.mjs), on the member feed signed by the run's cluster key.
import { expect } from '@open-wc/testing';
import { sampleMemberFeed } from '../../../../test/helpers/feeds.js';
import { PAGE_BACKGROUND, THEMES, WIDTHS, clusterKey, picture, signedFeed, stage, type Stage, type Theme } from './stage.js';

interface Settled {
  state: string;
  reason?: string;
  height: number;
}

let src: string;
before(async () => {
  src = await signedFeed('members', await sampleMemberFeed());
});

/** Opens the badge's page under `host` in a frame of the container's width; resolves once the badge has settled. */
async function badgeFrame(shot: Stage, host: string, theme: Theme, attributes: Record<string, string>): Promise<{ frame: HTMLIFrameElement; settled: Settled }> {
  const key = await clusterKey();
  const query = new URLSearchParams({ src, trust: `${key.kid}:${key.raw}`, lang: 'fr', theme, background: PAGE_BACKGROUND[theme], ...attributes });
  const frame = document.createElement('iframe');
  frame.title = 'badge';
  frame.style.cssText = 'display: block; border: 0; width: 100%;';
  const settled = new Promise<Settled>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.data?.type !== 'fsd-visual-badge') return;
      window.removeEventListener('message', onMessage);
      resolve(event.data as Settled);
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = `http://${host}:${location.port}/packages/widgets/test/visual/badge-frame.html?${query}`;
  shot.container.append(frame);
  const result = await settled;
  frame.style.height = `${result.height}px`;
  return { frame, settled: result };
}

const cases = [
  { name: 'verified', host: 'www.kaliop.com', attributes: { member: 'kaliop' }, state: 'verified' },
  { name: 'compact-verified', host: 'www.kaliop.com', attributes: { member: 'kaliop', variant: 'compact' }, state: 'verified' },
  // Kaliop's badge copied onto another member's site.
  { name: 'unverified', host: 'www.awox.com', attributes: { member: 'kaliop' }, state: 'unverified' },
] as const;

describe('<fsd-member-badge> pictures', () => {
  for (const { name, host, attributes, state } of cases) {
    for (const width of WIDTHS) {
      for (const theme of THEMES) {
        it(`${name}, ${width} px, ${theme}`, async () => {
          const shot = await stage(width, theme);
          const { settled } = await badgeFrame(shot, host, theme, attributes);
          expect(settled.state, settled.reason).to.equal(state);
          await picture(shot, `badge-${name}-${width}-${theme}`);
        });
      }
    }
  }
});
