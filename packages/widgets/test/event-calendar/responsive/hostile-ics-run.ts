// What the hostile iCalendar tests share (hostile-ics.test.ts, heavy-*.test.ts): a calendar loaded on
// March 2027 in Paris time, taken to April and back, and an event opened, each under a heartbeat.
import { fixture } from '@open-wc/testing';
import type { FsdEventCalendar } from '../../../src/fsd-event-calendar.js';
import '../../../src/fsd-event-calendar.js';
import { captureConsole, uniqueName, until } from '../../../../../test/helpers/feeds.js';
import { longestStall, responsively } from '../../../../../test/helpers/heartbeat.js';

export const root = (c: FsdEventCalendar) => c.shadowRoot!;
export const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
export const cell = (c: FsdEventCalendar, day: string) => root(c).querySelector<HTMLElement>(`[data-day="${day}"]`);
export const eventsOn = (c: FsdEventCalendar, day: string) => [...(cell(c, day)?.querySelectorAll('[part~="event"]') ?? [])].map((e) => clean(e.textContent));
export const title = (c: FsdEventCalendar) => clean(root(c).querySelector('[part~="title"]')?.textContent);
export const notes = (c: FsdEventCalendar) => [...root(c).querySelectorAll('[part~="note"]')].map((n) => clean(n.textContent));

export interface Run {
  calendar: FsdEventCalendar;
  /** Every console warning and error while it loaded, changed month and opened an event. */
  messages: string[];
  stalls: { load: number; month: number; dialog: number };
}

/** Settled: not loading any more (an `.ics` source is read and expanded in slices). */
export const settled = (calendar: FsdEventCalendar, timeout: number) => until(() => calendar.state !== 'loading', timeout, 'the calendar to settle');

/**
 * Loads a calendar of `src` on March 2027 in Paris time, then goes to April and back, then opens the first event of
 * `openDay`: each under a heartbeat.
 */
export async function run(src: string, openDay: string, timeout = 8000): Promise<Run> {
  const calendar = document.createElement('fsd-event-calendar');
  for (const [name, value] of Object.entries({ src, date: '2027-03-01', 'time-zone': 'Europe/Paris', lang: 'fr' })) calendar.setAttribute(name, value);
  const stalls = { load: 0, month: 0, dialog: 0 };
  let element!: FsdEventCalendar;
  const errors = await captureConsole('error', async () =>
    captureConsole('warn', async () => {
      stalls.load = await longestStall(async () => {
        element = await fixture<FsdEventCalendar>(calendar);
        await settled(element, timeout);
      });
      const nav = root(element).querySelectorAll<HTMLButtonElement>('[part~="nav"] button');
      stalls.month = await longestStall(async () => {
        nav[2]!.click();
        await until(() => title(element) === 'Avril 2027', timeout, 'April');
        await settled(element, timeout);
        nav[0]!.click();
        await until(() => title(element) === 'Mars 2027', timeout, 'March');
        await settled(element, timeout);
      });
      stalls.dialog = await longestStall(async () => {
        cell(element, openDay)!.querySelector<HTMLElement>('[part~="event"]')!.click();
        await until(() => !!root(element).querySelector('dialog')?.open, timeout, 'the dialog');
      });
    }),
  );
  return { calendar: element, messages: [...errors.result.messages, ...errors.messages], stalls };
}

/** Every stall of these runs, each named by its phase and, past one run, its place (`load (2)`). */
export const stallsOf = (...runs: Run[]) =>
  Object.fromEntries(runs.flatMap((one, i) => Object.entries(one.stalls).map(([phase, ms]) => [runs.length > 1 ? `${phase} (${i + 1})` : phase, ms])));

/**
 * {@link run} on a source made afresh for each attempt (`source()`: a URL of its own), run again while a stall passes
 * the limit ({@link responsively}); gives the run whose stalls are all under it.
 */
export const runResponsive = (source: () => Promise<string> | string, openDay: string, timeout?: number): Promise<Run> =>
  responsively(async () => run(await source(), openDay, timeout), (one) => stallsOf(one), letGo);

export const said = (messages: string[], ...parts: string[]) => messages.some((m) => m.startsWith('[FrenchSouth.digital]') && parts.every((p) => m.includes(p)));

/** The feeds this page holds (the feed client's registry), to forget between tests: a visitor's page holds one calendar, not ten. */
export const registry = () => (globalThis as unknown as Record<symbol, Map<string, unknown>>)[Symbol.for('fsd.feed-client.entries.v1')]!;

/**
 * The modules a calendar loads on demand, loaded before any heartbeat (the dev server compiles each on its first
 * import, as a built bundle would not), and the `heavy` files the test server is to have made by then
 * (test/server/heavy-ics.js).
 */
export async function preload(...heavy: string[]): Promise<void> {
  await import('../../../src/event-calendar/event-details.js');
  await import('@frenchsouth-digital/feed').then((feed) => feed.loadIcs());
  for (const name of heavy) {
    const made = await fetch(`/__heavy-ics-make/${name}`, { method: 'POST' });
    if (made.status !== 204) throw new Error(`the test server did not make ${name}: HTTP ${made.status}`);
  }
}

/** What a test's calendar held (megabytes of text and events) let go, so that no later test measures its collection. */
export async function letGo(): Promise<void> {
  for (const element of document.querySelectorAll('fsd-event-calendar')) element.remove();
  registry().clear();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * The URL of one of the heavy files the test server makes (test/server/heavy-ics.js), its own for this test: the feed
 * cache is keyed by URL.
 */
export const heavyIcsUrl = (name: string) => new URL(`/__heavy-ics/${name}.ics?${uniqueName(name)}`, location.href).href;
