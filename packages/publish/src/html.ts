/**
 * HTML of the published pages. Feed text is data, never markup: every value goes through {@link esc}, and only
 * http(s) and mailto links are written ({@link safeHref}). No inline script or style, so the pages pass a strict
 * Content-Security-Policy (JSON-LD is data, not script).
 */
import { safeUrl } from '@frenchsouth-digital/feed';
import type { Lang } from './problems.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value, escaped. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** An http(s) or mailto URL, absolute; `undefined` for anything else (`javascript:`, `data:`…). */
export function safeHref(url: string | undefined): string | undefined {
  return url ? safeUrl(url) : undefined;
}

/** A JSON-LD block: `<` and `>` and `&` escaped as `\u003c`… so that no text can close the script element. */
export function jsonLd(data: unknown): string {
  const json = JSON.stringify(data, null, 2).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/ld+json">\n${json}\n</script>`;
}

// Formatters are costly to make: one per language and kind, for the thousands of pages of a publish.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const name = `${lang}${withTime}`;
  let found = formatters.get(name);
  if (!found) {
    const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
    found = withTime
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })
      : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(name, found);
  }
  return found;
}

/** `2015-05-05` → `5 mai 2015` / `5 May 2015`. */
export function longDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return formatter(lang, false).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as a Paris date and time: `14 janvier 2027 à 18:00`. */
export function longDateTime(iso: string, lang: Lang): string {
  return formatter(lang, true).format(new Date(iso));
}

export interface PageOptions {
  lang: Lang;
  title: string;
  /** From the page to the site's root: `../../`. */
  root: string;
  canonical: string;
  /** The same page in the other language. */
  alternate?: { lang: Lang; href: string; label: string; absolute: string };
  description?: string;
  head?: string;
  body: string;
  scripts?: string[];
}

const CHROME = {
  fr: { skip: 'Aller au contenu', home: 'Accueil', members: 'Membres', languages: 'Langues', footer: 'FrenchSouth.digital, le cluster du numérique en Languedoc-Roussillon, né le 5 mai 2015 de Novae LR, PixLR et MCC.', siteNav: 'Navigation du site', homePath: '', membersPath: 'membres/' },
  en: { skip: 'Skip to content', home: 'Home', members: 'Members', languages: 'Languages', footer: 'FrenchSouth.digital, the digital-business cluster of Languedoc-Roussillon, born on 5 May 2015 from Novae LR, PixLR and MCC.', siteNav: 'Site navigation', homePath: 'en/', membersPath: 'en/members/' },
} as const;

/** A whole page: lang, title, one h1 in `body`, banner / navigation / main / contentinfo landmarks, a skip link. */
export function page(options: PageOptions): string {
  const c = CHROME[options.lang];
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(options.title)}</title>`,
    options.description ? `<meta name="description" content="${esc(options.description)}">` : '',
    `<link rel="canonical" href="${esc(options.canonical)}">`,
    options.alternate ? `<link rel="alternate" hreflang="${options.alternate.lang}" href="${esc(options.alternate.absolute)}">` : '',
    options.alternate ? `<link rel="alternate" hreflang="${options.lang}" href="${esc(options.canonical)}">` : '',
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${options.root}assets/site.css">`,
    ...(options.scripts ?? []).map((src) => `<script type="module" src="${esc(src)}"></script>`),
    options.head ?? '',
  ].filter(Boolean);
  const switcher = options.alternate
    ? `<nav class="site__langs" aria-label="${esc(c.languages)}"><a href="${esc(options.alternate.href)}" hreflang="${options.alternate.lang}" lang="${options.alternate.lang}">${esc(options.alternate.label)}</a></nav>`
    : '';
  return `<!doctype html>
<html lang="${options.lang}">
<head>
${head.join('\n')}
</head>
<body>
<a class="skip" href="#contenu">${esc(c.skip)}</a>
<header class="site__header">
<a class="site__name" href="${options.root}${c.homePath}">FrenchSouth.digital</a>
<nav class="site__nav" aria-label="${esc(c.siteNav)}"><a href="${options.root}${c.homePath}">${esc(c.home)}</a> <a href="${options.root}${c.membersPath}">${esc(c.members)}</a></nav>
${switcher}
</header>
<main id="contenu" class="site__main">
${options.body}
</main>
<footer class="site__footer">
<p>${esc(c.footer)}</p>
</footer>
</body>
</html>
`;
}

/** The site's one stylesheet. */
export const SITE_CSS = `:root { color-scheme: light; --ink: #1d2433; --muted: #4a5365; --accent: #0b5cad; --ok: #1b6e3a; --warn: #8a4b00; --line: #d9dee7; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: var(--ink); background: #fff; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; }
.site__header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); }
.site__name { font-weight: 700; text-decoration: none; color: var(--ink); }
.site__nav a, .site__langs a { margin-right: .75rem; }
.site__langs { margin-left: auto; }
.site__main { max-width: 60rem; margin: 0 auto; padding: 1.25rem; }
.site__footer { border-top: 1px solid var(--line); padding: 1rem 1.25rem; color: var(--muted); font-size: .9rem; }
.badge-state { border-left: 4px solid var(--ok); padding: .5rem 1rem; background: #f1f8f3; }
.badge-state--lapsed { border-color: var(--warn); background: #fdf5ea; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.static-list ul { padding-left: 1.25rem; }
.static-list li { margin: .25rem 0; }
fsd-member-directory:defined + .static-list { display: none; }
.events li { margin: .5rem 0; }
.subscribe a { margin-right: 1rem; }
.drop { border: 2px dashed var(--line); padding: 1.5rem; text-align: center; color: var(--muted); }
.drop--over { border-color: var(--accent); }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
`;
