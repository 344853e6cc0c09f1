/** Entry bundle: `<script type="module" src="…/fsd-member-directory.js">` defines `<fsd-member-directory>`. */
export * from './member-directory/member-directory.js';
