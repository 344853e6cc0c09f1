/** The details of an event, in a modal dialog: when, where, who, what, and links to add it to one's own calendar. */
import { eventToIcs, googleCalendarUrl, outlookCalendarUrl, type CalendarEvent, type CalendarSource } from '@frenchsouth-digital/feed';
import { heading, localized, type LanguageTag } from '@frenchsouth-digital/shared';
export { detailsStyles } from './event-details.styles.js';
import { html, nothing, type TemplateResult } from 'lit';
import { linkified } from '../internal/linkify.js';
import { openModal } from '../internal/modal.js';
import type { Occurrence } from './calendar-model.js';
import { COLLEGE_NAMES, type CalendarMessages, type CalendarViewMessages, type DetailsKey } from './event-calendar.messages.js';
import { detailsMessages } from './event-details.messages.js';

/** The calendar's texts with those of this chunk (the dialog's, the menu's), for a language. */
const allTexts = (view: CalendarViewMessages, lang: LanguageTag) => ({ ...view, ...detailsMessages(lang) });

/** Closes the popover holding the element an event came from. */
const closePopover = (event: Event) => (event.currentTarget as HTMLElement).closest<HTMLElement>('[popover]')?.hidePopover();

/** Who organises an event: the member the feed names, else its college, else the cluster for its own feed. */
function organizer(event: CalendarEvent, source: CalendarSource | undefined, t: Pick<CalendarMessages, DetailsKey>): string | undefined {
  if (event.organizer) return event.organizer.name;
  if (event.college && COLLEGE_NAMES[event.college]) return t.college(COLLEGE_NAMES[event.college]!);
  return source?.format === 'json' ? t.cluster : undefined;
}

/**
 * The details dialog of an occurrence (closed: {@link openDetails} opens it), its title a heading of `level`, its parts
 * one level below. `when` is the event's date and time
 * written out in the zone shown, `source` the source it came from (if still read), `onClose` called once it closed.
 */
export function eventDetails(o: Occurrence, view: CalendarViewMessages, lang: LanguageTag, level: number, when: string, source: CalendarSource | undefined, onClose: () => void): TemplateResult {
  const t = allTexts(view, lang);
  const event = o.event;
  const title = localized(event.title, lang);
  const texts = { title, ...(event.description ? { description: localized(event.description, lang) } : {}) };
  const by = organizer(event, source, t);
  const ics = `data:text/calendar;charset=utf-8,${encodeURIComponent(eventToIcs(event, texts))}`;
  const file = `${event.id.replace(/[^\w-]+/g, '-').slice(0, 60) || 'evenement'}.ics`;
  return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${onClose}>
    <div class="dialog__head">
      ${heading(level, { id: 'dialog-title', class: 'dialog__title' }, title)}
      <button class="dialog__close" aria-label=${t.close} title=${t.close} @click=${(e: Event) => (e.currentTarget as HTMLElement).closest('dialog')?.close()}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
    <p class="dialog__when"><time datetime=${event.start}>${when}</time></p>
    <dl class="dialog__facts">
      ${event.location ? html`<dt>${t.place}</dt><dd>${event.location}</dd>` : nothing}
      ${by ? html`<dt>${t.organizer}</dt><dd>${by}</dd>` : nothing}
      ${o.categoryName ? html`<dt>${t.category}</dt><dd>${localized(o.categoryName, lang)}</dd>` : nothing}
    </dl>
    ${texts.description ? html`<p class="dialog__description">${linkified(texts.description)}</p>` : nothing}
    ${event.url ? html`<p><a class="dialog__link" href=${event.url} target="_blank" rel="noopener">${t.eventPage} <span class="sr-only">${t.newTab}</span></a></p>` : nothing}
    <div class="dialog__add" role="group" aria-labelledby="add-title">
      ${heading(level + 1, { id: 'add-title', class: 'dialog__subtitle' }, t.addToCalendar)}
      <a class="add" href=${ics} download=${file}>${t.downloadIcs}</a>
      <a class="add" href=${googleCalendarUrl(event, texts)} target="_blank" rel="noopener">${t.google} <span class="sr-only">${t.newTab}</span></a>
      <a class="add" href=${outlookCalendarUrl(event, texts)} target="_blank" rel="noopener">${t.outlook} <span class="sr-only">${t.newTab}</span></a>
      <a class="add" href=${outlookCalendarUrl(event, texts, 'work')} target="_blank" rel="noopener">${t.outlookWork} <span class="sr-only">${t.newTab}</span></a>
    </div>
  </dialog>`;
}

/**
 * Opens the details dialog rendered in `root` as a modal dialog. Returns what kept it from being modal, for the
 * calendar to report (see `openModal`); `undefined` when all went well or no dialog is rendered.
 */
export function openDetails(root: ParentNode): unknown {
  const dialog = root.querySelector('dialog');
  return dialog && openModal(dialog);
}

/** An event of a busy day, as its popover lists it: its time (or "all day") and title, written by the calendar. */
export interface DayItem {
  o: Occurrence;
  time: string;
  title: string;
}

/**
 * The events of a busy day ("+ 3 autres"), in a popover by its cell instead of a cell that grows: the day's date as
 * heading (`level`), each event a button that opens its details (`onOpen`), a close button; Escape and a click
 * outside close it too (`popover="auto"`), then `onClose` gives the focus back. Opened by {@link openDay}.
 */
export function dayPopover(date: string, items: DayItem[], lang: LanguageTag, level: number, onOpen: (o: Occurrence) => void, onClose: () => void): TemplateResult {
  const close = detailsMessages(lang).close;
  return html`<div popover="auto" part="day-popover" class="popover" role="dialog" aria-labelledby="day-title" @toggle=${(e: ToggleEvent) => e.newState === 'closed' && onClose()}>
    <div class="dialog__head">
      ${heading(level, { id: 'day-title', class: 'popover__title' }, date)}
      <button class="dialog__close" aria-label=${close} title=${close} @click=${closePopover}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
    <ul class="popover__events">
      ${items.map(
        ({ o, time, title }) => html`<li>
          <button part="event" class="item" @click=${(e: Event) => {
            // Closed before the event opens, so that the popover leaves in the same update as its dialog comes, not
            // once its toggle event does (a task later: after the dialog, in Firefox).
            closePopover(e);
            onClose();
            onOpen(o);
          }}><span class="item__time">${time}</span> <span class="item__title">${title}</span></button>
        </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * Shows the day popover rendered in `root` over the cell `near` (kept within the viewport), and moves the focus to
 * its first event. `false` where the browser has no Popover API: the calendar then shows the day's events in its cell.
 */
export function openDay(root: ParentNode, near: HTMLElement): boolean {
  const popover = root.querySelector<HTMLElement>('.popover');
  if (!popover || typeof popover.showPopover !== 'function') return false;
  popover.showPopover();
  const cell = near.getBoundingClientRect();
  const box = popover.getBoundingClientRect();
  const margin = 8;
  popover.style.left = `${Math.max(margin, Math.min(cell.left, innerWidth - box.width - margin))}px`;
  popover.style.top = `${Math.max(margin, Math.min(cell.top, innerHeight - box.height - margin))}px`;
  popover.querySelector<HTMLElement>('[part~="event"]')?.focus();
  return true;
}

/**
 * "S'abonner": the subscription links for the calendar file at `ics` (http or https): the calendar app, Google
 * Calendar, the address (see subscribe.ts for which file).
 */
/** The note under the header for a source too heavy to show whole (an iCalendar file over its budget). */
export function partialNote(url: string, lang: LanguageTag): TemplateResult {
  return html`<p part="note" class="note note--warning" role="note">${detailsMessages(lang).partial(url)}</p>`;
}

export function subscribeMenu(ics: string, view: CalendarViewMessages, lang: LanguageTag): TemplateResult {
  const t = allTexts(view, lang);
  const webcal = ics.replace(/^https?:/, 'webcal:');
  return html`<details part="subscribe" class="subscribe">
    <summary class="nav__button subscribe__toggle">${t.subscribe}</summary>
    <ul class="subscribe__menu">
      <li><a href=${webcal}>${t.subscribeApp}</a></li>
      <li><a href=${`https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`} target="_blank" rel="noopener">${t.google} <span class="sr-only">${t.newTab}</span></a></li>
      <li><a href=${ics} target="_blank" rel="noopener">${t.subscribeAddress} <span class="sr-only">${t.newTab}</span></a></li>
    </ul>
  </details>`;
}
