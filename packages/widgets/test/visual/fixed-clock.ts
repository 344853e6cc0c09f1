// A fixed "now" for the pictures: the calendar marks today, the badge and the directory leave out lapsed
// memberships, a signed feed expires. Imported first by every page of the visual suite (test files and the badge's
// frame), before any widget runs: from then on `Date.now()` and `new Date()` start at {@link FIXED_NOW} and go on at
// the real pace (timers, mocha's durations and timeouts keep working), so every run pictures the same day.

/** Wednesday 2 December 2026, 10:00 in Paris: in the month of the test events, before the 3 December workshop. */
export const FIXED_NOW = Date.parse('2026-12-02T10:00:00+01:00');

const RealDate = Date;
const offset = FIXED_NOW - RealDate.now();

class FixedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...(args as [string | number | Date]));
  }

  static override now(): number {
    return RealDate.now() + offset;
  }
}

if (!(globalThis.Date as unknown as { fixed?: boolean }).fixed) {
  Object.defineProperty(FixedDate, 'fixed', { value: true });
  globalThis.Date = FixedDate as DateConstructor;
}
