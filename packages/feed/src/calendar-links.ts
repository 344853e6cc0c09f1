/**
 * "Add to my calendar" for one event: a single-event iCalendar file (RFC 5545) and links that open the event in
 * Google Calendar or Outlook on the web. Dependency-free, so it costs nothing to calendars that read JSON only.
 */
import type { CalendarEvent } from './types.js';
import { addDays } from './zoned-time.js';

/** The texts of an event in the reader's language. */
export interface EventTexts {
  title: string;
  description?: string;
}

/** Control characters (C0 and DEL): none may reach a content line, where CR or LF would start a new property. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x1f\x7f]/g;

/** RFC 5545 TEXT escaping: backslash, semicolon, comma, line breaks as `\n`; other control characters removed. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

/**
 * A parameter value, always quoted: control characters removed (a line break becomes a space), then RFC 6868
 * caret encoding (`^` → `^^`, `"` → `^'`), so that no value can close the quotes or the line.
 */
function paramValue(text: string): string {
  const clean = text.replace(/\r\n|\r|\n/g, ' ').replace(CONTROL, '').replace(/\^/g, '^^').replace(/"/g, "^'");
  return `"${clean}"`;
}

/** A URI or CAL-ADDRESS value: kept as it is, less any control character (a feed URL cannot add a line). */
function uriValue(uri: string): string {
  return uri.replace(CONTROL, '');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (continuation lines begin with a space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space counts
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** `2027-01-14T17:00:00.000Z` → `20270114T170000Z`; `2027-01-14` → `20270114`. */
function icsTime(value: string): string {
  return compact(value);
}

/** The day after an all-day event's last day: iCalendar and the web calendars take an exclusive end. */
function exclusiveEnd(event: CalendarEvent): string {
  return addDays(event.end, 1);
}

function uid(event: CalendarEvent): string {
  return `${event.id.replace(/[^\w.@-]/g, '-')}@frenchsouth.digital`;
}

/** One event as an iCalendar file: CRLF line ends, folded lines, escaped texts, UTC times or whole days. */
export function eventToIcs(event: CalendarEvent, texts: EventTexts, now: number = Date.now()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//FrenchSouth.digital//Agenda//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'BEGIN:VEVENT'];
  lines.push(`UID:${uid(event)}`, `DTSTAMP:${icsTime(new Date(now).toISOString())}`);
  if (event.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${icsTime(event.start)}`, `DTEND;VALUE=DATE:${icsTime(exclusiveEnd(event))}`);
  } else {
    lines.push(`DTSTART:${icsTime(event.start)}`, `DTEND:${icsTime(event.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(texts.title)}`);
  if (texts.description) lines.push(`DESCRIPTION:${escapeText(texts.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (event.organizer) {
    const address = event.organizer.url?.startsWith('mailto:') ? event.organizer.url : 'mailto:noreply@frenchsouth.digital';
    lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:${uriValue(address)}`);
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function details(event: CalendarEvent, texts: EventTexts): string {
  return [texts.description, event.url].filter(Boolean).join('\n\n');
}

/** Opens the event, filled in, in Google Calendar. */
export function googleCalendarUrl(event: CalendarEvent, texts: EventTexts): string {
  const dates = event.allDay ? `${icsTime(event.start)}/${icsTime(exclusiveEnd(event))}` : `${icsTime(event.start)}/${icsTime(event.end)}`;
  const params = new URLSearchParams({ action: 'TEMPLATE', text: texts.title, dates });
  const body = details(event, texts);
  if (body) params.set('details', body);
  if (event.location) params.set('location', event.location);
  if (event.timeZone) params.set('ctz', event.timeZone);
  return `https://calendar.google.com/calendar/render?${params}`;
}

/**
 * Opens the event, filled in, in Outlook on the web: Outlook.com (personal accounts) by default, or Outlook for
 * Microsoft 365 (`work`: the work and school accounts most member companies use), whose address differs.
 */
export function outlookCalendarUrl(event: CalendarEvent, texts: EventTexts, account: 'personal' | 'work' = 'personal'): string {
  const params = new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: texts.title });
  if (event.allDay) {
    params.set('startdt', event.start);
    params.set('enddt', exclusiveEnd(event));
    params.set('allday', 'true');
  } else {
    params.set('startdt', event.start.replace('.000Z', 'Z'));
    params.set('enddt', event.end.replace('.000Z', 'Z'));
    params.set('allday', 'false');
  }
  const body = details(event, texts);
  if (body) params.set('body', body);
  if (event.location) params.set('location', event.location);
  return `https://${account === 'work' ? 'outlook.office.com' : 'outlook.live.com'}/calendar/0/action/compose?${params}`;
}
