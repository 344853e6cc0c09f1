/**
 * The published calendars, for subscriptions (`webcal://` and https): RFC 5545 with CRLF line ends, folded lines and
 * a VTIMEZONE for Europe/Paris. Each event is written by the feed package's own `eventToIcs` (the "add to my
 * calendar" file of the widget), its VEVENT taken out and put in one calendar with the others; texts go through
 * its `escapeText` and lines through its `foldLine`.
 */
import { escapeText, eventToIcs, foldLine, wallClock, type CalendarEvent, type EventCategory } from '@frenchsouth-digital/feed';
import { CLUSTER_ZONE } from './events.js';

/** Europe/Paris since 1996: last Sunday of March at 02:00 to last Sunday of October at 03:00. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const two = (n: number) => String(n).padStart(2, '0');

/** `2027-01-14T17:00:00.000Z` → `20270114T180000`, the wall clock in Paris. */
function parisTime(iso: string): string {
  const w = wallClock(Date.parse(iso), CLUSTER_ZONE);
  return `${String(w.year).padStart(4, '0')}${two(w.month)}${two(w.day)}T${two(w.hour)}${two(w.minute)}${two(w.second)}`;
}

/** The VEVENT lines of one event: eventToIcs's, with Paris wall-clock times and the event's category. */
function veventLines(event: CalendarEvent, categories: ReadonlyMap<string, EventCategory>, stamp: number): string[] {
  const texts: { title: string; description?: string } = { title: event.title.fr };
  if (event.description) texts.description = event.description.fr;
  const lines = eventToIcs(event, texts, stamp).split('\r\n');
  const vevent = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT'));
  const zoned = !event.allDay && (event.timeZone === undefined || event.timeZone === CLUSTER_ZONE);
  const out = vevent.map((line) => {
    if (!zoned) return line;
    if (line.startsWith('DTSTART:')) return `DTSTART;TZID=${CLUSTER_ZONE}:${parisTime(event.start)}`;
    if (line.startsWith('DTEND:')) return `DTEND;TZID=${CLUSTER_ZONE}:${parisTime(event.end)}`;
    return line;
  });
  const category = event.category ? categories.get(event.category) : undefined;
  if (category) out.push(foldLine(`CATEGORIES:${escapeText(category.name.fr)}`));
  out.push('END:VEVENT');
  return out;
}

export interface IcsCalendarOptions {
  /** The calendar's name in subscribers' apps (`X-WR-CALNAME`, `NAME`). */
  name: string;
  description?: string;
  /** When the feed was published: every DTSTAMP, so the same events give the same bytes. */
  updated: string;
  /** The calendar's own https URL (RFC 7986 `SOURCE`). */
  url?: string;
}

/** A whole calendar for subscription. */
export function calendarFile(events: readonly CalendarEvent[], categories: readonly EventCategory[], options: IcsCalendarOptions): string {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const stamp = Date.parse(options.updated);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//FrenchSouth.digital//Publication//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    foldLine(`NAME:${escapeText(options.name)}`),
    foldLine(`X-WR-CALNAME:${escapeText(options.name)}`),
    `X-WR-TIMEZONE:${CLUSTER_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
  ];
  if (options.description) lines.push(foldLine(`X-WR-CALDESC:${escapeText(options.description)}`), foldLine(`DESCRIPTION:${escapeText(options.description)}`));
  if (options.url) lines.push(foldLine(`SOURCE;VALUE=URI:${options.url}`));
  lines.push(...VTIMEZONE);
  for (const event of events) lines.push(...veventLines(event, byId, stamp));
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
