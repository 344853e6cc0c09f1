/** The one prefix of every console message of the project, so that a page's console can be filtered on it. */
export const LOG_PREFIX = '[FrenchSouth.digital]';
