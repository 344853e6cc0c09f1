/** "S'abonner": the calendar's events in the visitor's own calendar, when its events feed names calendars to subscribe to. */
import type { EventSubscriptions } from '@frenchsouth-digital/feed';
import { html, type TemplateResult } from 'lit';
import type { Filters } from './calendar-model.js';
import type { CalendarViewMessages } from './event-calendar.messages.js';

/**
 * The published calendar that holds exactly the events the calendar shows: a member's own (`organizer`), a college's
 * (`college` naming one), else every event. None when the filters ask for what no published calendar holds (several
 * colleges, a category, a member with the cluster's events): a subscription must not bring other events than these.
 */
export function subscriptionFor(subscriptions: EventSubscriptions, filters: Filters): string | undefined {
  if (filters.categories.size || filters.colleges.size > 1) return undefined;
  // Own entries only: an id such as "constructor" names nothing.
  const pick = (calendars: Record<string, string>, id: string) => (Object.hasOwn(calendars, id) ? calendars[id] : undefined);
  if (filters.organizer) return filters.includeCluster || filters.colleges.size ? undefined : pick(subscriptions.members, filters.organizer);
  if (filters.colleges.size) return pick(subscriptions.colleges, [...filters.colleges][0]!);
  return subscriptions.all;
}

/** The subscription links for the calendar file at `ics` (http or https): the calendar app, Google Calendar, the address. */
export function subscribeMenu(ics: string, t: CalendarViewMessages): TemplateResult {
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
