// The badge's page in the visual tests: a member's page opened under its host (http://www.kaliop.com:PORT/…), the
// only place the badge can be verified. It embeds one badge as the query string says, on the theme's background,
// and tells its parent the badge's state and the page's height once nothing will change any more.
import './fixed-clock.js';
import '../../src/fsd-member-badge.js';
import type { FsdMemberBadge } from '../../src/fsd-member-badge.js';
import { pinKeyForTests } from '../../../../test/helpers/signing.js';

const params = new URLSearchParams(location.search);
// The test's run-time key, trusted as the cluster's in this page only (the sources' test hook; no bundle has it).
const trust = params.get('trust')!;
pinKeyForTests(trust.slice(0, trust.indexOf(':')), trust.slice(trust.indexOf(':') + 1));
document.documentElement.style.background = params.get('background')!;

const badge = document.createElement('fsd-member-badge') as FsdMemberBadge;
for (const name of ['member', 'src', 'lang', 'variant', 'theme']) {
  const value = params.get(name);
  if (value !== null) badge.setAttribute(name, value);
}
badge.addEventListener('fsd-badge-state', async (event) => {
  await badge.updateComplete;
  await document.fonts.ready;
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  parent.postMessage({ type: 'fsd-visual-badge', state: event.detail.state, reason: event.detail.reason, height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
});
document.body.append(badge);
