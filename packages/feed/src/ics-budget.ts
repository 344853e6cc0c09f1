/**
 * Bounded iCalendar work (issue 12): expanding a calendar over a range has a budget of work time and of occurrences
 * for the whole calendar, and no single step of it (one occurrence of a series) can hold the thread for long.
 *
 * ical.js has loops that may never end on a hostile rule: the `do … while` of `RecurIterator.next()` (which calls
 * `check_contracting_rules()` at each turn: `FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO` turns half a billion
 * times before its first occurrence) and the year searches of `RecurIterator.init()`. The methods those loops call at
 * each turn are wrapped here: inside a {@link guardedStep}, a step past {@link STEP_MS} or {@link MAX_STEP_TURNS}
 * throws {@link StepTooLong} from inside the loop, and the series it belongs to is dropped (its iterator is thrown
 * away; ical.js keeps no state between iterators that this could break). Outside a guarded step the wrappers only
 * return at once.
 *
 * Long work is cut into slices ({@link runSliced}): a generator yields after each step, and the page gets the thread
 * back every {@link SLICE_MS}.
 */
import ICAL from 'ical.js';

/** How many occurrences, all series of a calendar together, one expansion (one range) looks at, at most. */
export const MAX_CALENDAR_OCCURRENCES = 100_000;
/** How many events one expansion of one calendar gives, at most: more than any month of a real calendar holds. */
export const MAX_RANGE_EVENTS = 5_000;
/** The most work time (ms, slices summed) one expansion of one calendar may take. */
export const EXPANSION_BUDGET_MS = 3_000;
/** The longest one step may hold the thread (ms): past it, the step is stopped and its series dropped. */
export const STEP_MS = 100;
/** The most turns of ical.js's inner loops in one step, whatever the clock says (a slow machine stops as early). */
export const MAX_STEP_TURNS = 200_000;
/** How long a slice of work runs before the page gets the thread back (ms). */
export const SLICE_MS = 8;
/**
 * How long an expansion runs at once before it goes on in slices (ms): a calendar that expands within it shows in
 * the same update as the month (real exports take a few ms; a phone is slower), a heavier one a few tasks later.
 */
export const FIRST_SLICE_MS = 50;

/** Thrown from inside ical.js when a step runs too long. */
export class StepTooLong extends Error {
  constructor(turns: number) {
    super(`one step took more than ${STEP_MS} ms (${turns.toLocaleString('en')} turns of the recurrence loop)`);
    this.name = 'StepTooLong';
  }
}

let guarded = false;
let deadline = Infinity;
let turns = 0;

function tick(): void {
  if (!guarded) return;
  turns++;
  // The clock is read every 256 turns: a turn costs well under a microsecond.
  if (turns > MAX_STEP_TURNS || ((turns & 255) === 0 && performance.now() > deadline)) throw new StepTooLong(turns);
}

// The methods ical.js's long loops call at each turn (node_modules/ical.js/dist/ical.js, class RecurIterator).
const iteratorPrototype = (ICAL as unknown as { RecurIterator: { prototype: Record<string, unknown> } }).RecurIterator.prototype;
for (const name of ['check_contracting_rules', 'expand_year_days', 'increment_month', 'next_weekday_by_week']) {
  const original = iteratorPrototype[name];
  if (typeof original !== 'function' || (original as { fsdGuarded?: true }).fsdGuarded) continue;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    tick();
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  (wrapped as { fsdGuarded?: true }).fsdGuarded = true;
  iteratorPrototype[name] = wrapped;
}

/** Runs `step` as one bounded step: the loops of ical.js inside it stop at {@link STEP_MS} or {@link MAX_STEP_TURNS}. */
export function guardedStep<T>(step: () => T): T {
  const outer = { guarded, deadline, turns };
  guarded = true;
  turns = 0;
  deadline = performance.now() + STEP_MS;
  try {
    return step();
  } finally {
    ({ guarded, deadline, turns } = outer);
  }
}

/** The longest a loop inside a step runs before it yields, whatever the machine and the size of its items. */
export const LOOP_MS = 3;

/**
 * A clock for a loop that yields between its items ({@link Steps}): `due()` is true once {@link LOOP_MS} have passed
 * since it was last true (or since it was made). A count of items per step was too many on a slow machine or with
 * heavy items (256 overrides took 40 ms).
 */
export function loopClock(): () => boolean {
  let next = performance.now() + LOOP_MS;
  return () => {
    const now = performance.now();
    if (now < next) return false;
    next = now + LOOP_MS;
    return true;
  };
}

/** Work cut into steps: a generator that yields after each one. */
export type Steps = Generator<void, void, void>;

/** What a run spent, and why it stopped early if it did. */
export interface Run {
  spentMs: number;
  /** `false` while the work done does not count against the budget. */
  counting: boolean;
  /** Set when the work ran out of time: why. */
  exceeded?: string;
}

const outOfTime = () => `the work took more than ${(EXPANSION_BUDGET_MS / 1000).toLocaleString('en')} s`;

/**
 * Runs steps of `work` until it is done (`true`), `untilMs` of this call have passed (`false`), or the budget is
 * spent (`true`, with `run.exceeded` set and the work stopped).
 */
export function runFor(work: Steps, run: Run, untilMs = Infinity): boolean {
  let start = performance.now();
  const stop = start + untilMs;
  try {
    for (;;) {
      if (work.next().done) return true;
      const now = performance.now();
      if (!run.counting) start = now;
      else if (run.spentMs + (now - start) > EXPANSION_BUDGET_MS) {
        run.exceeded = outOfTime();
        work.return();
        return true;
      }
      if (now >= stop) return false;
    }
  } finally {
    run.spentMs += performance.now() - start;
  }
}

/**
 * Gives the thread back to the page for a moment: a task of its own, queued behind the page's. Not
 * `setTimeout(0)`, which browsers delay by 4 ms once nested (a third of the time lost at 8 ms slices).
 */
export const pause = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

/** Runs the rest of `work` in slices of {@link SLICE_MS}, the thread given back between them, until it is done or stopped. */
export async function runSliced(work: Steps, run: Run, signal: AbortSignal): Promise<void> {
  for (;;) {
    await pause();
    if (signal.aborted) {
      work.return();
      return;
    }
    if (runFor(work, run, SLICE_MS)) return;
  }
}
