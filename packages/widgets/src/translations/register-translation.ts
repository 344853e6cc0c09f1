import { LOG_PREFIX } from '@frenchsouth-digital/feed';
import { registerMessages } from '@frenchsouth-digital/shared';
import type { BadgeMessages } from '../member-badge/member-badge.messages.js';
import type { CalendarMessages } from '../event-calendar/event-calendar.messages.js';
import type { DirectoryMessages } from '../member-directory/member-directory.messages.js';

export type { BadgeMessages, CalendarMessages, DirectoryMessages };

/**
 * Every text of every widget in one language: what {@link registerTranslation} takes. The type is complete on
 * purpose: a translation that misses one text fails the type-check, rather than showing it in French.
 */
export interface Translation {
  badge: BadgeMessages;
  calendar: CalendarMessages;
  directory: DirectoryMessages;
}

/**
 * Teaches the widgets a language besides French and English, for every copy of them on the page (the badge's own
 * bundle included). A widget whose `lang` (or the page's) is `tag`, or a region of it (`es-MX` for `es`), then speaks
 * it, with dates and numbers in the widget's full tag; the widgets already showing re-render. Feed texts, which exist
 * in French and English, stay in French.
 *
 * ```js
 * import { registerTranslation } from 'https://…/fsd-widgets.js';
 * registerTranslation('es', { badge: { … }, calendar: { … }, directory: { … } });
 * ```
 *
 * Registering `fr` or `en` replaces the built-in texts. A tag that is not BCP 47, or a translation that is not an
 * object with the three parts, is refused with a console error; nothing is thrown into the page. A text missing from
 * a part (a page's script is not type-checked) shows in French, and the console names it.
 * @returns whether the translation was registered
 */
export function registerTranslation(tag: string, translation: Translation): boolean {
  const parts = ['badge', 'calendar', 'directory'] as const;
  const missing = parts.filter((part) => typeof (translation as Partial<Translation> | null)?.[part] !== 'object');
  try {
    if (missing.length) throw new TypeError(`its ${missing.join(', ')} texts are missing`);
    registerMessages(tag, { ...translation });
    return true;
  } catch (error) {
    console.error(`${LOG_PREFIX} registerTranslation("${tag}"): not registered: ${(error as Error).message}`);
    return false;
  }
}
