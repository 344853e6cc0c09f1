import { LOG_PREFIX } from '@frenchsouth-digital/feed';
import { canonicalTag, registry, type LanguageTag, type Registry } from './localize.js';

// The writing side of the languages' registry (localize.ts), apart so that only the bundles that register languages
// (fsd-translations.js, fsd-widgets.js) carry it.

/**
 * Registers texts for a language (`es`, `ca`, `pt-BR`…), for every widget named in `texts`; the widgets on the page
 * re-render. Registering French or English replaces the built-in texts.
 * @throws {RangeError} when `tag` is not a well-formed BCP 47 language tag.
 */
export function registerMessages(tag: string, texts: Record<string, unknown>): void {
  const key = canonicalTag(tag)?.toLowerCase();
  if (!key) throw new RangeError(`"${tag}" is not a language tag (BCP 47, such as "es" or "pt-BR")`);
  const shared = registry();
  shared.find ??= finder(shared);
  shared.texts.set(key, { ...shared.texts.get(key), ...texts });
  for (const listener of shared.listeners) listener();
}

/**
 * How the widgets read the registry: by tag, then by its primary language; a widget's texts completed once for each
 * set of built-in texts they are read against (a widget may read its texts in parts: the calendar's details dialog
 * has its own, loaded with it).
 */
function finder({ texts }: Registry): NonNullable<Registry['find']> {
  const completed = new WeakMap<object, Map<unknown, unknown>>();
  return (tag: LanguageTag, widget?: string, base?: unknown) => {
    const lower = tag.toLowerCase();
    const language = texts.get(lower) ?? texts.get(lower.split('-')[0]!);
    if (!widget) return language;
    const own = language?.[widget];
    if (!isRecord(own)) return undefined;
    let byBase = completed.get(own);
    if (!byBase) completed.set(own, (byBase = new Map()));
    if (!byBase.has(base)) {
      const missing: string[] = [];
      byBase.set(base, completeWith(base, own, missing, ''));
      if (missing.length) console.warn(`${LOG_PREFIX} the "${tag}" texts of the ${widget} lack ${missing.join(', ')}: in French`);
    }
    return byBase.get(base);
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * Registered texts, with any text they lack (or give as the wrong kind of value) taken from `base`: a page's script is
 * not type-checked, and a missing function would throw while the widget renders.
 */
function completeWith(base: unknown, texts: unknown, missing: string[], path: string): unknown {
  if (isRecord(base)) return Object.fromEntries(Object.entries(base).map(([key, value]) => [key, completeWith(value, isRecord(texts) ? texts[key] : undefined, missing, `${path}${key}.`)]));
  if (Array.isArray(base) ? Array.isArray(texts) && texts.length === base.length : typeof texts === typeof base) return texts;
  missing.push(path.slice(0, -1));
  return base;
}
