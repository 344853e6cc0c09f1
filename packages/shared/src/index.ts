/**
 * What the widgets and the extension share, besides the feed client (`@frenchsouth-digital/feed`): the base element, localisation,
 * the design tokens, the cluster's mark and the development-host test. No side effects: importing defines nothing.
 */
export { FsdElement, THEMES, booleanAttribute, defineElement, type Theme } from './fsd-element.js';
export {
  LANGS,
  canonicalTag,
  formatIsoDate,
  hasMessages,
  locale,
  localized,
  registrationListeners,
  resolveLang,
  supportedLang,
  translator,
  type Lang,
  type LanguageTag,
  type Messages,
} from './localize.js';
export { registerMessages } from './register-messages.js';
export { HEADING_LEVELS, checkedHeadingLevel, heading, type HeadingLevel } from './heading.js';
export { tokens } from './tokens.styles.js';
export { clusterMark } from './cluster-mark.js';
export { isDevelopmentHost } from './hosts.js';
