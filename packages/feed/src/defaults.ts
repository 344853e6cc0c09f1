/** The member feed that FrenchSouth.digital's staff publish; widgets and the extension read it unless told otherwise. */
export const DEFAULT_MEMBER_FEED_URL = 'https://www.frenchsouth.digital/feeds/members.json';
/** The events feed that FrenchSouth.digital's staff publish: the calendar reads it unless told otherwise. */
export const DEFAULT_EVENT_FEED_URL = 'https://www.frenchsouth.digital/feeds/events.json';
