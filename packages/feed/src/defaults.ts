/** The member feed that FrenchSouth.digital's staff publish; widgets and the extension read it unless told otherwise. */
export const DEFAULT_MEMBER_FEED_URL = 'https://www.frenchsouth.digital/feeds/members.json';
