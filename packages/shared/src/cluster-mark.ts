import { svg } from 'lit';

/** The cluster's mark: a Mediterranean sun over the sea. Decorative; the text beside it carries the name. */
export const clusterMark = svg`<svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
  <circle cx="16" cy="13" r="7" fill="var(--_sun)"></circle>
  <path d="M3 21c3.5-2.6 6.5-2.6 10 0s6.5 2.6 10 0 4.5-2 6-1.2" fill="none" stroke="var(--_accent)" stroke-width="2.6" stroke-linecap="round"></path>
  <path d="M3 27c3.5-2.6 6.5-2.6 10 0s6.5 2.6 10 0 4.5-2 6-1.2" fill="none" stroke="var(--_accent)" stroke-width="2.6" stroke-linecap="round"></path>
</svg>`;
