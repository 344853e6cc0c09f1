/**
 * Wall-clock time in an IANA time zone, and back, with `Intl.DateTimeFormat` only (no time-zone library):
 * the browser already carries the zone database. Days are ISO dates (`YYYY-MM-DD`); instants are ms since the epoch.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the browser knows `zone` as a time zone (`Europe/Paris`, `UTC`…). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone of the browser this runs in. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** What the zone's clock shows, read with Intl (slow: each call formats a date). */
function readWallClock(instant: number, zone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The instant a UTC clock shows `w`. */
export function utcOf(w: WallClock): number {
  const date = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second));
  date.setUTCFullYear(w.year);
  return date.getTime();
}

function readOffset(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return utcOf(readWallClock(whole, zone)) - whole;
}

const QUARTER = 900_000;
/** Per zone, the offsets read: by UTC day index, and by quarter-hour index where a day holds a change. */
const offsets = new Map<string, [days: Map<number, number>, quarters: Map<number, number>]>();
let held = 0;

/**
 * The zone's offset from UTC at `instant`, in ms (Paris in summer: +2 h). Read with Intl once per UTC day when the
 * day's start and end agree (no zone changes its offset twice within a day), else once per quarter hour (offsets
 * change on quarter hours), and kept: a month of a thousand events costs about sixty Intl calls, not thousands.
 */
export function zoneOffset(instant: number, zone: string): number {
  let known = offsets.get(zone);
  if (!known) offsets.set(zone, (known = [new Map(), new Map()]));
  const day = spanOffset(known[0], instant, zone, DAY_MS);
  if (!Number.isNaN(day)) return day;
  const quarter = spanOffset(known[1], instant, zone, QUARTER);
  return Number.isNaN(quarter) ? readOffset(instant, zone) : quarter;
}

/** The zone's offset over the span (a UTC day, a quarter hour) that holds `instant`; NaN if it changes within it. */
function spanOffset(known: Map<number, number>, instant: number, zone: string, span: number): number {
  const index = Math.floor(instant / span);
  let offset = known.get(index);
  if (offset === undefined) {
    const start = readOffset(index * span, zone);
    // NaN: the offset changes within this span; the next, shorter one is asked.
    offset = start === readOffset(index * span + span - 1000, zone) ? start : NaN;
    // Bounded: past 100,000 offsets held, the zones start again.
    if (++held > 100_000) {
      for (const [days, quarters] of offsets.values()) {
        days.clear();
        quarters.clear();
      }
      held = 0;
    }
    known.set(index, offset);
  }
  return offset;
}

/** What a clock on the wall in `zone` shows at `instant`. */
export function wallClock(instant: number, zone: string): WallClock {
  const local = new Date(Math.floor(instant / 1000) * 1000 + zoneOffset(instant, zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant when the wall clock in `zone` shows `wall`. A time that happens twice (when clocks go back) gives the
 * first; a time that never happens (when clocks go forward) is moved forward by the gap, as calendar programs do.
 */
export function instantOf(wall: WallClock, zone: string): number {
  const utc = utcOf(wall);
  const before = zoneOffset(utc - DAY_MS, zone);
  const after = zoneOffset(utc + DAY_MS, zone);
  // The same offset a day either side: no change of clocks near, the one instant (most calls, by far).
  if (before === after && zoneOffset(utc - before, zone) === before) return utc - before;
  const candidates = [utc - before, utc - after].filter((t) => zoneOffset(t, zone) === utc - t);
  if (candidates.length) return Math.min(...candidates);
  return utc - before;
}

/** The day (`YYYY-MM-DD`) it is in `zone` at `instant`. */
export function dayIn(instant: number, zone: string): string {
  const w = wallClock(instant, zone);
  return isoDay(w.year, w.month, w.day);
}

/** The instant a day begins in `zone` (not always midnight on the wall: some zones skip it). */
export function startOfDay(day: string, zone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return instantOf({ year, month, day: date, hour: 0, minute: 0, second: 0 }, zone);
}

export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `day` plus `days` days (negative to go back). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  const ms = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}
