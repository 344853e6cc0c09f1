/** The month grid's keys, after the WAI-ARIA date grid pattern: a pure function of the key and the focused day. */
import { addDays } from '@frenchsouth-digital/feed';
import { addMonths, isoWeekday } from './calendar-model.js';

/**
 * Where a key pressed on `day`'s cell leads: the day to focus (`YYYY-MM-DD`, perhaps `day` itself, perhaps in another
 * month), `'activate'` for the day's events (Enter, Space), or `undefined` for a key the grid leaves alone.
 * Arrows move by a day or a week, Home and End to the week's Monday and Sunday, Page Up and Page Down by a month
 * (a year with Shift), kept inside shorter months.
 */
export function gridKeyTarget(key: string, shiftKey: boolean, day: string): string | 'activate' | undefined {
  const weekday = (isoWeekday(day) + 6) % 7; // 0 = Monday
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return addDays(day, -weekday);
    case 'End':
      return addDays(day, 6 - weekday);
    case 'PageUp':
      return addMonths(day, shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(day, shiftKey ? 12 : 1);
    case 'Enter':
    case ' ':
      return 'activate';
    default:
      return undefined;
  }
}
