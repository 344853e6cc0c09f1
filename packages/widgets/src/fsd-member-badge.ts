/** Entry bundle: `<script type="module" src="…/fsd-member-badge.js">` defines `<fsd-member-badge>`. */
export * from './member-badge/member-badge.js';
