/** The calendar's dates and times written out: functions of the language, the zone shown and the data. */
import type { CalendarEvent } from '@frenchsouth-digital/feed';
import { locale, type LanguageTag } from '@frenchsouth-digital/shared';
import type { CalendarView, Occurrence } from './calendar-model.js';
import { messages } from './event-calendar.messages.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A formatter for the language, zone and options, made once: a month grid writes out some hundred dates, and making
 * an `Intl.DateTimeFormat` costs far more than using one. The calendar asks for a dozen kinds; the cache starts over
 * past 100 (zones changed many times), so that it never grows without end.
 */
export function formatter(lang: LanguageTag, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${zone} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    if (formatters.size >= 100) formatters.clear();
    formatters.set(key, (format = new Intl.DateTimeFormat(locale(lang), { timeZone: zone, ...options })));
  }
  return format;
}

/** The noon of a day (`YYYY-MM-DD`) in UTC: a day written out in UTC is the same day everywhere. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** A day (`YYYY-MM-DD`) written out. */
export function formatDay(lang: LanguageTag, day: string, options: Intl.DateTimeFormatOptions): string {
  return formatter(lang, 'UTC', options).format(noon(day));
}

/** The calendar's title: the month shown, the list's first and last days, or "next events". */
export function calendarTitle(lang: LanguageTag, view: CalendarView, anchor: string, [from, to]: readonly [string, string]): string {
  if (view === 'next') return messages(lang).nextEvents;
  if (view === 'list') return formatter(lang, 'UTC', { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(noon(from), noon(to));
  const month = formatDay(lang, anchor, { month: 'long', year: 'numeric' });
  return month.charAt(0).toUpperCase() + month.slice(1);
}

/** An occurrence's time on one of its days: its start (as the language writes times: 09:30, 9:30 AM), "all day", or "continued" on the days after the first. */
export function eventTime(lang: LanguageTag, zone: string, o: Occurrence, day: string): string {
  const t = messages(lang);
  if (o.event.allDay) return t.allDay;
  if (day !== o.firstDay) return t.continued;
  return formatter(lang, zone, { timeStyle: 'short' }).format(new Date(o.event.start));
}

/** When an event takes place, in full, in the zone shown (with its offset). */
export function eventWhen(lang: LanguageTag, zone: string, event: CalendarEvent): string {
  if (event.allDay) {
    const f = formatter(lang, 'UTC', { dateStyle: 'full' });
    return event.start === event.end ? `${f.format(noon(event.start))} · ${messages(lang).allDay}` : f.formatRange(noon(event.start), noon(event.end));
  }
  const range = formatter(lang, zone, { dateStyle: 'full', timeStyle: 'short' }).formatRange(new Date(event.start), new Date(event.end));
  const offset = formatter(lang, zone, { timeZoneName: 'shortOffset' })
    .formatToParts(new Date(event.start))
    .find((p) => p.type === 'timeZoneName')?.value;
  return offset ? `${range} (${offset})` : range;
}
