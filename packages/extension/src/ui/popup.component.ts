import { html, nothing, type TemplateResult } from 'lit';
import { FsdElement, clusterMark, formatIsoDate, locale, localized, tokens, type LanguageTag } from '@frenchsouth-digital/shared';
import { eventFeedParser, eventSortKey, fold, initials, isUpcoming, readStoredFeed, type CalendarEvent } from '@frenchsouth-digital/feed';
import browser from '../lib/browser.js';
import { giveBack } from '../lib/permissions.js';
import { LOG } from '../lib/log.js';
import { fetchLogo } from '../lib/logo.js';
import { send } from '../lib/protocol.js';
import { Registries, eventFeedsOf, type Match } from '../lib/registries.js';
import { ALL_SITES, annotationWanted, getSettings, pageHost, sitePattern, uiLanguage, updateSettings, type Settings } from '../lib/settings.js';
import { messages } from './extension.messages.js';
import { pageStyles } from './shared.styles.js';
import { popupStyles } from './popup.styles.js';

const MAX_RESULTS = 30;
const MAX_EVENTS = 3;

/**
 * The member's events that have not ended yet (in the viewer's time zone), soonest first, from the events feeds of
 * the member's own registry ({@link eventFeedsOf}): a member id names a member within its registry only.
 */
async function upcomingEvents(feeds: readonly string[], { registry, member }: Match, now = new Date()): Promise<CalendarEvent[]> {
  const memberId = member.id;
  const copies = await Promise.all(eventFeedsOf(registry.url, feeds).map((url) => readStoredFeed(url, eventFeedParser)));
  return copies
    .flatMap((copy) => copy?.data.events ?? [])
    .filter((event) => event.organizer?.id === memberId && isUpcoming(event, now))
    .sort((a, b) => eventSortKey(a) - eventSortKey(b))
    .slice(0, MAX_EVENTS);
}

interface TabInfo {
  id: number | undefined;
  host: string | undefined;
}

/**
 * The toolbar popup: on a member's site the member's card (and its upcoming events); elsewhere a search over
 * every member of every registry. Also the switch that turns link annotation on for the tab's site.
 *
 * Opened as a tab for tests and screenshots, `popup.html?tab=ID` shows the popup for that tab.
 */
export class FsdExtensionPopup extends FsdElement {
  static override styles = [tokens, pageStyles, popupStyles];
  static override properties = {
    _ready: { state: true },
    _query: { state: true },
    _notice: { state: true },
    _settings: { state: true },
    _granted: { state: true },
    _logo: { state: true },
    _logoLoading: { state: true },
  };

  _ready = false;
  _query = '';
  _notice = '';
  _settings: Settings | undefined;
  /** Does the extension have access to the tab's site (or to every site)? */
  _granted = false;
  /** The member's logo as a `blob:` URL, once fetched (lib/logo.ts); the initials until then, or if it fails. */
  _logo: string | undefined;
  /** The logo is being fetched: the initials show meanwhile, marked `data-logo="loading"` (tests wait on it). */
  _logoLoading = false;
  #registries: Registries | undefined;
  #tab: TabInfo = { id: undefined, host: undefined };
  #match: Match | undefined;
  #events: CalendarEvent[] = [];

  constructor() {
    super();
    // The browser's language until the settings are read (they may choose another).
    this.lang = uiLanguage({ language: 'auto' });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._logo) URL.revokeObjectURL(this._logo);
  }

  async #loadLogo(url: string): Promise<void> {
    this._logoLoading = true;
    try {
      this._logo = URL.createObjectURL(await fetchLogo(url));
    } catch (error) {
      console.warn(`${LOG} the member's logo is not shown (its initials are): ${(error as Error).message}`);
    } finally {
      this._logoLoading = false;
    }
  }

  async #load(): Promise<void> {
    const settings = await getSettings();
    document.documentElement.lang = this.lang = uiLanguage(settings);
    const wanted = Number(new URLSearchParams(location.search).get('tab'));
    // A tab closed meanwhile is no page at all: the popup then offers the search.
    const [tab] = wanted ? [await browser.tabs.get(wanted).catch(() => undefined)] : await browser.tabs.query({ active: true, currentWindow: true });
    this.#tab = { id: tab?.id, host: pageHost(tab?.url) };
    this.#registries = await Registries.read(settings.registries, settings.registryKeys);
    this.#match = this.#tab.host ? this.#registries.byHost(this.#tab.host) : undefined;
    if (this.#match) this.#events = await upcomingEvents(settings.eventFeeds, this.#match);
    if (this.#match?.logo && settings.showLogos) void this.#loadLogo(this.#match.logo);
    if (this.#tab.host) {
      const origins = settings.annotateAll ? [ALL_SITES] : [sitePattern(this.#tab.host)];
      this._granted = await browser.permissions.contains({ origins });
    }
    this._settings = settings;
    this._ready = true;
  }

  override render(): TemplateResult {
    const text = messages(this.language);
    return html`
      <header class="head">
        <span class="mark">${clusterMark}<span>FrenchSouth.digital</span></span>
        <a href="options.html" target="_blank" class="options">${text.options}</a>
      </header>
      ${this._ready ? this.#body() : html`<p class="muted" role="status">${text.loading}</p>`}
    `;
  }

  #body(): TemplateResult {
    const text = messages(this.language);
    if (!this.#registries!.list.some((r) => r.copy)) return html`<p role="status">${text.noData}</p>`;
    return html`
      ${this.#match
        ? this.#card(this.#match)
        : html`<h1 class="site">${this.#tab.host ? text.notMember(this.#tab.host) : text.noPage}</h1>`}
      ${this.#tab.host ? this.#annotation(this.#tab.host) : nothing} ${this.#match ? nothing : this.#search()}
    `;
  }

  #card({ member, registry, college, profile, lapsed, logo }: Match): TemplateResult {
    const text = messages(this.language);
    const lang = this.language;
    return html`
      <article class="card" aria-labelledby="member-name">
        <div class="card__top">
          ${this._settings!.showLogos && logo && this._logo
            ? html`<img class="logo" src=${this._logo} alt="" />`
            : html`<span class="logo" aria-hidden="true" data-logo=${this._logoLoading ? 'loading' : 'initials'}>${initials(member.name)}</span>`}
          <div>
            <h1 id="member-name">${member.name}</h1>
            <p class=${lapsed ? 'error' : 'member-of'}>
              ${lapsed ? text.lapsed(formatIsoDate(member.validUntil!, lang)) : text.memberOf(registry.name)}
            </p>
            ${registry.cluster ? nothing : html`<p class="muted added-registry">${text.addedRegistry}</p>`}
          </div>
        </div>
        <dl>
          ${college ? html`<div><dt>${text.college}</dt><dd>${localized(college.name, lang)}</dd></div>` : nothing}
          <div><dt>${text.city}</dt><dd>${member.city}</dd></div>
        </dl>
        <p class="description">${localized(member.description, lang)}</p>
        <p class="muted">${text.memberSince(formatIsoDate(member.memberSince, lang))}</p>
        <p><a href=${profile} target="_blank" rel="noopener noreferrer">${text.profile}</a></p>
        ${this.#events.length ? this.#eventList() : nothing}
      </article>
    `;
  }

  #eventList(): TemplateResult {
    const text = messages(this.language);
    const lang = this.language;
    const when = (event: CalendarEvent) =>
      event.allDay
        ? formatIsoDate(event.start, lang)
        : new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(event.start));
    return html`
      <section class="events" aria-labelledby="events-title">
        <h2 id="events-title">${text.upcomingEvents}</h2>
        <ul>
          ${this.#events.map(
            (event) => html`<li>
              <time datetime=${event.start}>${when(event)}</time>
              ${event.url
                ? html`<a href=${event.url} target="_blank" rel="noopener noreferrer">${localized(event.title, lang)}</a>`
                : html`<span>${localized(event.title, lang)}</span>`}
              ${event.location ? html`<span class="muted">${event.location}</span>` : nothing}
            </li>`,
          )}
        </ul>
      </section>
    `;
  }

  #annotation(host: string): TemplateResult {
    const text = messages(this.language);
    const settings = this._settings!;
    // On only when wanted and allowed: a wish whose permission never came (a closed prompt) shows as off.
    const on = annotationWanted(settings, host) && this._granted;
    return html`
      <div class="annotate">
        <button type="button" aria-pressed=${on ? 'true' : 'false'} @click=${() => this.#toggleAnnotation(host, on)}>
          ${on ? text.annotateSiteOn(host) : text.annotateSite(host)}
        </button>
        <p class="notice" role="status">${this._notice}</p>
      </div>
    `;
  }

  async #toggleAnnotation(host: string, on: boolean): Promise<void> {
    const text = messages(this.language);
    const settings = this._settings!;
    const pattern = sitePattern(host);
    if (!on) {
      // Asked at the moment of the click (synchronously, inside the user's gesture), for this one site or, with
      // "every site" on, for every site again. The wish is written at the same time: Firefox may close the popup
      // while it shows the question, and the background then finishes the job when the permission arrives.
      const origins = settings.annotateAll ? [ALL_SITES] : [pattern];
      const asked = browser.permissions.request({ origins });
      const next: Partial<Settings> = settings.annotateAll
        ? { annotateExcept: settings.annotateExcept.filter((h) => h !== host) }
        : { annotateSites: [...settings.annotateSites.filter((h) => h !== host), host] };
      await updateSettings(next);
      this._settings = { ...settings, ...next };
      if (!(await asked)) {
        await updateSettings(settings.annotateAll ? { annotateExcept: settings.annotateExcept } : { annotateSites: settings.annotateSites });
        this._settings = settings;
        this._notice = text.annotateDenied;
        return;
      }
      this._granted = true;
      this._notice = '';
      if (this.#tab.id !== undefined) await send('annotate-tab', { tabId: this.#tab.id });
    } else {
      const next: Partial<Settings> = settings.annotateAll
        ? { annotateExcept: [...settings.annotateExcept, host] }
        : { annotateSites: settings.annotateSites.filter((h) => h !== host) };
      await updateSettings(next);
      this._settings = { ...settings, ...next };
      this._notice = '';
      if (!settings.annotateAll) await giveBack([pattern]);
    }
  }

  #folded: [Match, string][] | undefined;

  /** Every member with its searchable text folded (accents, case), computed once per popup. */
  #haystacks(lang: LanguageTag): [Match, string][] {
    this.#folded ??= [...this.#registries!.members()].map((match) => [
      match,
      fold([match.member.name, match.member.city, match.college ? localized(match.college.name, lang) : '', ...match.member.tags.flatMap((tag) => [tag.fr, tag.en ?? '']), ...match.member.domains].join(' ')),
    ]);
    return this.#folded;
  }

  #search(): TemplateResult {
    const text = messages(this.language);
    const lang = this.language;
    const query = fold(this._query.trim());
    const found: Match[] = [];
    if (query) {
      const words = query.split(/\s+/);
      for (const [match, haystack] of this.#haystacks(lang)) {
        if (words.every((word) => haystack.includes(word))) found.push(match);
      }
      const collator = new Intl.Collator(locale(lang));
      found.sort((a, b) => collator.compare(a.member.name, b.member.name));
    }
    const shown = found.slice(0, MAX_RESULTS);
    return html`
      <search class="search">
        <label for="search">${text.searchLabel}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          placeholder=${text.searchPlaceholder}
          .value=${this._query}
          @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
        />
        <p class="muted count" role="status">
          ${query ? (found.length > shown.length ? text.moreResults(shown.length, found.length) : text.results(found.length)) : ''}
        </p>
        <ul class="results">
          ${shown.map(
            (m) => html`<li>
              <a href=${m.profile} target="_blank" rel="noopener noreferrer">${m.member.name}</a>
              <span class="muted">${m.member.city}${m.college ? ` · ${localized(m.college.name, lang)}` : ''} · ${m.registry.name}</span>
            </li>`,
          )}
        </ul>
      </search>
    `;
  }
}
