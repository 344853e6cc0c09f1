/**
 * The WebExtension API, promise-based in both browsers: Firefox's own `browser`, and Chrome's `chrome` through
 * Mozilla's webextension-polyfill. Every file of the extension imports it from here.
 */
// First: keeps the page's DOM from posing as the API (see the file).
import './browser-global.js';
import browser from 'webextension-polyfill';

export default browser;
export type { Browser, Tabs, Runtime } from 'webextension-polyfill';
