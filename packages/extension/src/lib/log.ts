import { LOG_PREFIX } from '@frenchsouth-digital/feed';

/** The prefix of every console message of the extension: the project's one prefix, then the part that speaks. */
export const LOG = `${LOG_PREFIX} extension:`;
