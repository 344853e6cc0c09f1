import { DEFAULT_EVENT_FEED_URL, addDays, dayIn, daysBetween, isIsoDate, isTimeZone, localTimeZone, startOfDay } from '@frenchsouth-digital/feed';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { booleanAttribute, clusterMark, FsdElement, checkedHeadingLevel, formatIsoDate, heading, localized, type LanguageTag } from '@frenchsouth-digital/shared';
import { calendarTitle, eventTime, eventWhen, formatDay } from './calendar-format.js';
import { VIEWS, addMonths, byDay, compareOccurrences, daysOf, isoWeek, monthWeeks, occurrence, passes, valueSet, visibleDays, type CalendarView, type Occurrence } from './calendar-model.js';
import { CalendarSources } from './calendar-sources.js';
import { DetailsChunk } from './chunks.js';
import { subscriptionFor } from './subscribe.js';
import { messages, type CalendarViewMessages } from './event-calendar.messages.js';
import { styles } from './event-calendar.styles.js';
import { gridKeyTarget } from './grid-keyboard.js';
import type { CalendarState } from '../events/fsd-calendar-state.js';

/** Below this width (in CSS pixels) a calendar without a `view` attribute shows the list. */
const NARROW = 560;
const MAX_PER_DAY = 3;

/**
 * The cluster's events, and a member's own, in a month grid, an agenda list or a short "next events" list. Reads the
 * cluster's JSON events feed and iCalendar (`.ics`) files, several at once; shows each event at the right time in the
 * visitor's zone (or the one given), and lets visitors add it to their own calendar.
 *
 * @summary An embeddable event calendar.
 * @tag fsd-event-calendar
 *
 * @attr src - One or more source URLs, separated by spaces: the JSON events feed and/or `.ics` files. The cluster's
 *   published events feed by default.
 * @attr view - `month`, `list` or `next`. Without it: `month`, or `list` in a container narrower than 560 px.
 * @attr date - An ISO date (`2027-01-14`): the month shown, or the first day of the `list` and `next` views. Today by
 *   default.
 * @attr time-zone - The IANA zone times are shown in, e.g. `Europe/Paris`. The visitor's zone by default.
 * @attr college - Only the events of these colleges (space-separated ids, e.g. `smart-software`).
 * @attr category - Only the events of these categories (space-separated ids, e.g. `workshop`).
 * @attr organizer - A member id, e.g. `kaliop`: only that member's events from the JSON feed.
 * @attr include-cluster - With `organizer`: the cluster's own events too.
 * @attr limit - How many events the `next` view lists (default 5).
 * @attr week-numbers - Shows ISO week numbers in the month grid.
 * @attr heading-level - The level of the calendar's title, `1` to `6` (default `2`), to fit the page's outline: the
 *   days of the list views and the parts of an event's dialog come one level below, its title at this level.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - `fr` (default), `en`, a region of either (`en-US`, `fr-BE`: dates and numbers follow it), or a language
 *   registered with `registerTranslation()`; when absent, the page's language.
 * @attr state - Read only: `loading`, `ready`, `empty` or `error`.
 *
 * @event {FsdCalendarStateEvent} fsd-calendar-state - What the calendar shows has settled: `detail` is `{ state, count, failed }`.
 * @event {FsdEventOpenEvent} fsd-event-open - The visitor opened an event: `detail` is `{ event, source }`.
 *
 * @csspart base - The calendar's box.
 * @csspart header - The title and the navigation.
 * @csspart title - The month, or the dates, shown.
 * @csspart nav - The previous, today and next buttons.
 * @csspart subscribe - "S'abonner": the links to subscribe to the events shown (when the events feed names its calendars).
 * @csspart grid - The month grid (a table).
 * @csspart day - Each day cell of the month grid.
 * @csspart event - Each event's button, in every view.
 * @csspart list - The agenda and next-events lists.
 * @csspart note - A message: empty, error, a source that failed, entries of a source that could not be read.
 * @csspart dialog - The event details dialog.
 * @csspart day-popover - A busy day's events, opened by its "+ n autres" button.
 * @csspart source - Under the calendar, only when one of its sources is the cluster's signed feed: the cluster's mark and the date it signed.
 *
 * @cssproperty --fsd-calendar-background - Background colour (default: `--fsd-color-surface`).
 * @cssproperty --fsd-calendar-color - Text colour (default: `--fsd-color-text`).
 * @cssproperty --fsd-calendar-accent - Colour of links, today and event marks (default: `--fsd-color-accent`).
 * @cssproperty --fsd-calendar-border-color - Border colour (default: `--fsd-color-border`).
 * @cssproperty --fsd-calendar-radius - Corner radius (default: `--fsd-radius`).
 * @cssproperty --fsd-calendar-event-background - Background of an event in the grid (default: a tint of the accent).
 */
export class FsdEventCalendar extends FsdElement {
  static override styles = styles;
  static override properties = {
    src: {},
    view: { reflect: true },
    date: {},
    timeZone: { attribute: 'time-zone' },
    college: {},
    category: {},
    organizer: {},
    includeCluster: { type: Boolean, attribute: 'include-cluster', converter: booleanAttribute },
    limit: { type: Number },
    weekNumbers: { type: Boolean, attribute: 'week-numbers', converter: booleanAttribute },
    headingLevel: { type: Number, attribute: 'heading-level' },
    // What render reads of the view: internal reactive state. `attribute: false`, which `state` implies for Lit, also
    // keeps these out of the custom-elements manifest's attributes.
    _anchor: { state: true },
    _focusDay: { state: true },
    _expandedDay: { state: true },
    _selected: { state: true },
    _announcement: { state: true },
    _narrow: { state: true },
  };

  /** Source URLs, space-separated. */
  src = DEFAULT_EVENT_FEED_URL;
  /** `month`, `list` or `next`; empty: chosen by the width. */
  view: CalendarView | '' = '';
  /** ISO date of the month or first day shown. */
  date = '';
  /** IANA time zone of the times shown. */
  timeZone = '';
  college = '';
  category = '';
  organizer = '';
  includeCluster = false;
  limit = 5;
  weekNumbers = false;
  /** The level of the calendar's title (1 to 6); its days in a list and its dialog's parts come one level below. */
  headingLevel = 2;

  /** A day of the month shown (`month`), or the first day shown (`list`, `next`). */
  private _anchor!: string;
  /** The grid's one tab stop. */
  private _focusDay!: string;
  /** The day whose cell shows all its events ("+ 3 more"). */
  private _expandedDay?: string;
  /** The occurrence whose details are open. */
  private _selected: Occurrence | undefined;
  /** Said by screen readers when the month shown changes. */
  private _announcement?: string;
  /** The calendar is narrower than {@link NARROW}. */
  private _narrow = false;

  readonly #sources = new CalendarSources(this, () => this.src, (message) => this.report('error', message));
  readonly #details = new DetailsChunk();
  /** The dialog's styles, which come with its chunk, are adopted by the shadow root. */
  #detailsStyled = false;
  /** The zone times are shown in (the first update sets it: `timeZone` changes from undefined). */
  #zone!: string;
  #today!: string;
  #shownView!: CalendarView;
  #resize: ResizeObserver | undefined;

  #state: CalendarState = 'loading';
  #occurrences!: Occurrence[];
  #days!: Map<string, Occurrence[]>;
  #range!: [string, string];
  #failed!: string[];
  /** How many entries of the sources shown could not be read (each named in the console when its feed was read). */
  #leftOut = 0;
  /** The sources too heavy to show whole over the range (only part of their events is shown). */
  #partial: string[] = [];
  /** When the cluster signed the events it gives here, when one source is its signed feed. */
  #signedAt: string | undefined;
  /** The published calendar to subscribe to, when the events feed names one that matches what is shown. */
  #subscription: string | undefined;
  #opener: HTMLElement | undefined;
  /** The "+ n" button whose day is shown, and whether days show in a popover (else in their cell). */
  #dayOpener: HTMLElement | undefined;
  #popover = true;
  #moveFocus?: boolean;
  /** The month shown changed: the next update says so to screen readers. */
  #announce = false;

  /** Where the calendar stands; mirrored in the read-only `state` attribute. */
  get state(): CalendarState {
    return this.#state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'undefined') return;
    this.#resize = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      const narrow = width > 0 && width < NARROW;
      // Next frame: re-rendering within the observer's callback would resize what it observes in the same frame.
      requestAnimationFrame(() => (this._narrow = narrow));
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#sources.follow();
    if (changed.has('timeZone')) {
      this.#zone = this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : localTimeZone();
      if (this.timeZone && this.#zone !== this.timeZone) this.warnOnce(`time-zone="${this.timeZone}" is not an IANA time zone; showing times in ${this.#zone}`);
    }
    this.#today = dayIn(Date.now(), this.#zone);
    // Also at the first update: `date` changes from undefined.
    if (changed.has('date')) {
      if (this.date && !isIsoDate(this.date)) this.warnOnce(`date="${this.date}" is not an ISO date (YYYY-MM-DD); showing today`);
      this._anchor = this._focusDay = isIsoDate(this.date) ? this.date : this.#today;
    }
    if (changed.has('view') && this.view) this.view = this.checkedValue('view', this.view, VIEWS, 'month');
    const details = this.#details.module;
    if (details && !this.#detailsStyled) {
      this.#detailsStyled = true;
      adoptStyles(this.renderRoot as ShadowRoot, [...FsdEventCalendar.elementStyles, details.detailsStyles]);
    }
    if (changed.has('headingLevel')) this.headingLevel = checkedHeadingLevel(this.headingLevel, 2, this.getAttribute('heading-level'), (message) => this.warnOnce(message));
    this.#shownView = this.view || (this._narrow ? 'list' : 'month');
    this.#compute();
    // Said in the update that shows the new month, not in a second one after it (a change of month in one frame).
    if (this.#announce) {
      this.#announce = false;
      this._announcement = messages(this.language).monthAnnounce(this.#title(this.language), this.#occurrences.length);
    }
  }

  /** Reads every source's current state and works out what to show. */
  #compute(): void {
    const zone = this.#zone;
    const [from, to] = (this.#range = visibleDays(this.#shownView, this._anchor));
    const fromMs = startOfDay(from, zone);
    const filters = {
      colleges: valueSet(this.college),
      categories: valueSet(this.category),
      organizer: this.organizer.trim(),
      includeCluster: this.includeCluster,
    };
    const { loading, failed, sources } = this.#sources.read(fromMs, startOfDay(addDays(to, 1), zone), zone);
    const occurrences: Occurrence[] = [];
    for (const { url, index, events, names } of sources) {
      for (const event of events) {
        const [first, last] = daysOf(event, zone);
        // Without category names, an iCalendar source: its categories are their own names, its events have no organiser.
        if (last < from || first > to || !passes(event, !names, filters)) continue;
        const name = event.category ? (names ? names.get(event.category) : { fr: event.category }) : undefined;
        occurrences.push(occurrence(event, url, index, zone, name));
      }
    }
    occurrences.sort(compareOccurrences);
    if (this.#shownView === 'next') {
      // From now when the list starts today, else from the start of its first day (`date`).
      const since = this._anchor === this.#today ? Date.now() : fromMs;
      this.#occurrences = occurrences.filter((o) => (o.event.allDay ? o.lastDay >= from : Date.parse(o.event.end) >= since)).slice(0, Math.max(1, this.limit || 5));
    } else {
      this.#occurrences = occurrences;
    }
    this.#days = byDay(this.#occurrences, from, to);
    this.#failed = failed;
    this.#leftOut = sources.reduce((count, source) => count + source.leftOut, 0);
    this.#partial = sources.filter((source) => source.partial).map((source) => source.url);
    this.#signedAt = sources.find((source) => source.signedAt)?.signedAt;
    // Offered only when one feed gives every event shown: a calendar of several sources has no published twin.
    const subscriptions = !loading && !failed.length && sources.length === 1 ? sources[0]!.subscriptions : undefined;
    this.#subscription = subscriptions && subscriptionFor(subscriptions, filters);
    if (loading) this.#state = 'loading';
    // Settled, every source gives events or failed: none gives any, all failed.
    else if (!sources.length) this.#state = 'error';
    else this.#state = this.#occurrences.length ? 'ready' : 'empty';
  }

  override updated(): void {
    if (this.#moveFocus) {
      this.#moveFocus = false;
      this.renderRoot.querySelector<HTMLElement>(`[data-day="${this._focusDay}"]`)?.focus();
    }
    const state = this.#state;
    const detail = (settled: Exclude<CalendarState, 'loading'>) => ({ state: settled, count: this.#occurrences.length, failed: [...this.#failed] });
    this.settle(state, 'fsd-calendar-state', detail, `${state}|${this.#shownView}|${this.#range.join('/')}|${this.#occurrences.length}|${this.#failed.join(' ')}`);
    // The details chunk also holds the "S'abonner" menu and the note of a source too heavy: shown once it arrives.
    if (state === 'ready' || this.#subscription || this.#partial[0]) this.#details.prefetch(() => (this.#subscription || this.#partial[0]) && this.requestUpdate());
  }

  // ——— Navigation

  #go(months: number | 'today'): void {
    this.#setAnchor(months === 'today' ? this.#today : addMonths(this._anchor, months), false);
  }

  #setAnchor(day: string, focus: boolean): void {
    const changed = day.slice(0, 7) !== this._anchor.slice(0, 7) || (this.#shownView === 'list' && day !== this._anchor);
    this._anchor = this._focusDay = day;
    this._expandedDay = '';
    this.#moveFocus = focus;
    if (changed) this.#announce = true;
  }

  /** The grid's keys (see `gridKeyTarget`): which cell, focus and default actions are the DOM's part, here. */
  #onGridKey(event: KeyboardEvent): void {
    const cell = event.target as HTMLElement;
    // A day's cell itself, not one of its buttons.
    const day = cell.dataset.day;
    const target = day && gridKeyTarget(event.key, event.shiftKey, day);
    if (!target) return;
    if (target === 'activate') {
      const first = cell.querySelector<HTMLElement>('[part~="event"]');
      if (!first) return;
      event.preventDefault();
      if ((this.#days.get(day)?.length ?? 0) === 1) first.click();
      else first.focus();
      return;
    }
    event.preventDefault();
    if (target.slice(0, 7) !== this._anchor.slice(0, 7)) {
      this.#setAnchor(target, true);
    } else if (target !== this._focusDay) {
      // Else the key leads where focus is (Home on a Monday, End on a Sunday): nothing moves.
      this.#moveFocus = true;
      this._focusDay = target;
    }
  }

  /**
   * "+ 3 more": the day's events in a popover over its cell (event-details.ts, with the dialog's chunk); where the
   * browser has no Popover API, or the chunk cannot load, the cell shows them all.
   */
  async #showDay(day: string, opener: HTMLElement): Promise<void> {
    this._focusDay = day;
    this.#dayOpener = opener;
    try {
      const module = await this.#details.load();
      this._expandedDay = day;
      await this.updateComplete;
      if (module.openDay(this.renderRoot, opener.closest('td')!)) return;
    } catch {
      // Shown in the cell, below.
    }
    this.#popover = false;
    this._expandedDay = day;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-day="${day}"] [part~="event"]:nth-of-type(${MAX_PER_DAY})`)?.focus();
  }

  // ——— Details

  /** A click handler: whatever goes wrong is logged, never thrown into the host page. */
  async #open(o: Occurrence, opener: HTMLElement): Promise<void> {
    try {
      const module = await this.#details.load();
      this._selected = o;
      this.#opener = opener;
      await this.updateComplete;
      const error = module.openDetails(this.renderRoot);
      // A dialog that cannot be modal opens in place (see openModal): the visitor still sees the details.
      if (error) this.report('warn', `the details of "${o.event.id}" could not open as a modal dialog; shown in place`, error);
      this.emit('fsd-event-open', { event: o.event, source: o.source });
    } catch (error) {
      this.report('error', `the details of "${o.event.id}" could not be opened (${String(error)})`);
    }
  }

  #closed(): void {
    const opener = this.#opener;
    this._selected = this.#opener = undefined;
    void this.updateComplete.then(() => opener?.isConnected && opener.focus());
  }

  // ——— Rendering

  #title(lang: LanguageTag): string {
    return calendarTitle(lang, this.#shownView, this._anchor, this.#range);
  }

  override render(): TemplateResult {
    const lang = this.language;
    const t = messages(lang);
    const view = this.#shownView;
    const selected = this._selected;
    if (this.#state === 'error') {
      return html`<div part="base" class="calendar calendar--error">
        <div part="note" class="note note--error" role="note"><strong>${t.error}</strong> ${t.errorNote}</div>
      </div>`;
    }
    return html`<section part="base" class="calendar calendar--${view}" aria-labelledby="title" aria-busy=${this.#state === 'loading' ? 'true' : 'false'}>
      <header part="header" class="header">
        ${heading(this.headingLevel, { id: 'title', part: 'title', class: 'title' }, this.#title(lang))}
        ${view === 'next'
          ? nothing
          : html`<div part="nav" class="nav">
              <button class="nav__button" aria-label=${t.previousMonth} title=${t.previousMonth} @click=${() => this.#go(-1)}><span aria-hidden="true">‹</span></button>
              <button class="nav__button nav__today" @click=${() => this.#go('today')}>${t.today}</button>
              <button class="nav__button" aria-label=${t.nextMonth} title=${t.nextMonth} @click=${() => this.#go(1)}><span aria-hidden="true">›</span></button>
            </div>`}
        ${this.#subscription && this.#details.module ? this.#details.module.subscribeMenu(this.#subscription, t, lang) : nothing}
      </header>
      ${this.#failed.map((url) => html`<p part="note" class="note note--warning" role="note">${t.sourceError(url)}</p>`)}
      ${this.#details.module ? this.#partial.map((url) => this.#details.module!.partialNote(url, lang)) : nothing}
      ${this.#leftOut ? html`<p part="note" class="note note--warning" role="note">${t.leftOut(this.#leftOut)}</p>` : nothing}
      ${this.#state === 'loading' ? html`<p part="note" class="note note--loading" role="status">${t.loading}</p>` : nothing}
      ${view === 'month' ? this.#month(t, lang) : this.#list(t, lang)}
      ${this.#signedAt ? html`<p part="source" class="source">${clusterMark}<span>${t.signed(formatIsoDate(this.#signedAt.slice(0, 10), lang))}</span></p>` : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this._announcement}</div>
      ${this.#popover && this._expandedDay && this.#details.module ? this.#dayPopover(this.#details.module, this._expandedDay, lang) : nothing}
      ${selected && this.#details.module ? this.#details.module.eventDetails(selected, t, lang, this.headingLevel, eventWhen(lang, this.#zone, selected.event), this.#sources.source(selected.source), () => this.#closed()) : nothing}
    </section>`;
  }

  #month(t: CalendarViewMessages, lang: LanguageTag): TemplateResult {
    const weeks = monthWeeks(this._anchor);
    const month = this._anchor.slice(0, 7);
    const focus = this._focusDay.slice(0, 7) === month ? this._focusDay : `${month}-01`;
    return html`<table part="grid" class="grid" role="grid" aria-labelledby="title" @keydown=${this.#onGridKey}>
        <thead>
          <tr>
            ${this.weekNumbers ? html`<th scope="col" class="week" abbr=${t.weekNumber}>${t.weekShort}</th>` : nothing}
            ${weeks[0]!.map((day) => html`<th scope="col" abbr=${formatDay(lang, day, { weekday: 'long' })}>${formatDay(lang, day, { weekday: 'short' })}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map((week) => {
            const lanes = this.#lanes(week);
            return html`<tr>
              ${this.weekNumbers ? html`<th scope="row" class="week"><span class="sr-only">${t.weekNumber} </span>${isoWeek(week[0]!)}</th>` : nothing}
              ${week.map((day) => this.#cell(day, day.slice(0, 7) === month, day === focus, t, lang, week, lanes))}
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.#state === 'empty' ? html`<p part="note" class="note">${t.empty}</p>` : nothing}`;
  }

  /**
   * The lanes of a week row: each event of several days gets the first lane free on its first day in the week, and
   * keeps it across the row, so that it is drawn as one bar (in the cell where its part of the week starts, as wide
   * as the days it covers there); the other cells it covers hold its lane empty.
   */
  #lanes(week: string[]): Map<string, number> {
    const lanes = new Map<string, number>();
    for (const day of week) {
      const taken = new Set<number>();
      for (const o of this.#days.get(day) ?? []) {
        if (o.firstDay === o.lastDay) continue;
        let lane = lanes.get(o.key);
        if (lane === undefined) {
          for (lane = 0; taken.has(lane); lane++);
          lanes.set(o.key, lane);
        }
        taken.add(lane);
      }
    }
    return lanes;
  }

  #cell(day: string, inMonth: boolean, focused: boolean, t: CalendarViewMessages, lang: LanguageTag, week: string[], lanes: Map<string, number>): TemplateResult {
    const list = this.#days.get(day) ?? [];
    // Its lanes first (a bar, or the room a bar from an earlier day takes), then its events of one day.
    const row: (Occurrence | undefined)[] = [];
    for (const o of list) if (lanes.has(o.key)) row[lanes.get(o.key)!] = o;
    const singles = list.filter((o) => !lanes.has(o.key));
    const room = Math.max(0, MAX_PER_DAY - row.length);
    const cut = singles.length > room && (this.#popover || day !== this._expandedDay);
    const shown = cut ? singles.slice(0, Math.max(0, room - 1)) : singles;
    const hidden = singles.length - shown.length;
    const classes = `day${inMonth ? '' : ' day--outside'}${day === this.#today ? ' day--today' : ''}`;
    const tabindex = focused ? '0' : '-1';
    const chip = (o: Occurrence, span = 1) =>
      html`<button part="event" class="chip${o.event.allDay || day !== o.firstDay ? ' chip--allday' : ''}${o.lastDay > o.firstDay ? ' chip--span' : ''}${day !== o.firstDay ? ' chip--continued' : ''}" data-span=${span} tabindex=${tabindex} @click=${(e: Event) => this.#open(o, e.currentTarget as HTMLElement)}>
        <span class="chip__text"><span class=${o.event.allDay || day !== o.firstDay ? 'sr-only' : 'chip__time'}>${eventTime(lang, this.#zone, o, day)}</span> <span class="chip__title">${localized(o.event.title, lang)}</span></span>
      </button>`;
    return html`<td part="day" role="gridcell" class=${classes} data-day=${day} tabindex=${tabindex} aria-current=${day === this.#today ? 'date' : nothing} @focus=${() => (this._focusDay = day)}>
      <span class="day__number"><span aria-hidden="true">${Number(day.slice(8))}</span><span class="sr-only">${formatDay(lang, day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</span></span>
      ${Array.from(row, (o) =>
        !o
          ? html`<span class="lane" aria-hidden="true"></span>`
          : day === week[0] || day === o.firstDay
            ? chip(o, daysBetween(day, o.lastDay < week[6]! ? o.lastDay : week[6]!) + 1)
            : html`<span class="lane"><span class="sr-only">${localized(o.event.title, lang)} (${t.continued})</span></span>`,
      )}
      ${shown.map((o) => chip(o))}
      ${hidden
        ? html`<button class="more" tabindex=${tabindex} aria-haspopup="dialog" @click=${(e: Event) => this.#showDay(day, e.currentTarget as HTMLElement)}>${t.more(hidden)}</button>`
        : nothing}
    </td>`;
  }

  #dayPopover(module: NonNullable<DetailsChunk['module']>, day: string, lang: LanguageTag): TemplateResult {
    const items = (this.#days.get(day) ?? []).map((o) => ({ o, time: eventTime(lang, this.#zone, o, day), title: localized(o.event.title, lang) }));
    const opener = this.#dayOpener;
    return module.dayPopover(formatDay(lang, day, { weekday: 'long', day: 'numeric', month: 'long' }), items, lang, this.headingLevel + 1, (o) => void this.#open(o, opener!), () => {
      this._expandedDay = '';
      opener?.focus();
    });
  }

  #list(t: CalendarViewMessages, lang: LanguageTag): TemplateResult {
    const next = this.#shownView === 'next';
    if (this.#state === 'empty') {
      const [from, to] = this.#range;
      const long = { day: 'numeric', month: 'long', year: 'numeric' } as const;
      return html`<p part="note" class="note">${next ? t.emptyNext : t.emptyList(formatDay(lang, from, long), formatDay(lang, to, long))}</p>`;
    }
    const days = [...this.#days.keys()].sort();
    const seen = new Set<string>();
    return html`<ol part="list" class="agenda${next ? ' agenda--next' : ''}">
      ${days.map((day) => {
        // The next-events list shows each event once, on its first day in view.
        const items = (this.#days.get(day) ?? []).filter((o) => !next || (!seen.has(o.key) && seen.add(o.key)));
        if (!items.length) return nothing;
        return html`<li class="agenda__day">
          ${heading(this.headingLevel + 1, { class: 'agenda__date' }, html`<time datetime=${day}>${formatDay(lang, day, { weekday: 'long', day: 'numeric', month: 'long', ...(next ? { year: 'numeric' } : {}) })}</time>`)}
          <ul class="agenda__events">
            ${items.map(
              (o) => html`<li>
                <button part="event" class="item" @click=${(e: Event) => this.#open(o, e.currentTarget as HTMLElement)}>
                  <span class="item__time">${eventTime(lang, this.#zone, o, day)}</span>
                  <span class="item__title">${localized(o.event.title, lang)}</span>
                  ${o.event.location ? html`<span class="item__place">${o.event.location}</span>` : nothing}
                </button>
              </li>`,
            )}
          </ul>
        </li>`;
      })}
    </ol>`;
  }
}
