// The extension's manifest, one per browser, from one description. Shipped builds ask at install only for what
// the toolbar needs; access to sites is optional and asked for when the user turns link annotation on.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export const GECKO_ID = 'extension@frenchsouth.digital';
export const MIN_CHROME = '121';
export const MIN_FIREFOX = '142.0';

/** Permissions asked for at install, the same in both browsers; README "The browser extension" says why each. */
export const PERMISSIONS = ['storage', 'alarms', 'tabs', 'scripting'];
export const OPTIONAL_HOST_PERMISSIONS = ['*://*/*'];
/** The Content-Security-Policy of the extension's pages (popup, options, background). */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'; img-src 'self' blob:";

/**
 * @param {'chrome' | 'firefox'} browser
 * @param {{ hostPermissions?: string[] }} [options] a test build may grant hosts up front (headless Chromium
 *   shows the permission prompt to nobody); shipped builds never do.
 */
export function manifest(browser, { hostPermissions } = {}) {
  const icons = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' };
  const base = {
    manifest_version: 3,
    name: '__MSG_extensionName__',
    short_name: 'FrenchSouth.digital',
    description: '__MSG_extensionDescription__',
    version,
    default_locale: 'fr',
    homepage_url: 'https://www.frenchsouth.digital/',
    icons,
    action: { default_title: '__MSG_actionTitle__', default_popup: 'popup.html', default_icon: { 16: icons[16], 32: icons[32] } },
    options_ui: { page: 'options.html', open_in_tab: true },
    permissions: PERMISSIONS,
    optional_host_permissions: OPTIONAL_HOST_PERMISSIONS,
    ...(hostPermissions ? { host_permissions: hostPermissions } : {}),
    // Images only from the extension and blob: URLs: the popup fetches a member's logo itself (no redirect
    // followed, src/lib/logo.ts) and shows it from a blob, so no <img> of its pages can contact any other host.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
  };
  if (browser === 'chrome') {
    return { ...base, background: { service_worker: 'background.js' }, minimum_chrome_version: MIN_CHROME };
  }
  return {
    ...base,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: MIN_FIREFOX, data_collection_permissions: { required: ['none'] } },
    },
  };
}
