/**
 * "S'abonner": which published calendar holds the events shown. Its menu (`subscribeMenu`) loads with the details
 * chunk (event-details.ts).
 */
import type { EventSubscriptions } from '@frenchsouth-digital/feed';
import type { Filters } from './calendar-model.js';

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
