/**
 * Entry bundle: `import { registerTranslation } from '…/fsd-translations.js'` teaches every widget on the page (from any
 * of our entries) another language. Built on its own, a few hundred bytes, so that a page with the badge alone pays
 * nothing more for it; `fsd-widgets.js` exports it too.
 */
export { registerTranslation, type Translation, type BadgeMessages, type CalendarMessages, type DirectoryMessages } from './translations/register-translation.js';
