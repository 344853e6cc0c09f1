import browser from './browser.js';

/**
 * Gives back access to sites the user no longer wants annotated. A permission the manifest requires (a test
 * build that grants hosts up front) cannot be removed: that is not an error for the user.
 */
export async function giveBack(origins: string[]): Promise<void> {
  try {
    await browser.permissions.remove({ origins });
  } catch {
    // Required by the manifest: nothing to give back.
  }
}
