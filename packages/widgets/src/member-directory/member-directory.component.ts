import { DEFAULT_MEMBER_FEED_URL, fold, initials, isClusterSigned, memberFeedParser, profileUrl, refreshFeed, type Member } from '@frenchsouth-digital/feed';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FeedController } from '../internal/feed-controller.js';
import { closeOnBackdropClick, openModal } from '../internal/modal.js';
import { clusterMark, FsdElement, checkedHeadingLevel, formatIsoDate, heading, locale, localized } from '@frenchsouth-digital/shared';
import type { DirectoryState } from '../events/fsd-directory-state.js';
import { styles } from './member-directory.styles.js';
import { messages, type DirectoryMessages } from './member-directory.messages.js';
import { directoryIndex, FACETS, noFilters, SORTS, words, type DirectoryIndex, type Facet, type Filters, type SearchResult, type Sort } from './directory-index.js';
import { listSeparator, toCsv, download } from './csv.js';
import { MAX_QUERY_LENGTH, URL_STATES, cutQuery, type DirectoryView, type UrlStateMode } from './url-state.js';
import { UrlStateController } from './url-state-controller.js';
import '../events/fsd-directory-state.js';

/** A search text as the "no result" message echoes it: at most 60 characters (a deep link may carry any length). */
const shortened = (text: string) => ([...text].length > 60 ? `${[...text].slice(0, 59).join('')}…` : text);
/** Facet values shown before "show all". */
const FACET_PREVIEW = 6;
const DEFAULT_PAGE_SIZE = 24;
const MAX_PAGE_SIZE = 200;
/** Skeleton cards while the feed loads. */
const SKELETON_CARDS = 6;

/**
 * The cluster's member directory, for local media and sector pages: search as you type over every member
 * (accent-insensitive, prefix and typo-tolerant, name matches first), facets, sort, pages, a profile dialog, deep
 * links in the page's URL, and a CSV export of the results.
 *
 * @summary A searchable, shareable directory of FrenchSouth.digital's members.
 * @tag fsd-member-directory
 *
 * @attr src - The member feed URL; the cluster's published feed by default.
 * @attr college - Pre-filter fixed by the embedder: only this college's members (a college id, e.g. `smart-software`); its facet is hidden.
 * @attr city - Pre-filter fixed by the embedder: only members in this city (accents and case ignored); its facet is hidden.
 * @attr page-size - Members per page, 1 to 200 (default 24).
 * @attr url-state - Where the view (search, filters, sort, page, open profile) is kept: `query` (default: the query
 *   string, `?fsd-q=…&fsd-college=…`), `hash` (`#fsd-q=…`), or `none`.
 * @attr heading-level - The level of the members' names, on their cards and in the profile dialog, `1` to `6`
 *   (default `3`, for a directory under a section of the page): `2` under a page whose only heading is its `<h1>`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - `fr` (default), `en`, a region of either (`en-US`, `fr-BE`: dates and numbers follow it), or a language
 *   registered with `registerTranslation()`; when absent, the page's language.
 * @attr state - Read only: `loading`, `ready`, `empty` or `error`.
 *
 * @event {FsdDirectoryStateEvent} fsd-directory-state - The state settled or changed: `detail` is `{ state, count }`.
 *
 * @csspart base - The whole directory.
 * @csspart search - The search input.
 * @csspart filters - The filter panel.
 * @csspart card - Each result.
 * @csspart profile - The open profile (a modal dialog).
 * @csspart pager - The page navigation.
 * @csspart source - Under the list, shown only when the cluster signed the feed: its mark and the date it signed.
 *
 * @cssproperty --fsd-directory-background - Background of the directory (default: `--fsd-color-surface`).
 * @cssproperty --fsd-directory-color - Text colour (default: `--fsd-color-text`).
 * @cssproperty --fsd-directory-accent - Links, selected filters and focus (default: `--fsd-color-accent`).
 * @cssproperty --fsd-directory-border-color - Borders of cards and inputs (default: `--fsd-color-border`).
 * @cssproperty --fsd-directory-radius - Corner radius (default: `--fsd-radius`).
 * @cssproperty --fsd-directory-card-background - Background of a card (default: the directory's background).
 */
export class FsdMemberDirectory extends FsdElement {
  static override styles = styles;
  static override properties = {
    src: {},
    college: { reflect: true },
    city: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    urlState: { attribute: 'url-state' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    // Internal state (no attribute; build/manifest.js leaves `_` members and their attributes out of the manifest).
    _filtersOpen: { state: true },
    _expanded: { state: true },
    _brokenLogos: { state: true },
  };

  /** The member feed URL. */
  src = DEFAULT_MEMBER_FEED_URL;
  /** A college id fixed by the embedder. */
  college = '';
  /** A city fixed by the embedder. */
  city = '';
  /** Members per page. */
  pageSize = DEFAULT_PAGE_SIZE;
  /** `query`, `hash` or `none`. */
  urlState: UrlStateMode = 'query';
  /** The level of the members' names on their cards and in the profile dialog (1 to 6). */
  headingLevel = 3;

  /** The filter panel is shown (in a narrow column, it hides behind a button). */
  private _filtersOpen = false;
  /** The facets showing all their values. */
  private _expanded: Partial<Record<Facet, boolean>> = {};
  /** Logos that failed to load: their members show initials. */
  private _brokenLogos: ReadonlySet<string> = new Set();

  readonly #feed = new FeedController(this, memberFeedParser, () => this.src || DEFAULT_MEMBER_FEED_URL);
  /** The view (search, filters, sort, page, open profile), kept in the page's URL. */
  readonly #url = new UrlStateController(this);
  #index: DirectoryIndex | undefined;
  #result: SearchResult | undefined;
  #resultKey = '';
  #state: DirectoryState = 'loading';
  /** When the cluster signed the list shown; `undefined` for a list it did not sign. */
  #signedAt: string | undefined;
  /** The member whose card opened the profile, to give focus back to it. */
  #opener = '';
  #focusAfterUpdate: (() => HTMLElement | null | undefined) | undefined;

  /** Where the directory stands now; mirrored in the read-only `state` attribute. */
  get state(): DirectoryState {
    return this.#state;
  }

  /** The members matching the current search and filters, in display order (every page). */
  get results(): Member[] {
    const index = this.#index;
    return index && this.#result ? this.#result.items.map((i) => index.members[i]!) : [];
  }

  get #view(): DirectoryView {
    return this.#url.view;
  }

  /** The filters in force: the visitor's, with the embedder's pre-filters in place of theirs. */
  get #filters(): Filters {
    const filters = { ...this.#view.filters };
    if (this.college) filters.college = [this.college];
    if (this.city) filters.city = [this.city];
    return filters;
  }

  get #sort(): Sort {
    const view = this.#view;
    return view.sort || (words(view.q).length ? 'relevance' : 'name');
  }

  get #pageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('urlState')) this.checkedValue('url-state', this.urlState, URL_STATES, 'query');
    if (changed.has('headingLevel')) this.headingLevel = checkedHeadingLevel(this.headingLevel, 3, this.getAttribute('heading-level'), (message) => this.warnOnce(message));
    if (changed.has('pageSize') && !(Number(this.pageSize) >= 1)) {
      this.warnOnce(`page-size="${this.getAttribute('page-size')}" is not a number of members per page; using ${DEFAULT_PAGE_SIZE}`);
    }
    const feed = this.#feed.state;
    if (feed.status !== 'ready') {
      this.#index = undefined;
      this.#result = undefined;
      this.#state = feed.status;
      return;
    }
    // The cluster's mark only on a list the cluster signed: an embedder's own list is shown the same, without it.
    this.#signedAt = isClusterSigned(feed.signature) ? feed.signature.signedAt : undefined;
    const index = directoryIndex(feed.data);
    if (index !== this.#index) {
      this.#index = index;
      this.#resultKey = '';
      // The first results show from the list by name; the word index is built once they are on screen.
      setTimeout(() => {
        try {
          index.prepare();
        } catch (error) {
          this.report('error', 'the search index could not be built; the list still shows by name', error);
        }
      }, 0);
      if (this.college && index.valueNumber('college', this.college) < 0) {
        this.warnOnce(`college="${this.college}" is not a college of the feed (${feed.data.colleges.map((c) => c.id).join(', ')}); no member matches`);
      }
    }
    const view = this.#view;
    const query = { text: view.q, filters: this.#filters, sort: this.#sort };
    const key = JSON.stringify(query);
    if (key !== this.#resultKey) {
      this.#resultKey = key;
      this.#result = index.search(query);
    }
    if (view.member && !index.byId(view.member)) {
      this.warnOnce(`no member "${view.member}" in the member feed; its profile cannot open`);
      // Left out of the view shown; the URL keeps it until the next change.
      this.#url.dropMember();
    }
    this.#state = this.#result!.items.length ? 'ready' : 'empty';
  }

  override updated(): void {
    const state = this.#state;
    this.settle(state, 'fsd-directory-state', (settled) => ({ state: settled, count: this.#result?.items.length ?? 0 }));
    // The profile dialog follows the view: open as a modal dialog while the view has a member, closed otherwise.
    const dialog = this.renderRoot.querySelector('dialog');
    const open = Boolean(this.#view.member);
    if (dialog && dialog.open !== open) {
      if (!open) dialog.close();
      else {
        const error = openModal(dialog);
        if (error) this.report('warn', 'the profile could not open as a modal dialog', error);
      }
    }
    const focus = this.#focusAfterUpdate?.();
    this.#focusAfterUpdate = undefined;
    focus?.focus();
  }

  #toggle(facet: Facet, label: string, on: boolean): void {
    const filters = this.#view.filters;
    const key = fold(label);
    const rest = filters[facet].filter((value) => fold(value) !== key);
    this.#url.change({ filters: { ...filters, [facet]: on ? [...rest, label] : rest }, page: 1 });
  }

  #clearAll(): void {
    this.#url.change({ q: '', filters: noFilters(), page: 1 });
    this.#focusAfterUpdate = () => this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
  }

  #goToPage(page: number): void {
    this.#url.change({ page });
    this.#focusAfterUpdate = () => {
      const count = this.renderRoot.querySelector<HTMLElement>('.dir__count');
      count?.scrollIntoView({ block: 'nearest' });
      return count;
    };
  }

  #openProfile(id: string): void {
    this.#opener = id;
    this.#url.change({ member: id });
  }

  /** The dialog closed (Escape, its button, the backdrop, or the back button): the list is where it was. */
  #onProfileClosed(): void {
    const id = this.#opener || this.#view.member;
    this.#opener = '';
    this.#focusAfterUpdate = () =>
      this.renderRoot.querySelector<HTMLElement>(`[data-member="${CSS.escape(id)}"] .card__open`) ?? this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
    this.#url.closeProfile();
  }

  override render(): TemplateResult {
    const t = messages(this.language);
    // The retry asks the feed client for the feed again; the directory follows the new state like any other.
    if (this.#state === 'error') {
      return html`<section part="base" class="dir dir--error" aria-label=${t.title}>
        <div class="dir__message" role="status">
          <p class="dir__message-title">${t.error}</p>
          <p>${t.errorNote}</p>
          <button type="button" class="button" @click=${() => void refreshFeed(this.src || DEFAULT_MEMBER_FEED_URL, memberFeedParser)}>${t.retry}</button>
        </div>
      </section>`;
    }
    const loading = this.#state === 'loading';
    return html`<section part="base" class="dir ${loading ? 'dir--loading' : ''}" aria-label=${t.title} aria-busy=${String(loading)}>
      ${this.#renderBar(t, loading)}
      <div class="dir__body">
        ${this.#renderFilters(t, loading)}
        <div class="dir__results">${this.#renderResults(t, loading)}</div>
      </div>
      ${this.#renderSource(t)}
      ${this.#renderProfile(t)}
    </section>`;
  }

  /** Under the list, when the cluster signed it: its mark and the date it signed. */
  #renderSource(t: DirectoryMessages): TemplateResult | typeof nothing {
    if (!this.#signedAt) return nothing;
    return html`<p part="source" class="dir__source">${clusterMark}<span>${t.signed(formatIsoDate(this.#signedAt.slice(0, 10), this.language))}</span></p>`;
  }

  /** Search, sort and export. */
  #renderBar(t: DirectoryMessages, loading: boolean): TemplateResult {
    return html`<div class="dir__bar">
      <div class="dir__search">
        <label for="search">${t.searchLabel}</label>
        <input id="search" part="search" type="search" autocomplete="off" spellcheck="false" placeholder=${t.searchPlaceholder} .value=${this.#view.q} ?disabled=${loading}
          maxlength=${MAX_QUERY_LENGTH} @input=${this.#onSearchInput}>
      </div>
      <div class="dir__sort">
        <label for="sort">${t.sortLabel}</label>
        <select id="sort" ?disabled=${loading} @change=${(e: Event) => this.#url.change({ sort: (e.target as HTMLSelectElement).value as Sort, page: 1 })}>
          ${SORTS.map((sort) => html`<option value=${sort} ?selected=${sort === this.#sort}>${t.sorts[sort]}</option>`)}
        </select>
      </div>
      <button type="button" class="button dir__export" ?disabled=${loading || !this.#result?.items.length} @click=${this.#export}>${t.exportCsv}</button>
    </div>`;
  }

  /** The facets, behind a button in a narrow column, and the button that clears the search and filters. */
  #renderFilters(t: DirectoryMessages, loading: boolean): TemplateResult {
    // The facets the embedder fixed (college, city) are hidden.
    const facets = FACETS.filter((facet) => !(facet === 'college' ? this.college : facet === 'city' && this.city));
    const filterCount = facets.reduce((sum, facet) => sum + this.#view.filters[facet].length, 0);
    return html`<button type="button" class="button dir__filters-toggle" aria-expanded=${String(this._filtersOpen)} aria-controls="filters"
        @click=${() => (this._filtersOpen = !this._filtersOpen)}>${t.showFilters(filterCount)}</button>
      <div id="filters" part="filters" class="dir__filters ${this._filtersOpen ? 'is-open' : ''}" role="group" aria-label=${t.filters}>
        ${loading ? nothing : facets.map((facet) => this.#renderFacet(facet, t))}
        ${filterCount || this.#view.q ? html`<button type="button" class="button dir__clear" @click=${this.#clearAll}>${t.clearAll}</button>` : nothing}
      </div>`;
  }

  /** A facet's values with their counts: the first ones until "show all". */
  #renderFacet(facet: Facet, t: DirectoryMessages): TemplateResult | typeof nothing {
    // Not while loading: the feed is in.
    const index = this.#index!;
    const { labels, english } = index.facets[facet];
    const counts = this.#result!.counts[facet];
    const selected = new Set(this.#view.filters[facet].map((label) => index.valueNumber(facet, label)));
    let values = [...labels.keys()].filter((n) => counts[n]! > 0 || selected.has(n));
    if (values.length === 0) return nothing;
    // A tag in the widget's language where the feed translates it; the French label stays the value (of links too).
    const shown = (n: number) => (facet === 'tag' ? localized({ fr: labels[n]!, ...(english[n] && { en: english[n] }) }, this.language) : labels[n]!);
    if (facet === 'city' || facet === 'tag') {
      const collator = new Intl.Collator(locale(this.language));
      values.sort((a, b) => counts[b]! - counts[a]! || collator.compare(shown(a), shown(b)));
    }
    const total = values.length;
    const expanded = Boolean(this._expanded[facet]);
    if (!expanded && total > FACET_PREVIEW) values = values.filter((n, i) => i < FACET_PREVIEW || selected.has(n));
    const number = new Intl.NumberFormat(locale(this.language));
    const name = (label: string, n: number) => (facet === 'college' ? this.#collegeName(label, true) : facet === 'origin' ? (t.origins[label] ?? label) : shown(n));
    return html`<fieldset class="facet">
      <legend class="facet__title">${t.facets[facet]}</legend>
      <ul class="facet__values">
        ${values.map((n) => {
          const label = labels[n]!;
          return html`<li>
            <label class="facet__value">
              <input type="checkbox" .checked=${selected.has(n)} @change=${(e: Event) => this.#toggle(facet, label, (e.target as HTMLInputElement).checked)}>
              <span class="facet__label">${name(label, n)}</span>
              <span class="facet__count">${number.format(counts[n]!)}</span>
            </label>
          </li>`;
        })}
      </ul>
      ${total > FACET_PREVIEW
        ? html`<button type="button" class="link-button facet__more" aria-expanded=${String(expanded)}
            @click=${() => (this._expanded = { ...this._expanded, [facet]: !expanded })}>${expanded ? t.showFewer : t.showAll(total)}</button>`
        : nothing}
    </fieldset>`;
  }

  /** The count, the cards of the page shown and the page navigation; the skeleton while loading. */
  #renderResults(t: DirectoryMessages, loading: boolean): TemplateResult {
    const index = this.#index;
    if (loading || !this.#result || !index) {
      return html`<p class="dir__count" role="status" tabindex="-1">${t.loading}</p>
        <ol class="dir__list" aria-hidden="true">
          ${Array.from({ length: Math.min(SKELETON_CARDS, this.#pageSize) }, () => html`<li class="card card--skeleton"><span class="card__logo"></span><span class="card__line"></span><span class="card__line card__line--short"></span></li>`)}
        </ol>`;
    }
    const { items } = this.#result;
    const size = this.#pageSize;
    const pages = Math.max(1, Math.ceil(items.length / size));
    const page = Math.min(Math.max(1, this.#view.page), pages);
    const shown = items.slice((page - 1) * size, page * size);
    const count = html`<p class="dir__count" role="status" tabindex="-1">${t.count(new Intl.NumberFormat(locale(this.language)).format(items.length), items.length)}</p>`;
    if (items.length === 0) {
      return html`${count}
        <div class="dir__empty">
          <p class="dir__message-title">${t.empty(shortened(this.#view.q.trim()))}</p>
          <p>${t.emptyHint}</p>
          <button type="button" class="button" @click=${this.#clearAll}>${t.clearEverything}</button>
        </div>`;
    }
    return html`${count}
      <ol class="dir__list" aria-label=${t.results}>
        ${shown.map((i) => this.#renderCard(index.members[i]!))}
      </ol>
      ${pages > 1
        ? html`<nav part="pager" class="dir__pager" aria-label=${t.pages}>
            <button type="button" class="button" ?disabled=${page <= 1} @click=${() => this.#goToPage(page - 1)}>${t.previous}</button>
            <span class="dir__page">${t.pageOf(page, pages)}</span>
            <button type="button" class="button" ?disabled=${page >= pages} @click=${() => this.#goToPage(page + 1)}>${t.next}</button>
          </nav>`
        : nothing}`;
  }

  #renderLogo(member: Member, className: string): TemplateResult {
    const logo = member.logo && !this._brokenLogos.has(member.logo) ? member.logo : undefined;
    return logo
      ? html`<img class=${className} src=${logo} alt="" width="48" height="48" loading="lazy" @error=${() => (this._brokenLogos = new Set(this._brokenLogos).add(logo))}>`
      : html`<span class="${className} logo--initials" aria-hidden="true">${initials(member.name)}</span>`;
  }

  #renderCard(member: Member): TemplateResult {
    return html`<li part="card" class="card" data-member=${member.id}>
      ${this.#renderLogo(member, 'card__logo')}
      ${heading(this.headingLevel, { class: 'card__name' }, html`<button type="button" class="card__open" @click=${() => this.#openProfile(member.id)}><span class="card__label">${member.name}</span></button>`)}
      <p class="card__meta">${this.#collegeName(member.college, true)}${member.city ? html` · ${member.city}` : nothing}</p>
      <p class="card__desc">${localized(member.description, this.language)}</p>
    </li>`;
  }

  /** The college's name; `short` drops the explanation in brackets ("Smart Software (logiciels…)" → "Smart Software"). */
  #collegeName(id: string, short?: boolean): string {
    const college = this.#index?.feed.colleges.find((c) => c.id === id);
    const name = college ? localized(college.name, this.language) : id;
    return short ? name.replace(/\s*\([^)]*\)\s*$/, '') || name : name;
  }

  /** The profile dialog, empty while no profile is open; `updated()` opens and closes it. */
  #renderProfile(t: DirectoryMessages): TemplateResult {
    const member = this.#view.member ? this.#index?.byId(this.#view.member) : undefined;
    const p = t.profile;
    return html`<dialog part="profile" class="profile" aria-labelledby="profile-name" @close=${this.#onProfileClosed} @click=${closeOnBackdropClick}>
      ${member
        ? html`<div class="profile__head">
              ${this.#renderLogo(member, 'profile__logo')}
              ${heading(this.headingLevel, { id: 'profile-name', class: 'profile__name' }, member.name)}
              <button type="button" class="button profile__close" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${p.close}</button>
            </div>
            <p class="profile__desc">${localized(member.description, this.language)}</p>
            <dl class="profile__facts">
              <dt>${p.college}</dt>
              <dd>${this.#collegeName(member.college)}</dd>
              ${member.city ? html`<dt>${p.city}</dt><dd>${member.city}</dd>` : nothing}
              <dt>${p.memberSince}</dt>
              <dd><time datetime=${member.memberSince}>${formatIsoDate(member.memberSince, this.language)}</time></dd>
              ${member.origin ? html`<dt>${p.origin}</dt><dd>${t.origins[member.origin] ?? member.origin}</dd>` : nothing}
              ${member.tags.length ? html`<dt>${p.tags}</dt><dd>${member.tags.map((tag) => localized(tag, this.language)).join(', ')}</dd>` : nothing}
            </dl>
            <p class="profile__links">
              <a href=${member.website} target="_blank" rel="noopener">${p.website} <span class="sr-only">${p.newTab}</span></a>
              <a href=${profileUrl(this.#index!.feed, member)} target="_blank" rel="noopener">${p.clusterProfile} <span class="sr-only">${p.newTab}</span></a>
            </p>`
        : nothing}
    </dialog>`;
  }

  /** A search typed, pasted or set by a script: kept to {@link MAX_QUERY_LENGTH} characters, in the box too. */
  #onSearchInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const q = cutQuery(input.value);
    if (q !== input.value) input.value = q;
    this.#url.change({ q, page: 1 }, 'replace');
  };

  /** The results as CSV: public fields only, never the domains used for badge checks, never anything not shown. */
  #export(): void {
    const index = this.#index;
    if (!index) return;
    const lang = this.language;
    const t = messages(lang);
    const rows = this.results.map((m) => [m.id, m.name, this.#collegeName(m.college), m.city, localized(m.description, lang), m.website, m.memberSince,
      m.origin ? (t.origins[m.origin] ?? m.origin) : '', m.tags.map((tag) => localized(tag, lang)).join(', '), profileUrl(index.feed, m)]);
    download(this.renderRoot, toCsv([t.csvHeaders, ...rows], listSeparator(locale(lang))), t.exportFile);
  }
}
