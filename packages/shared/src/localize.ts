/**
 * Localisation as typed data: each widget keeps its texts in a `*.messages.ts` file, one object per language, typed by
 * an interface so that a missing text fails the type-check. French and English are built in; a page registers any other
 * language (see {@link registerMessages}). Dates and numbers go through `Intl`, with the page's full language tag
 * (`en-US`, `fr-BE`…).
 */

import { LOG_PREFIX } from '@fsd/feed';

/** The built-in languages, which are also the languages of the feeds' texts. */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A widget's texts in every built-in language. */
export type Messages<T> = Record<Lang, T>;

/**
 * A language tag as the widgets speak it, canonical BCP 47 (`fr-FR`, `en-US`, `es`): what `Intl` formats with, and what
 * picks the texts (its registered messages, else those of its primary language, else French).
 */
export type LanguageTag = string;

/** `fr-FR` → `fr`; anything that is neither French nor English → `undefined`. */
export function supportedLang(tag: string | null | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === primary);
}

/** The languages the page registered, shared by every copy of our bundles on the page (they may be several). */
interface Registry {
  /** lower-case tag → widget name → its texts */
  readonly messages: Map<string, Record<string, unknown>>;
  /** Told when a language is registered: the widgets showing re-render. */
  readonly listeners: Set<() => void>;
}
const REGISTRY = Symbol.for('fsd.messages');
function registry(): Registry {
  const global = globalThis as { [REGISTRY]?: Registry };
  return (global[REGISTRY] ??= { messages: new Map(), listeners: new Set() });
}

/** The canonical form of a tag (`EN-us` → `en-US`), or `undefined` if it is not a well-formed BCP 47 tag. */
export function canonicalTag(tag: string | null | undefined): LanguageTag | undefined {
  const trimmed = tag?.trim().replace(/_/g, '-');
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/** The tags to look texts up under, most precise first: `es-MX` → `es-mx`, `es`. */
function lookupKeys(tag: LanguageTag): string[] {
  const lower = tag.toLowerCase();
  const primary = lower.split('-')[0]!;
  return lower === primary ? [lower] : [lower, primary];
}

/**
 * Registers texts for a language (`es`, `ca`, `pt-BR`…), for every widget named in `texts`. The widgets on the page
 * that speak it re-render. Registering French or English replaces the built-in texts.
 * @throws {RangeError} when `tag` is not a well-formed BCP 47 language tag.
 */
export function registerMessages(tag: string, texts: Record<string, unknown>): void {
  const canonical = canonicalTag(tag);
  if (!canonical) throw new RangeError(`"${tag}" is not a language tag (BCP 47, such as "es" or "pt-BR")`);
  const { messages, listeners } = registry();
  const key = canonical.toLowerCase();
  messages.set(key, { ...messages.get(key), ...texts });
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a language is registered; returns how to stop. */
export function onMessagesRegistered(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether texts exist for this tag: built in (French, English, any of their regions) or registered. */
export function hasMessages(tag: LanguageTag): boolean {
  const { messages } = registry();
  return supportedLang(tag) !== undefined || lookupKeys(tag).some((key) => messages.has(key));
}

/**
 * A widget's texts for a language: those registered for the tag or its primary language, else the built-in ones of its
 * primary language, else French.
 * @param widget the name its texts are registered under (`badge`, `calendar`…); none for texts that cannot be registered
 */
export function translator<T>(builtIn: Messages<T>, widget?: string): (tag: LanguageTag) => T {
  const completed = new WeakMap<object, T>();
  return (tag) => {
    if (widget) {
      const { messages } = registry();
      for (const key of lookupKeys(tag)) {
        const texts = messages.get(key)?.[widget];
        if (!isRecord(texts)) continue;
        let complete = completed.get(texts);
        if (!complete) {
          const missing: string[] = [];
          completed.set(texts, (complete = completeWith(builtIn.fr, texts, missing) as T));
          if (missing.length) console.warn(`${LOG_PREFIX} the "${key}" texts of the ${widget} lack ${missing.join(', ')}: shown in French`);
        }
        return complete;
      }
    }
    return builtIn[supportedLang(tag) ?? 'fr'];
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Registered texts, any text they lack (or give as the wrong kind of value) taken from `base`: a page's script is not
 * type-checked, and a missing function would throw while the widget renders.
 */
function completeWith(base: unknown, texts: unknown, missing: string[], path = ''): unknown {
  if (isRecord(base)) {
    const over = isRecord(texts) ? texts : {};
    if (!isRecord(texts)) missing.push(path);
    return Object.fromEntries(Object.entries(base).map(([key, value]) => [key, completeWith(value, over[key], isRecord(texts) ? missing : [], path ? `${path}.${key}` : key)]));
  }
  const sameKind = Array.isArray(base) ? Array.isArray(texts) && texts.length === base.length : typeof texts === typeof base;
  if (sameKind) return texts;
  missing.push(path);
  return base;
}

/** The tag `Intl` uses for a bare built-in language: French of France, British English (the cluster is European). */
const DEFAULT_REGION: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * The language a widget speaks: its own `lang` attribute, else the nearest `lang` in the page, else the document's, if
 * the widgets have texts for it (built in or registered); else French.
 */
export function resolveLang(element: HTMLElement): LanguageTag {
  const own = element.lang || element.getAttribute('lang');
  const tag = canonicalTag(own || (element.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang));
  if (!tag || !hasMessages(tag)) return 'fr-FR';
  return DEFAULT_REGION[tag.toLowerCase()] ?? tag;
}

/** Picks the text of a localized feed value: English for an English tag when the feed has it, else French. */
export function localized(text: { fr: string; en?: string }, lang: LanguageTag): string {
  return supportedLang(lang) === 'en' && text.en ? text.en : text.fr;
}

/** The BCP 47 locale used with `Intl` for a language: the tag itself, a bare `fr` or `en` with its default region. */
export function locale(lang: LanguageTag): string {
  return DEFAULT_REGION[lang.toLowerCase()] ?? lang;
}

/** A date of the feed (`YYYY-MM-DD`) written out for people: `31 décembre 2025`, `31 December 2025`, `December 31, 2025`. */
export function formatIsoDate(iso: string, lang: LanguageTag): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
