/**
 * Localisation as typed data: each widget keeps its texts in a `*.messages.ts` file, one object per language,
 * typed by an interface so that a missing text fails the type-check. Dates and numbers go through `Intl`.
 */

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A widget's texts in every supported language. */
export type Messages<T> = Record<Lang, T>;

/** `fr-FR` → `fr`; anything that is neither French nor English → `undefined`. */
export function supportedLang(tag: string | null | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === primary);
}

/** The widget's language: its own `lang` attribute, else the nearest `lang` in the page, else French. */
export function resolveLang(element: HTMLElement): Lang {
  const own = element.lang || element.getAttribute('lang');
  return supportedLang(own || (element.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang)) ?? 'fr';
}

/** Picks the text of a localized feed value in the widget's language, else French. */
export function localized(text: { fr: string; en?: string }, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.fr;
}

/** The BCP 47 locale used with `Intl` for a language. */
export function locale(lang: Lang): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

/** A date of the feed (`YYYY-MM-DD`) written out for people: `31 décembre 2025`, `31 December 2025`. */
export function formatIsoDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
