/**
 * ISO 8601 date-times of the events feed, as instants. Only the feed's parser reads them, so this module comes with the
 * parser's chunk, not with the calendar's entry as zoned-time.ts (whose wall-clock arithmetic every calendar needs).
 */
import { instantOf, utcOf, type WallClock } from './zoned-time.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date-time as an instant. With an offset (`Z`, `+02:00`) it stands alone; without one it is a wall-clock
 * time in `zone`. `undefined` when it is not a real date-time, or has no offset and no zone is given.
 */
export function parseDateTime(value: string, zone?: string): number | undefined {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const wall: WallClock = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: m[6] ? +m[6] : 0 };
  if (wall.month < 1 || wall.month > 12 || wall.hour > 23 || wall.minute > 59 || wall.second > 59) return undefined;
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (check.getUTCDate() !== wall.day) return undefined;
  const fraction = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const offset = m[8];
  if (!offset) return zone ? instantOf(wall, zone) + fraction : undefined;
  if (offset.toUpperCase() === 'Z') return utcOf(wall) + fraction;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return utcOf(wall) - sign * minutes * 60_000 + fraction;
}
