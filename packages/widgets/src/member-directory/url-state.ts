import { FACETS, SORTS, noFilters, type Filters, type Sort } from './directory-index.js';

/**
 * The directory's view in the page's URL, so that an article can link straight to a filtered view and the back
 * button works. Every parameter carries the `fsd-` prefix so that it never clashes with the host page's own; the
 * page's other parameters and its hash are left as they are.
 *
 * Functions of URLs and views only: following the page's history and writing into it is the job of
 * `UrlStateController` (url-state-controller.ts).
 */

export const URL_STATES = ['query', 'hash', 'none'] as const;
export type UrlStateMode = (typeof URL_STATES)[number];

export interface DirectoryView {
  q: string;
  filters: Filters;
  /** `''`: the default (relevance while searching, else name). */
  sort: Sort | '';
  /** 1-based. */
  page: number;
  /** The member whose profile is open, or `''`. */
  member: string;
}

export const emptyView = (): DirectoryView => ({ q: '', filters: noFilters(), sort: '', page: 1, member: '' });

/**
 * The longest search a directory takes (characters): longer is a paste or a link gone wrong, never a search. Cut at
 * this length, a 270 KB deep link costs what a short one does (the search box holds it too: long text in a field is
 * slow for the browser to lay out).
 */
export const MAX_QUERY_LENGTH = 200;

/** `text` cut to {@link MAX_QUERY_LENGTH}, never in the middle of a character written with two UTF-16 units. */
export function cutQuery(text: string): string {
  if (text.length <= MAX_QUERY_LENGTH) return text;
  const cut = text.slice(0, MAX_QUERY_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const PARAM = { q: 'fsd-q', sort: 'fsd-sort', page: 'fsd-page', member: 'fsd-member' } as const;
const facetParam = (facet: string) => `fsd-${facet}`;
const OUR_PARAMS = new Set<string>([...Object.values(PARAM), ...FACETS.map(facetParam)]);

/** The view's parameters, in a stable order; defaults are left out. */
export function viewParams(view: DirectoryView): [string, string][] {
  const params: [string, string][] = [];
  if (view.q) params.push([PARAM.q, view.q]);
  for (const facet of FACETS) for (const value of view.filters[facet]) params.push([facetParam(facet), value]);
  if (view.sort) params.push([PARAM.sort, view.sort]);
  if (view.page > 1) params.push([PARAM.page, String(view.page)]);
  if (view.member) params.push([PARAM.member, view.member]);
  return params;
}

/** Reads a view from parameters; anything unknown or malformed is ignored. */
export function parseView(params: URLSearchParams): DirectoryView {
  const view = emptyView();
  view.q = cutQuery(params.get(PARAM.q) ?? '');
  for (const facet of FACETS) view.filters[facet] = [...new Set(params.getAll(facetParam(facet)).filter((v) => v.trim() !== ''))];
  const sort = params.get(PARAM.sort);
  if (sort && (SORTS as readonly string[]).includes(sort)) view.sort = sort as Sort;
  const page = Number(params.get(PARAM.page));
  if (Number.isInteger(page) && page > 1) view.page = page;
  view.member = params.get(PARAM.member) ?? '';
  return view;
}

/** The hash's `&`-separated pieces that are not ours (a plain anchor stays a plain anchor). */
function foreignHashParts(hash: string): string[] {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => {
      if (part === '') return false;
      try {
        return !OUR_PARAMS.has(decodeURIComponent(part.split('=')[0]!));
      } catch {
        return true;
      }
    });
}

/**
 * The view the page's URL holds now. `mode` is the `url-state` attribute as written: any value but `hash` and `none`
 * counts as `query`, the default (the directory warns about an unknown one).
 */
export function readView(mode: string, url: URL = new URL(location.href)): DirectoryView {
  if (mode === 'none') return emptyView();
  return parseView(mode === 'hash' ? new URLSearchParams(url.hash.replace(/^#/, '')) : url.searchParams);
}

/** The page's URL with `view` in it, the page's own parameters and hash kept; `mode` as for {@link readView}. */
export function urlWithView(mode: string, view: DirectoryView, current: URL = new URL(location.href)): URL {
  const url = new URL(current.href);
  const ours = viewParams(view);
  if (mode === 'hash') {
    const parts = [...foreignHashParts(url.hash), ...ours.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`)];
    url.hash = parts.join('&');
  } else if (mode !== 'none') {
    for (const name of OUR_PARAMS) url.searchParams.delete(name);
    for (const [name, value] of ours) url.searchParams.append(name, value);
  }
  return url;
}
