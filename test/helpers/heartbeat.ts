// Browser-side: is the page still responsive while a widget works? A heartbeat ticks on the main thread; the
// longest gap between two ticks is how long the page could not answer a click or a key.

/** The longest gap a page may go without a tick while a widget loads, changes view or opens a dialog (ms). */
export const RESPONSIVE_GAP_MS = 200;

export interface Heartbeat {
  /** Stops the heartbeat; resolves with the longest gap seen between two ticks, the last tick to now included (ms). */
  stop(): Promise<number>;
}

/**
 * Starts a heartbeat: a timer task every few milliseconds. Work that holds the main thread shows as one long gap.
 */
export function startHeartbeat(): Heartbeat {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(tick, 4);
  };
  setTimeout(tick, 4);
  return {
    async stop() {
      // One more task, so that a stall still under way when stop() is called is counted.
      await new Promise((resolve) => setTimeout(resolve, 0));
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}

/**
 * Runs `work` (loading a widget, changing month, opening a dialog…) and whatever it leaves running for `settleMs`
 * afterwards, under a heartbeat; resolves with the longest gap (ms). Assert it is under {@link RESPONSIVE_GAP_MS}.
 */
export async function longestStall(work: () => Promise<unknown> | unknown, settleMs = 300): Promise<number> {
  const heartbeat = startHeartbeat();
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  } catch (error) {
    await heartbeat.stop();
    throw error;
  }
  return heartbeat.stop();
}
