import { emulateMedia } from '@web/test-runner-commands';

/**
 * Sets the colour scheme the page sees (`prefers-color-scheme`), where the engine lets a test do so: Chromium (CDP).
 * Firefox (driven over WebDriver BiDi) and WebKit (WebKitWebDriver) offer no such emulation to web-test-runner: there
 * the command is refused, and this resolves `false`; the page then keeps the system's scheme, light in these headless
 * browsers, which the callers assert instead (a documented difference of the test tools, not of the widgets).
 * @returns whether the scheme was set
 */
export async function emulateColorScheme(colorScheme: 'light' | 'dark'): Promise<boolean> {
  try {
    await emulateMedia({ colorScheme });
    return true;
  } catch (error) {
    const message = String((error as Error).message);
    if (/CDP support is required|not supported for browser type webdriver/.test(message)) return false;
    throw error;
  }
}
