import { fold, isLapsed, type Member, type MemberFeed } from '@frenchsouth-digital/feed';
import SearchableMap from 'minisearch/SearchableMap';

/**
 * The directory's search and facets over every member of a feed, built once per feed.
 *
 * Terms live in MiniSearch's radix tree (`SearchableMap`): it gives prefix matching (`atPrefix`) and one-typo
 * tolerance (`fuzzyGet`, a bounded edit-distance walk of the tree) for about 1.6 KB gzipped. The scoring is ours
 * and small: a match in the name outranks one in the city, college or tags, which outranks one in the description;
 * an exact word outranks a prefix, which outranks a typo. Scores are small integers, so ranking is a bucket pass
 * over members already in name order (no comparison sort on each keystroke), and facet counts come from the same
 * single pass. Everything is linear in the number of matching postings and members, with typed arrays reused
 * between queries.
 */

export const FACETS = ['college', 'city', 'origin', 'tag'] as const;
export type Facet = (typeof FACETS)[number];

export const SORTS = ['relevance', 'name', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export type Filters = Record<Facet, readonly string[]>;

export const noFilters = (): Filters => ({ college: [], city: [], origin: [], tag: [] });


const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text, folded; `cache` keeps each distinct word's folded form (indexing folds each word once). */
export function words(text: string, cache?: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [raw] of text.matchAll(WORD)) {
    let word = cache?.get(raw);
    if (word === undefined) {
      word = fold(raw);
      cache?.set(raw, word);
    }
    if (word) out.push(word);
  }
  return out;
}

/** Where a word was found in a member: bits of a posting, weighing 10, 3 and 1 in the score. */
const IN_NAME = 4;
const IN_KEYWORDS = 2; // city, college, tags
const IN_TEXT = 1; // description

/** Words this long or longer match with one typo. */
export const FUZZY_MIN_LENGTH = 5;

/**
 * A search reads its first 32 distinct words (every word must match, so more would only narrow it further). It
 * keeps each query's work bounded, whatever is pasted or deep-linked, and keeps the per-word stamps below apart.
 */
export const MAX_QUERY_WORDS = 32;

const EXACT = 3;
const PREFIX = 2;
const TYPO = 1;

/** A facet's values: a label for each folded key, and each member's value numbers. */
export interface FacetValues {
  /** The labels, by value number. */
  labels: string[];
  /** The folded key of each value number. */
  keys: string[];
  /** The English label of each value number, where the feed gives one (tags). */
  english: (string | undefined)[];
}

export interface SearchQuery {
  text: string;
  filters: Filters;
  sort: Sort;
}

export interface SearchResult {
  /** Member numbers (indexes in `index.members`), in display order. */
  items: number[];
  /** For each facet, how many results each value would have with the other facets applied. */
  counts: Record<Facet, Int32Array>;
}

export class DirectoryIndex {
  readonly feed: MemberFeed;
  readonly members: readonly Member[];
  readonly facets: Record<Facet, FacetValues>;
  #termIndex: SearchableMap<number[]> | undefined;
  /** The length of the longest indexed word: a longer word of a search matches nothing, not even with a typo. */
  #longestTerm = 0;
  /** Members by French collation of their names ("Écrans" with E). */
  readonly #byName: Uint32Array;
  #byNewest: Uint32Array | undefined;
  /** Each member's value number per single-valued facet (-1: none). */
  readonly #college: Int32Array;
  readonly #city: Int32Array;
  readonly #origin: Int32Array;
  /** Each member's tag value numbers: `#tagValues[#tagStart[m] … #tagStart[m + 1]]`. */
  readonly #tagStart: Uint32Array;
  readonly #tagValues: Int32Array;
  // Scratch space reused by every query.
  readonly #tokenScore: Int32Array;
  readonly #tokenStamp: Uint32Array;
  readonly #total: Int32Array;
  readonly #matched: Uint32Array;
  readonly #queryStamp: Uint32Array;
  #stamp = 0;

  constructor(feed: MemberFeed, now = new Date()) {
    this.feed = feed;
    // A membership that has lapsed is no longer a membership: those members are not listed.
    this.members = feed.members.filter((member) => !isLapsed(member, now));
    const n = this.members.length;
    const facetBuilders = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
    this.facets = Object.fromEntries(FACETS.map((f) => [f, { labels: [], keys: [], english: [] }])) as unknown as Record<Facet, FacetValues>;
    const valueOf = (facet: Facet, label: string, key = fold(label).trim(), english?: string): number => {
      const known = facetBuilders[facet].get(key);
      const values = this.facets[facet];
      if (known !== undefined) {
        values.english[known] ??= english;
        return known;
      }
      const number = values.labels.length;
      facetBuilders[facet].set(key, number);
      values.labels.push(label);
      values.keys.push(key);
      values.english.push(english);
      return number;
    };
    for (const college of feed.colleges) valueOf('college', college.id, college.id);
    for (const origin of ['novae-lr', 'pixlr', 'mcc']) valueOf('origin', origin, origin);
    this.#college = new Int32Array(n);
    this.#city = new Int32Array(n);
    this.#origin = new Int32Array(n);
    this.#tagStart = new Uint32Array(n + 1);
    const tagValues: number[] = [];
    this.members.forEach((member, i) => {
      this.#college[i] = valueOf('college', member.college, member.college);
      this.#city[i] = member.city ? valueOf('city', member.city) : -1;
      this.#origin[i] = member.origin ? valueOf('origin', member.origin, member.origin) : -1;
      for (const tag of member.tags) tagValues.push(valueOf('tag', tag.fr, undefined, tag.en));
      this.#tagStart[i + 1] = tagValues.length;
    });
    this.#tagValues = Int32Array.from(tagValues);

    const collator = new Intl.Collator('fr', { numeric: true });
    const keys = this.members.map((m) => m.name);
    this.#byName = Uint32Array.from(keys.keys()).sort((a, b) => collator.compare(keys[a]!, keys[b]!) || a - b);

    this.#tokenScore = new Int32Array(n);
    this.#tokenStamp = new Uint32Array(n);
    this.#total = new Int32Array(n);
    this.#matched = new Uint32Array(n);
    this.#queryStamp = new Uint32Array(n);
  }

  /**
   * The words of every member, built on the first search (or earlier with {@link prepare}): the list by name shows
   * without waiting for it.
   */
  get #terms(): SearchableMap<number[]> {
    if (this.#termIndex) return this.#termIndex;
    const postings = new Map<string, number[]>();
    const folded = new Map<string, string>();
    const add = (text: string, member: number, mask: number) => {
      for (const word of words(text, folded)) {
        let list = postings.get(word);
        if (!list) postings.set(word, (list = []));
        const last = list[list.length - 1];
        if (last !== undefined && last >>> 3 === member) list[list.length - 1] = last | mask;
        else list.push((member << 3) | mask);
      }
    };
    const collegeNames = new Map(this.feed.colleges.map((c) => [c.id, `${c.name.fr} ${c.name.en ?? ''}`]));
    this.members.forEach((member, i) => {
      add(member.name, i, IN_NAME);
      add(member.city, i, IN_KEYWORDS);
      add(collegeNames.get(member.college) ?? member.college, i, IN_KEYWORDS);
      for (const tag of member.tags) {
        add(tag.fr, i, IN_KEYWORDS);
        if (tag.en) add(tag.en, i, IN_KEYWORDS);
      }
      add(member.description.fr, i, IN_TEXT);
      if (member.description.en) add(member.description.en, i, IN_TEXT);
    });
    const terms = new SearchableMap<number[]>();
    for (const [word, list] of postings) {
      terms.set(word, list);
      this.#longestTerm = Math.max(this.#longestTerm, word.length);
    }
    return (this.#termIndex = terms);
  }

  /** Builds the word index now (call it when the page is idle, before the reader types). */
  prepare(): void {
    void this.#terms;
  }

  /** Newest members first (by `memberSince`), then by name. Built on first use. */
  get #newest(): Uint32Array {
    if (!this.#byNewest) {
      const rank = new Uint32Array(this.members.length);
      this.#byName.forEach((member, position) => (rank[member] = position));
      const since = this.members.map((m) => m.memberSince);
      this.#byNewest = Uint32Array.from(this.#byName).sort((a, b) => (since[a]! < since[b]! ? 1 : since[a]! > since[b]! ? -1 : rank[a]! - rank[b]!));
    }
    return this.#byNewest;
  }

  #byId: Map<string, Member> | undefined;

  /** A listed member by id (a lapsed member is not listed). */
  byId(id: string): Member | undefined {
    this.#byId ??= new Map(this.members.map((member) => [member.id, member]));
    return this.#byId.get(id);
  }

  /** The number of the value a filter label stands for, or -1. */
  valueNumber(facet: Facet, label: string): number {
    const key = facet === 'college' || facet === 'origin' ? label : fold(label).trim();
    const values = this.facets[facet];
    const number = values.keys.indexOf(key);
    // A tag may also be named in English (a deep link made on an English page).
    return number >= 0 || facet !== 'tag' ? number : values.english.findIndex((english) => english !== undefined && fold(english).trim() === key);
  }

  /**
   * Marks the members matching every word of `text` (each word as a prefix, or with one typo when long enough)
   * and scores them. Returns the stamp that marks them in `#queryStamp` (0 when `text` has no word) and the number
   * of words: a member matches when `#matched` reached that number.
   */
  #match(text: string): [stamp: number, words: number] {
    const tokens = [...new Set(words(text))].slice(0, MAX_QUERY_WORDS);
    if (tokens.length === 0) return [0, 0];
    const stamp = ++this.#stamp;
    const terms = this.#terms;
    // Longer than every indexed word by more than one letter: no member can match (and the typo search, whose work
    // grows with the word's length, is not run on a word of 270,000 letters).
    if (tokens.some((token) => token.length > this.#longestTerm + 1)) return [stamp, tokens.length];
    const tokenStamps = this.#tokenStamp;
    const tokenScores = this.#tokenScore;
    const queryStamps = this.#queryStamp;
    const matched = this.#matched;
    const totals = this.#total;
    tokens.forEach((token, k) => {
      const tokenStamp = (stamp * (MAX_QUERY_WORDS + 1) + k + 1) >>> 0;
      const touched: number[] = [];
      const visit = (list: number[], quality: number) => {
        for (let p = 0; p < list.length; p++) {
          const posting = list[p]!;
          const member = posting >>> 3;
          if (k > 0 && (queryStamps[member] !== stamp || matched[member] !== k)) continue;
          const score = (posting & IN_NAME ? 10 : posting & IN_KEYWORDS ? 3 : 1) * quality;
          if (tokenStamps[member] !== tokenStamp) {
            tokenStamps[member] = tokenStamp;
            tokenScores[member] = score;
            touched.push(member);
          } else if (score > tokenScores[member]!) {
            tokenScores[member] = score;
          }
        }
      };
      for (const [term, list] of terms.atPrefix(token)) visit(list, term === token ? EXACT : PREFIX);
      if (token.length >= FUZZY_MIN_LENGTH) {
        for (const [term, [list]] of terms.fuzzyGet(token, 1)) if (!term.startsWith(token)) visit(list, TYPO);
      }
      for (let t = 0; t < touched.length; t++) {
        const member = touched[t]!;
        if (k === 0) {
          queryStamps[member] = stamp;
          totals[member] = 0;
        }
        matched[member] = k + 1;
        totals[member]! += tokenScores[member]!;
      }
    });
    return [stamp, tokens.length];
  }

  /** Runs a query: the ordered results and the facet counts. */
  search({ text, filters, sort }: SearchQuery): SearchResult {
    const [stamp, tokens] = this.#match(text);
    const queryStamps = this.#queryStamp;
    const matched = this.#matched;
    // One "selected" flag array per facet (college, city, origin, tag), or undefined when the facet is not filtered.
    const selected = FACETS.map((facet) => {
      if (filters[facet].length === 0) return undefined;
      const set = new Uint8Array(this.facets[facet].labels.length);
      for (const label of filters[facet]) {
        const number = this.valueNumber(facet, label);
        if (number >= 0) set[number] = 1;
      }
      return set;
    });
    const [college, city, origin] = [this.#college, this.#city, this.#origin];
    const [onCollege, onCity, onOrigin, onTag] = selected;
    const tagStart = this.#tagStart;
    const tagValues = this.#tagValues;
    const counts = Object.fromEntries(FACETS.map((f) => [f, new Int32Array(this.facets[f].labels.length)])) as Record<Facet, Int32Array>;
    const { college: collegeCounts, city: cityCounts, origin: originCounts, tag: tagCounts } = counts;
    const order = sort === 'newest' ? this.#newest : this.#byName;
    const items: number[] = [];
    for (let position = 0; position < order.length; position++) {
      const member = order[position]!;
      if (stamp !== 0 && (queryStamps[member] !== stamp || matched[member] !== tokens)) continue;
      // Which facets this member fails: it counts in a facet when it passes every other one.
      const c = college[member]!;
      const y = city[member]!;
      const o = origin[member]!;
      const failsCollege = onCollege !== undefined && !(c >= 0 && onCollege[c] === 1);
      const failsCity = onCity !== undefined && !(y >= 0 && onCity[y] === 1);
      const failsOrigin = onOrigin !== undefined && !(o >= 0 && onOrigin[o] === 1);
      let failsTag = false;
      if (onTag !== undefined) {
        failsTag = true;
        for (let t = tagStart[member]!; t < tagStart[member + 1]!; t++) {
          if (onTag[tagValues[t]!] === 1) {
            failsTag = false;
            break;
          }
        }
      }
      const failures = +failsCollege + +failsCity + +failsOrigin + +failsTag;
      if (failures > 1) continue;
      if (failures === 0) items.push(member);
      if (c >= 0 && !(failures && !failsCollege)) collegeCounts[c]!++;
      if (y >= 0 && !(failures && !failsCity)) cityCounts[y]!++;
      if (o >= 0 && !(failures && !failsOrigin)) originCounts[o]!++;
      if (!(failures && !failsTag)) for (let t = tagStart[member]!; t < tagStart[member + 1]!; t++) tagCounts[tagValues[t]!]!++;
    }
    if (stamp !== 0 && sort === 'relevance') return { items: this.#byScore(items), counts };
    return { items, counts };
  }

  /** Highest score first; members of equal score stay in name order (a stable bucket pass). */
  #byScore(items: number[]): number[] {
    const buckets: number[][] = [];
    for (const member of items) (buckets[this.#total[member]!] ??= []).push(member);
    const out: number[] = [];
    for (let score = buckets.length - 1; score >= 0; score--) {
      const bucket = buckets[score];
      if (bucket) for (const member of bucket) out.push(member);
    }
    return out;
  }
}

const indexes = new WeakMap<MemberFeed, DirectoryIndex>();

/** The index of a feed, built once however many directories show it. */
export function directoryIndex(feed: MemberFeed): DirectoryIndex {
  let index = indexes.get(feed);
  if (!index) indexes.set(feed, (index = new DirectoryIndex(feed)));
  return index;
}
