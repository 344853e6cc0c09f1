// A member's page, opened by the tests under any host name: it embeds one badge as the query string says and
// tells its parent what the badge settled on, and what a visitor sees.
import '../../src/fsd-member-badge.js';
import { pinKeyForTests } from '../../../../test/helpers/signing.js';

// The console's warnings, told to the parent with the state: what a developer of the page would read.
const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  warn(...args);
};

const params = new URLSearchParams(location.search);
const badge = document.createElement('fsd-member-badge');
for (const name of ['member', 'src', 'lang', 'variant', 'theme']) {
  const value = params.get(name);
  if (value !== null) badge.setAttribute(name, value);
}
// The test's run-time key, trusted as the cluster's in this page only (the sources' test hook; no bundle has it).
const trust = params.get('trust');
if (trust) pinKeyForTests(trust.slice(0, trust.indexOf(':')), trust.slice(trust.indexOf(':') + 1));
if (params.has('preview')) badge.setAttribute('preview', '');
badge.addEventListener('fsd-badge-state', (event) => {
  const base = badge.shadowRoot!.querySelector('[part~="base"]')!;
  parent.postMessage(
    {
      type: 'fsd-badge-state',
      host: location.host,
      state: event.detail.state,
      reason: event.detail.reason,
      signedAt: event.detail.signedAt,
      title: base.getAttribute('title'),
      attribute: badge.getAttribute('state'),
      text: base.textContent!.replace(/\s+/g, ' ').trim(),
      href: base.getAttribute('href'),
      label: base.getAttribute('aria-label'),
      warnings: [...warnings],
    },
    '*',
  );
});
document.body.append(badge);
