/**
 * Run before the WebExtension polyfill (lib/browser.ts imports it first), against a page's DOM posing as the API.
 * A page's elements show on the global object by name (an element's id, a form's name, a form's controls by
 * theirs), in the content scripts' world too; and when the script's world is made while such an element exists,
 * the browser leaves the name to it and puts no `chrome` (or `browser`) there (seen in Chromium 156). The polyfill
 * takes whatever has `runtime.id`: `<form id="browser"><input name="runtime" id="x"></form>` handed the script the
 * page's form, and annotation broke on that page.
 *
 * A real API is an own property of the global; a name from the DOM comes from the prototype chain. So: a `browser`
 * that is not own is hidden behind `undefined` (the polyfill then wraps `chrome`); a `chrome` that is not own, beside
 * a real `browser`, is pointed at it (the polyfill checks `chrome` first, then takes `browser`); neither own means
 * the page hid the API, and the polyfill is made to refuse rather than wrap a page's element. The registered script
 * runs at document_start, before the page has any element, so the last case arises only when the popup injects the
 * script into a page already open; the next load of that page is annotated.
 */
import { LOG } from './log.js';

const define = (name: string, value: unknown) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
const ownBrowser = Object.hasOwn(globalThis, 'browser');
const ownChrome = Object.hasOwn(globalThis, 'chrome');

if (ownBrowser && !ownChrome) define('chrome', (globalThis as { browser?: unknown }).browser);
if (!ownBrowser) define('browser', undefined);
if (!ownBrowser && !ownChrome) {
  console.warn(`${LOG} this page has elements named "chrome" and "browser", which hide the extension's API from the script injected now; reload the page to annotate its links`);
  define('chrome', undefined);
}

export {};
