/**
 * Localisation as typed data: each widget keeps its texts in a `*.messages.ts` file, one object per language, typed by
 * an interface so that a missing text fails the type-check. French and English are built in; a page registers any other
 * language (see {@link registerMessages}). Dates and numbers go through `Intl`, with the page's full language tag
 * (`en-US`, `fr-BE`…).
 */

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

/**
 * The languages the page registered, shared by every copy of our bundles on the page (they may be several). The code
 * that reads them (`find`) is installed by the first registration (register-messages.ts), so that the widgets' own
 * bundles carry only this: a page that registers nothing pays nothing for it.
 */
export interface Registry {
  /** lower-case tag → widget name → its texts */
  readonly texts: Map<string, Record<string, unknown>>;
  /** Told when a language is registered: the widgets connected to the page, which re-render. */
  readonly listeners: Set<() => void>;
  /**
   * The registered texts for `tag` (or its primary language): of `widget`, completed from `base` (its French texts)
   * where they lack some; without `widget`, whether any exist.
   */
  find?: (tag: LanguageTag, widget?: string, base?: unknown) => unknown;
}
const REGISTRY = Symbol.for('fsd.messages');
export const registry = (): Registry => ((globalThis as { [REGISTRY]?: Registry })[REGISTRY] ??= { texts: new Map(), listeners: new Set() });

/** The canonical form of a tag (`EN_us` → `en-US`), or `undefined` if it is not a well-formed BCP 47 tag. */
export function canonicalTag(tag: string | null | undefined): LanguageTag | undefined {
  try {
    return Intl.getCanonicalLocales(tag?.trim().replace(/_/g, '-') || [])[0];
  } catch {
    return undefined;
  }
}

/** Who is told when a language is registered. */
export const registrationListeners = (): Set<() => void> => registry().listeners;

/** Whether texts exist for this tag: built in (French, English, any of their regions) or registered. */
export const hasMessages = (tag: LanguageTag): boolean => Boolean(supportedLang(tag) || registry().find?.(tag));

/**
 * A widget's texts for a language: those registered for the tag or its primary language, else the built-in ones of its
 * primary language, else French.
 * @param widget the name its texts are registered under (`badge`, `calendar`…); none for texts that cannot be registered
 */
export function translator<T>(builtIn: Messages<T>, widget?: string): (tag: LanguageTag) => T {
  return (tag) => ((widget && registry().find?.(tag, widget, builtIn.fr)) as T | undefined) ?? builtIn[supportedLang(tag) ?? 'fr'];
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
