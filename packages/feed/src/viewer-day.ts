import type { CalendarEvent, Member } from './types.js';

/**
 * Dates as the viewer's own calendar shows them (the computer's zone): when a membership or an all-day event is over
 * for the person reading. A module of its own, for its readers (the directory, the badge, the extension's popup):
 * the events feed's validator, which the calendar fetches on a first visit, does not wait for the member index.
 */

/** Today as `YYYY-MM-DD` in the viewer's own time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Has the membership lapsed (its `validUntil` day is over, in the viewer's time zone)? */
export function isLapsed(member: Pick<Member, 'validUntil'>, now: Date = new Date()): boolean {
  return member.validUntil !== undefined && member.validUntil < todayIso(now);
}

/**
 * Has the event not ended yet at `now`? A timed event until its end instant; an all-day event through its last day
 * in the viewer's own time zone ({@link todayIso}): at 00:30 in Paris, yesterday's all-day events are over.
 */
export function isUpcoming(event: Pick<CalendarEvent, 'end' | 'allDay'>, now: Date = new Date()): boolean {
  return event.allDay ? event.end >= todayIso(now) : Date.parse(event.end) > now.getTime();
}
