import { DEFAULT_MEMBER_FEED_URL, fold, initials, memberFeedParser, profileUrl, refreshFeed, type Member } from '@fsd/feed';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FeedController } from '../internal/feed-controller.js';
import { closeOnBackdropClick, openModal } from '../internal/modal.js';
import { FsdElement, formatIsoDate, locale, localized } from '@fsd/shared';
import type { DirectoryState } from '../events/fsd-directory-state.js';
import { toCsv, download } from './csv.js';
import { directoryIndex, FACETS, words, type DirectoryIndex, type Facet, type Filters, type SearchResult, type Sort } from './directory-index.js';
import { messages, type DirectoryMessages } from './member-directory.messages.js';
import { styles } from './member-directory.styles.js';
import { emptyView, URL_STATES, type DirectoryView, type UrlStateMode } from './url-state.js';
import { UrlStateController } from './url-state-controller.js';
import '../events/fsd-directory-state.js';

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
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - `fr` (default) or `en`; when absent, the page's language.
 * @attr state - Read only: `loading`, `ready`, `empty` or `error`.
 *
 * @event fsd-directory-state - The state settled or changed: `detail` is `{ state, count }`.
 *
 * @csspart base - The whole directory.
 * @csspart search - The search input.
 * @csspart filters - The filter panel.
 * @csspart card - Each result.
 * @csspart profile - The open profile (a modal dialog).
 * @csspart pager - The page navigation.
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

  readonly #feed = new FeedController(this, memberFeedParser, () => this.src || DEFAULT_MEMBER_FEED_URL);
  /** The view (search, filters, sort, page, open profile), kept in the page's URL. */
  readonly #url = new UrlStateController(this);
  #index: DirectoryIndex | undefined;
  #result: SearchResult | undefined;
  #resultKey = '';
  #state: DirectoryState = 'loading';
  #filtersOpen = false;
  readonly #expanded = new Set<Facet>();
  readonly #brokenLogos = new Set<string>();
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
    return this.#view.sort || (words(this.#view.q).length ? 'relevance' : 'name');
  }

  get #pageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('urlState')) this.checkedValue('url-state', this.urlState, URL_STATES, 'query');
    if (changed.has('pageSize') && this.pageSize !== DEFAULT_PAGE_SIZE && !(Number(this.pageSize) >= 1)) {
      this.warnOnce(`page-size="${this.getAttribute('page-size')}" is not a number of members per page; using ${DEFAULT_PAGE_SIZE}`);
    }
    const feed = this.#feed.state;
    if (feed.status !== 'ready') {
      this.#index = undefined;
      this.#result = undefined;
      this.#state = feed.status;
      return;
    }
    const index = directoryIndex(feed.data);
    if (index !== this.#index) {
      this.#index = index;
      this.#resultKey = '';
      // The first results show from the list by name; the word index is built once they are on screen.
      setTimeout(() => {
        try {
          index.prepare();
        } catch (error) {
          console.error(`<${this.localName}>: the search index could not be built; the list still shows by name`, error);
        }
      }, 0);
      if (this.college && index.valueNumber('college', this.college) < 0) {
        this.warnOnce(`college="${this.college}" is not a college of the feed (${feed.data.colleges.map((c) => c.id).join(', ')}); no member matches`);
      }
    }
    const query = { text: this.#view.q, filters: this.#filters, sort: this.#sort };
    const key = JSON.stringify(query);
    if (key !== this.#resultKey) {
      this.#resultKey = key;
      this.#result = index.search(query);
    }
    if (this.#view.member && !this.#memberById(this.#view.member)) {
      this.warnOnce(`no member "${this.#view.member}" in the member feed; its profile cannot open`);
      // Left out of the view shown; the URL keeps it until the next change.
      this.#url.view = { ...this.#view, member: '' };
    }
    this.#state = this.#result!.items.length ? 'ready' : 'empty';
  }

  #memberById(id: string): Member | undefined {
    return this.#index?.byId(id);
  }

  override updated(): void {
    const state = this.#state;
    this.settle(state, 'fsd-directory-state', () => ({ state: state as Exclude<DirectoryState, 'loading'>, count: this.#result?.items.length ?? 0 }));
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog) {
      if (this.#view.member && !dialog.open) {
        const error = openModal(dialog);
        if (error) console.warn(`<${this.localName}>: the profile could not open as a modal dialog`, error);
      } else if (!this.#view.member && dialog.open) dialog.close();
    }
    const focus = this.#focusAfterUpdate?.();
    this.#focusAfterUpdate = undefined;
    focus?.focus();
  }

  /** Changes the view: a new history entry for a discrete change, the same entry while typing. */
  #change(changes: Partial<DirectoryView>, how: 'push' | 'replace' = 'push'): void {
    this.#url.change(changes, how);
  }

  #onSearch(event: Event): void {
    this.#change({ q: (event.target as HTMLInputElement).value, page: 1 }, 'replace');
  }

  #toggle(facet: Facet, label: string, on: boolean): void {
    const key = fold(label);
    const rest = this.#view.filters[facet].filter((value) => fold(value) !== key);
    this.#change({ filters: { ...this.#view.filters, [facet]: on ? [...rest, label] : rest }, page: 1 });
  }

  #clearAll(): void {
    this.#change({ q: '', filters: emptyView().filters, page: 1 });
    this.#focusAfterUpdate = () => this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
  }

  #goToPage(page: number): void {
    this.#change({ page });
    this.#focusAfterUpdate = () => {
      const count = this.renderRoot.querySelector<HTMLElement>('.dir__count');
      count?.scrollIntoView({ block: 'nearest' });
      return count;
    };
  }

  #openProfile(id: string): void {
    this.#opener = id;
    this.#change({ member: id });
  }

  /** The dialog closed (Escape, its button, the backdrop, or the back button): the list is where it was. */
  #onProfileClosed(): void {
    const id = this.#opener || this.#view.member;
    this.#opener = '';
    this.#url.closeProfile();
    this.#focusAfterUpdate = () =>
      this.renderRoot.querySelector<HTMLElement>(`[data-member="${CSS.escape(id)}"] .card__open`) ?? this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
  }

  /** Asks the feed client for the feed again; the directory follows the new state like any other. */
  #retry(): void {
    void refreshFeed(this.src || DEFAULT_MEMBER_FEED_URL, memberFeedParser);
  }

  #export(): void {
    const index = this.#index;
    if (!index) return;
    const t = messages[this.language];
    const rows = [t.csvHeaders, ...this.results.map((m) => this.#csvRow(m))];
    download(this.renderRoot, toCsv(rows, this.language === 'fr' ? ';' : ','), t.exportFile);
  }

  /** Public fields only: never the domains used for badge checks, never anything not shown in the directory. */
  #csvRow(member: Member): string[] {
    const t = messages[this.language];
    return [
      member.id,
      member.name,
      this.#collegeName(member.college),
      member.city,
      localized(member.description, this.language),
      member.website,
      member.memberSince,
      member.origin ? (t.origins[member.origin] ?? member.origin) : '',
      member.tags.join(', '),
      profileUrl(this.#index!.feed, member),
    ];
  }

  /** The college's name; `short` drops the explanation in brackets ("Smart Software (logiciels…)" → "Smart Software"). */
  #collegeName(id: string, short = false): string {
    const college = this.#index?.feed.colleges.find((c) => c.id === id);
    const name = college ? localized(college.name, this.language) : id;
    return short ? name.replace(/\s*\([^)]*\)\s*$/, '') || name : name;
  }

  #facetLabel(facet: Facet, label: string): string {
    if (facet === 'college') return this.#collegeName(label, true);
    if (facet === 'origin') return messages[this.language].origins[label] ?? label;
    return label;
  }

  override render(): TemplateResult {
    const t = messages[this.language];
    if (this.#state === 'error') {
      return html`<section part="base" class="dir dir--error" aria-label=${t.title}>
        <div class="dir__message" role="status">
          <p class="dir__message-title">${t.error}</p>
          <p>${t.errorNote}</p>
          <button type="button" class="button" @click=${this.#retry}>${t.retry}</button>
        </div>
      </section>`;
    }
    const loading = this.#state === 'loading';
    const filterCount = FACETS.reduce((sum, f) => sum + (this.#isFixed(f) ? 0 : this.#view.filters[f].length), 0);
    return html`<section part="base" class="dir ${loading ? 'dir--loading' : ''}" aria-label=${t.title} aria-busy=${loading ? 'true' : 'false'}>
      <div class="dir__bar">
        <div class="dir__search">
          <label for="search">${t.searchLabel}</label>
          <input
            id="search"
            part="search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            placeholder=${t.searchPlaceholder}
            .value=${this.#view.q}
            ?disabled=${loading}
            @input=${this.#onSearch}
          />
        </div>
        <div class="dir__sort">
          <label for="sort">${t.sortLabel}</label>
          <select id="sort" ?disabled=${loading} @change=${(e: Event) => this.#change({ sort: (e.target as HTMLSelectElement).value as Sort, page: 1 })}>
            ${(['relevance', 'name', 'newest'] as const).map((sort) => html`<option value=${sort} ?selected=${sort === this.#sort}>${t.sorts[sort]}</option>`)}
          </select>
        </div>
        <button type="button" class="button dir__export" ?disabled=${loading || !this.#result?.items.length} @click=${this.#export}>${t.exportCsv}</button>
      </div>
      <div class="dir__body">
        <button
          type="button"
          class="button dir__filters-toggle"
          aria-expanded=${this.#filtersOpen ? 'true' : 'false'}
          aria-controls="filters"
          @click=${() => {
            this.#filtersOpen = !this.#filtersOpen;
            this.requestUpdate();
          }}
        >
          ${t.showFilters(filterCount)}
        </button>
        <div id="filters" part="filters" class="dir__filters ${this.#filtersOpen ? 'is-open' : ''}" role="group" aria-label=${t.filters}>
          ${loading ? nothing : FACETS.map((facet) => this.#renderFacet(facet, t))}
          ${filterCount || this.#view.q
            ? html`<button type="button" class="button dir__clear" @click=${this.#clearAll}>${t.clearAll}</button>`
            : nothing}
        </div>
        <div class="dir__results">${this.#renderResults(t, loading)}</div>
      </div>
      ${this.#renderProfile(t)}
    </section>`;
  }

  #isFixed(facet: Facet): boolean {
    return (facet === 'college' && Boolean(this.college)) || (facet === 'city' && Boolean(this.city));
  }

  #renderFacet(facet: Facet, t: DirectoryMessages): TemplateResult | typeof nothing {
    const index = this.#index;
    if (!index || !this.#result || this.#isFixed(facet)) return nothing;
    const { labels } = index.facets[facet];
    const counts = this.#result.counts[facet];
    const selected = new Set(this.#view.filters[facet].map((label) => index.valueNumber(facet, label)));
    let values = labels.map((_, n) => n).filter((n) => counts[n]! > 0 || selected.has(n));
    if (values.length === 0) return nothing;
    if (facet === 'city' || facet === 'tag') {
      const collator = new Intl.Collator(locale(this.language));
      values.sort((a, b) => counts[b]! - counts[a]! || collator.compare(labels[a]!, labels[b]!));
    }
    const total = values.length;
    const expanded = this.#expanded.has(facet);
    if (!expanded && total > FACET_PREVIEW) values = values.filter((n, i) => i < FACET_PREVIEW || selected.has(n));
    const number = new Intl.NumberFormat(locale(this.language));
    return html`<fieldset class="facet">
      <legend class="facet__title">${t.facets[facet]}</legend>
      <ul class="facet__values">
        ${values.map((n) => {
          const label = labels[n]!;
          return html`<li>
            <label class="facet__value">
              <input type="checkbox" .checked=${selected.has(n)} @change=${(e: Event) => this.#toggle(facet, label, (e.target as HTMLInputElement).checked)} />
              <span class="facet__label">${this.#facetLabel(facet, label)}</span>
              <span class="facet__count">${number.format(counts[n]!)}</span>
            </label>
          </li>`;
        })}
      </ul>
      ${total > FACET_PREVIEW
        ? html`<button
            type="button"
            class="link-button facet__more"
            aria-expanded=${expanded ? 'true' : 'false'}
            @click=${() => {
              if (expanded) this.#expanded.delete(facet);
              else this.#expanded.add(facet);
              this.requestUpdate();
            }}
          >
            ${expanded ? t.showFewer : t.showAll(total)}
          </button>`
        : nothing}
    </fieldset>`;
  }

  #renderResults(t: DirectoryMessages, loading: boolean): TemplateResult {
    if (loading || !this.#result || !this.#index) {
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
          <p class="dir__message-title">${t.empty(this.#view.q.trim())}</p>
          <p>${t.emptyHint}</p>
          <button type="button" class="button" @click=${this.#clearAll}>${t.clearEverything}</button>
        </div>`;
    }
    const members = this.#index.members;
    return html`${count}
      <ol class="dir__list" aria-label=${t.results}>
        ${shown.map((i) => this.#renderCard(members[i]!))}
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
    const logo = member.logo && !this.#brokenLogos.has(member.logo) ? member.logo : undefined;
    return logo
      ? html`<img
          class=${className}
          src=${logo}
          alt=""
          width="48"
          height="48"
          loading="lazy"
          @error=${() => {
            this.#brokenLogos.add(logo);
            this.requestUpdate();
          }}
        />`
      : html`<span class="${className} logo--initials" aria-hidden="true">${initials(member.name)}</span>`;
  }

  #renderCard(member: Member): TemplateResult {
    return html`<li part="card" class="card" data-member=${member.id}>
      ${this.#renderLogo(member, 'card__logo')}
      <h3 class="card__name"><button type="button" class="card__open" @click=${() => this.#openProfile(member.id)}>${member.name}</button></h3>
      <p class="card__meta">${this.#collegeName(member.college, true)}${member.city ? html` · ${member.city}` : nothing}</p>
      <p class="card__desc">${localized(member.description, this.language)}</p>
    </li>`;
  }

  #renderProfile(t: DirectoryMessages): TemplateResult {
    const member = this.#view.member ? this.#memberById(this.#view.member) : undefined;
    const p = t.profile;
    return html`<dialog part="profile" class="profile" aria-labelledby="profile-name" @close=${this.#onProfileClosed} @click=${closeOnBackdropClick}>
      ${member
        ? html`<div class="profile__head">
              ${this.#renderLogo(member, 'profile__logo')}
              <h2 id="profile-name" class="profile__name">${member.name}</h2>
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
              ${member.tags.length ? html`<dt>${p.tags}</dt><dd>${member.tags.join(', ')}</dd>` : nothing}
            </dl>
            <p class="profile__links">
              <a href=${member.website} target="_blank" rel="noopener">${p.website} <span class="sr-only">${p.newTab}</span></a>
              <a href=${profileUrl(this.#index!.feed, member)} target="_blank" rel="noopener">${p.clusterProfile} <span class="sr-only">${p.newTab}</span></a>
            </p>`
        : nothing}
    </dialog>`;
  }
}
