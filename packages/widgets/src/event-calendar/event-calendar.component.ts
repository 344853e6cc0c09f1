import {
  DEFAULT_EVENT_FEED_URL,
  addDays,
  calendarSourceParser,
  dayIn,
  eventToIcs,
  googleCalendarUrl,
  isIsoDate,
  isTimeZone,
  localTimeZone,
  outlookCalendarUrl,
  startOfDay,
  type CalendarEvent,
  type CalendarSource,
  type LocalizedText,
} from '@fsd/feed';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FeedController } from '../internal/feed-controller.js';
import { FsdElement, locale, localized, type Lang } from '@fsd/shared';
import { linkified } from '../internal/linkify.js';
import { openModal } from '../internal/modal.js';
import {
  VIEWS,
  addMonths,
  byDay,
  compareOccurrences,
  daysOf,
  isoWeek,
  monthWeeks,
  occurrence,
  passes,
  valueSet,
  type CalendarView,
  type Occurrence,
} from './calendar-model.js';
import { COLLEGE_NAMES, messages, type CalendarMessages } from './event-calendar.messages.js';
import { styles } from './event-calendar.styles.js';
import { icsReader } from './ics-reader.js';
import type { CalendarState } from '../events/fsd-calendar-state.js';

type IcsModule = Awaited<ReturnType<typeof icsReader.load>>;

/** Below this width (in CSS pixels) a calendar without a `view` attribute shows the list. */
const NARROW = 560;
const DAY_MS = 86_400_000;
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
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - `fr` (default) or `en`; when absent, the page's language.
 * @attr state - Read only: `loading`, `ready`, `empty` or `error`.
 *
 * @event fsd-calendar-state - What the calendar shows has settled: `detail` is `{ state, count, failed }`.
 * @event fsd-event-open - The visitor opened an event: `detail` is `{ event, source }`.
 *
 * @csspart base - The calendar's box.
 * @csspart header - The title and the navigation.
 * @csspart title - The month, or the dates, shown.
 * @csspart nav - The previous, today and next buttons.
 * @csspart grid - The month grid (a table).
 * @csspart day - Each day cell of the month grid.
 * @csspart event - Each event's button, in every view.
 * @csspart list - The agenda and next-events lists.
 * @csspart note - A message: empty, error, a source that failed.
 * @csspart dialog - The event details dialog.
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
    includeCluster: { type: Boolean, attribute: 'include-cluster' },
    limit: { type: Number },
    weekNumbers: { type: Boolean, attribute: 'week-numbers' },
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

  readonly #sources = new Map<string, FeedController<CalendarSource>>();
  #ics: IcsModule | undefined;
  #icsLoading = false;
  /** The reader could not load: ICS sources count as failed until a later update loads it. */
  #icsFailed = false;
  /** The update that shows the failure does not try again at once (else a reader that keeps failing would loop). */
  #icsJustFailed = false;
  readonly #expanded = new WeakMap<object, { range: string; events: CalendarEvent[] }>();

  #zone = localTimeZone();
  #today = '';
  #anchor = '';
  #focusDay = '';
  #shownView: CalendarView = 'month';
  #narrow = false;
  #resize: ResizeObserver | undefined;

  #state: CalendarState = 'loading';
  #occurrences: Occurrence[] = [];
  #days = new Map<string, Occurrence[]>();
  #range: [string, string] = ['', ''];
  #failed: string[] = [];
  #announcement = '';
  #selected: Occurrence | undefined;
  #opener: HTMLElement | undefined;
  #moveFocus = false;
  #expandedDay = '';

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
      if (narrow === this.#narrow) return;
      this.#narrow = narrow;
      // Next frame: re-rendering within the observer's callback would resize what it observes in the same frame.
      if (!this.view) requestAnimationFrame(() => this.requestUpdate());
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('timeZone')) {
      this.#zone = this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : localTimeZone();
      if (this.timeZone && !isTimeZone(this.timeZone)) this.warnOnce(`time-zone="${this.timeZone}" is not an IANA time zone; showing times in ${this.#zone}`);
    }
    this.#today = dayIn(Date.now(), this.#zone);
    if (changed.has('date') || !this.#anchor) {
      if (this.date && !isIsoDate(this.date)) this.warnOnce(`date="${this.date}" is not an ISO date (YYYY-MM-DD); showing today`);
      this.#anchor = isIsoDate(this.date) ? this.date : this.#today;
      this.#focusDay = this.#anchor;
    }
    if (changed.has('view') && this.view) this.view = this.checkedValue('view', this.view, VIEWS, 'month');
    this.#shownView = this.view || (this.#narrow ? 'list' : 'month');
    this.#compute();
    this.#icsJustFailed = false;
  }

  /** Reads every source's current state and works out what to show. */
  #compute(): void {
    const urls = [...new Set((this.src || DEFAULT_EVENT_FEED_URL).split(/\s+/).filter(Boolean))];
    for (const [url, controller] of this.#sources) {
      if (urls.includes(url)) continue;
      controller.hostDisconnected();
      this.removeController(controller);
      this.#sources.delete(url);
    }
    for (const url of urls) if (!this.#sources.has(url)) this.#sources.set(url, new FeedController(this, calendarSourceParser, () => url));

    const [from, to] = this.#visibleDays();
    this.#range = [from, to];
    const fromMs = startOfDay(from, this.#zone);
    const toMs = startOfDay(addDays(to, 1), this.#zone);
    const filters = {
      colleges: valueSet(this.college),
      categories: valueSet(this.category),
      organizer: this.organizer.trim(),
      includeCluster: this.includeCluster,
    };
    const occurrences: Occurrence[] = [];
    const failed: string[] = [];
    let loading = false;
    let waiting = false;
    [...this.#sources.entries()].forEach(([url, controller], index) => {
      const state = controller.state;
      if (state.status === 'loading') loading = true;
      if (state.status === 'error') failed.push(url);
      if (state.status !== 'ready') return;
      const data = state.data;
      let events: CalendarEvent[];
      let names: Map<string, LocalizedText> | undefined;
      if (data.format === 'json') {
        events = data.feed.events;
        names = new Map(data.feed.categories.map((c) => [c.id, c.name]));
      } else {
        const expanded = this.#expand(data, fromMs, toMs);
        if (expanded === 'failed') {
          failed.push(url);
          return;
        }
        if (!expanded) {
          waiting = true;
          return;
        }
        events = expanded;
      }
      for (const event of events) {
        const [first, last] = daysOf(event, this.#zone);
        if (last < from || first > to || !passes(event, data.format === 'ics', filters)) continue;
        const name = event.category ? (names?.get(event.category) ?? (data.format === 'ics' ? { fr: event.category } : undefined)) : undefined;
        occurrences.push(occurrence(event, url, index, this.#zone, name));
      }
    });
    occurrences.sort(compareOccurrences);
    if (this.#shownView === 'next') {
      // From now when the list starts today, else from the start of its first day (`date`).
      const since = this.#anchor === this.#today ? Date.now() : fromMs;
      this.#occurrences = occurrences.filter((o) => (o.event.allDay ? o.lastDay >= from : Date.parse(o.event.end) >= since)).slice(0, Math.max(1, this.limit || 5));
    } else {
      this.#occurrences = occurrences;
    }
    this.#days = byDay(this.#occurrences, from, to);
    this.#failed = failed;
    const settled = !loading && !waiting;
    if (!settled) this.#state = 'loading';
    else if (failed.length === this.#sources.size) this.#state = 'error';
    else this.#state = this.#occurrences.length ? 'ready' : 'empty';
  }

  /** The first and last days the current view covers. */
  #visibleDays(): [string, string] {
    switch (this.#shownView) {
      case 'month': {
        const weeks = monthWeeks(this.#anchor);
        return [weeks[0]![0]!, weeks[weeks.length - 1]![6]!];
      }
      case 'list':
        return [this.#anchor, addDays(addMonths(this.#anchor, 1), -1)];
      default:
        return [this.#anchor, addDays(this.#anchor, 365)];
    }
  }

  /**
   * The events of an iCalendar source in the range, once its reader has loaded; `undefined` until then, `'failed'` if
   * the reader could not load (tried again at the next update, the failure still shown meanwhile).
   */
  #expand(data: CalendarSource & { format: 'ics' }, from: number, to: number): CalendarEvent[] | 'failed' | undefined {
    if (!this.#ics) {
      if (!this.#icsLoading && !this.#icsJustFailed) this.#loadReader();
      return this.#icsFailed ? 'failed' : undefined;
    }
    const range = `${from}/${to}`;
    const cached = this.#expanded.get(data);
    if (cached?.range === range) return cached.events;
    let events: CalendarEvent[] = [];
    try {
      events = this.#ics.expandIcs(data, from - DAY_MS, to + DAY_MS);
    } catch (error) {
      console.error(`<fsd-event-calendar>: an iCalendar source could not be expanded (${String(error)})`);
    }
    this.#expanded.set(data, { range, events });
    return events;
  }

  #loadReader(): void {
    this.#icsLoading = true;
    icsReader.load().then(
      (module) => {
        this.#ics = module;
        this.#icsLoading = false;
        this.#icsFailed = false;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#icsLoading = false;
        if (!this.#icsFailed) console.error(`<fsd-event-calendar>: the iCalendar reader could not load (${String(error)}); the .ics sources are not shown`);
        this.#icsFailed = true;
        this.#icsJustFailed = true;
        this.requestUpdate();
      },
    );
  }

  override updated(): void {
    if (this.#moveFocus) {
      this.#moveFocus = false;
      this.renderRoot.querySelector<HTMLElement>(`[data-day="${this.#focusDay}"]`)?.focus();
    }
    const state = this.#state;
    const detail = () => ({ state: state as Exclude<CalendarState, 'loading'>, count: this.#occurrences.length, failed: [...this.#failed] });
    this.settle(state, 'fsd-calendar-state', detail, `${state}|${this.#shownView}|${this.#range.join('/')}|${this.#occurrences.length}|${this.#failed.join(' ')}`);
  }

  // ——— Navigation

  #go(months: number | 'today', focus = false): void {
    const target = months === 'today' ? this.#today : addMonths(this.#anchor, months);
    this.#setAnchor(target, focus);
  }

  #setAnchor(day: string, focus: boolean): void {
    const changed = day.slice(0, 7) !== this.#anchor.slice(0, 7) || (this.#shownView === 'list' && day !== this.#anchor);
    this.#anchor = day;
    this.#focusDay = day;
    this.#expandedDay = '';
    this.#moveFocus = focus;
    this.requestUpdate();
    if (changed) {
      void this.updateComplete.then(() => {
        this.#announcement = messages[this.language].monthAnnounce(this.#title(), this.#occurrences.length);
        this.requestUpdate();
      });
    }
  }

  #onGridKey(event: KeyboardEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-day]');
    if (!cell || event.target !== cell) return;
    const day = cell.dataset.day!;
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    let target: string | undefined;
    switch (event.key) {
      case 'ArrowLeft':
        target = addDays(day, -1);
        break;
      case 'ArrowRight':
        target = addDays(day, 1);
        break;
      case 'ArrowUp':
        target = addDays(day, -7);
        break;
      case 'ArrowDown':
        target = addDays(day, 7);
        break;
      case 'Home':
        target = addDays(day, -weekday);
        break;
      case 'End':
        target = addDays(day, 6 - weekday);
        break;
      case 'PageUp':
        target = addMonths(day, event.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        target = addMonths(day, event.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ': {
        const first = cell.querySelector<HTMLElement>('[part~="event"]');
        if (!first) return;
        event.preventDefault();
        if ((this.#days.get(day)?.length ?? 0) === 1) first.click();
        else first.focus();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    if (target.slice(0, 7) !== this.#anchor.slice(0, 7)) {
      this.#setAnchor(target, true);
    } else {
      this.#focusDay = target;
      this.#moveFocus = true;
      this.requestUpdate();
    }
  }

  // ——— Details

  /** A click handler: whatever goes wrong is logged, never thrown into the host page. */
  async #open(o: Occurrence, opener: HTMLElement): Promise<void> {
    try {
      this.#selected = o;
      this.#opener = opener;
      this.requestUpdate();
      await this.updateComplete;
      const dialog = this.renderRoot.querySelector('dialog');
      const error = dialog && openModal(dialog);
      if (error) throw error;
      this.emit('fsd-event-open', { event: o.event, source: o.source });
    } catch (error) {
      console.error(`<fsd-event-calendar>: the details of "${o.event.id}" could not be opened (${String(error)})`);
    }
  }

  #closed(): void {
    const opener = this.#opener;
    this.#selected = undefined;
    this.#opener = undefined;
    this.requestUpdate();
    void this.updateComplete.then(() => opener?.isConnected && opener.focus());
  }

  // ——— Formatting

  #format(options: Intl.DateTimeFormatOptions, zone = this.#zone): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(locale(this.language), { timeZone: zone, ...options });
  }

  /** A day (`YYYY-MM-DD`) written out. */
  #day(day: string, options: Intl.DateTimeFormatOptions): string {
    return this.#format(options, 'UTC').format(new Date(`${day}T12:00:00Z`));
  }

  #title(): string {
    const t = messages[this.language];
    if (this.#shownView === 'next') return t.nextEvents;
    if (this.#shownView === 'list') {
      const [from, to] = this.#range;
      return this.#format({ day: 'numeric', month: 'long', year: 'numeric' }, 'UTC').formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
    }
    const month = this.#day(this.#anchor, { month: 'long', year: 'numeric' });
    return month.charAt(0).toUpperCase() + month.slice(1);
  }

  #time(o: Occurrence, day: string): string {
    const t = messages[this.language];
    if (o.event.allDay) return t.allDay;
    if (day !== o.firstDay) return t.continued;
    return this.#format({ hour: '2-digit', minute: '2-digit' }).format(new Date(o.event.start));
  }

  /** When an event takes place, in full, in the zone shown. */
  #when(event: CalendarEvent): string {
    if (event.allDay) {
      const f = this.#format({ dateStyle: 'full' }, 'UTC');
      const [a, b] = [new Date(`${event.start}T12:00:00Z`), new Date(`${event.end}T12:00:00Z`)];
      return event.start === event.end ? `${f.format(a)} · ${messages[this.language].allDay}` : f.formatRange(a, b);
    }
    const f = this.#format({ dateStyle: 'full', timeStyle: 'short' });
    const range = f.formatRange(new Date(event.start), new Date(event.end));
    const zone = this.#format({ timeZoneName: 'shortOffset' }).formatToParts(new Date(event.start)).find((p) => p.type === 'timeZoneName')?.value;
    return zone ? `${range} (${zone})` : range;
  }

  #organizer(event: CalendarEvent, source: CalendarSource | undefined): string | undefined {
    const t = messages[this.language];
    if (event.organizer) return event.organizer.name;
    if (event.college && COLLEGE_NAMES[event.college]) return t.college(COLLEGE_NAMES[event.college]!);
    return source?.format === 'json' ? t.cluster : undefined;
  }

  // ——— Rendering

  override render(): TemplateResult {
    const t = messages[this.language];
    const view = this.#shownView;
    if (this.#state === 'error') {
      return html`<div part="base" class="calendar calendar--error">
        <div part="note" class="note note--error" role="note"><strong>${t.error}</strong> ${t.errorNote}</div>
      </div>`;
    }
    return html`<section part="base" class="calendar calendar--${view}" aria-labelledby="title" aria-busy=${this.#state === 'loading' ? 'true' : 'false'}>
      <header part="header" class="header">
        <h2 id="title" part="title" class="title">${this.#title()}</h2>
        ${view === 'next'
          ? nothing
          : html`<div part="nav" class="nav">
              <button class="nav__button" aria-label=${t.previousMonth} title=${t.previousMonth} @click=${() => this.#go(-1)}><span aria-hidden="true">‹</span></button>
              <button class="nav__button nav__today" @click=${() => this.#go('today')}>${t.today}</button>
              <button class="nav__button" aria-label=${t.nextMonth} title=${t.nextMonth} @click=${() => this.#go(1)}><span aria-hidden="true">›</span></button>
            </div>`}
      </header>
      ${this.#failed.map((url) => html`<p part="note" class="note note--warning" role="note">${t.sourceError(url)}</p>`)}
      ${this.#state === 'loading' ? html`<p part="note" class="note note--loading" role="status">${t.loading}</p>` : nothing}
      ${view === 'month' ? this.#month(t) : this.#list(t)}
      <div class="sr-only" role="status" aria-live="polite">${this.#announcement}</div>
      ${this.#selected ? this.#dialog(this.#selected, t) : nothing}
    </section>`;
  }

  #month(t: CalendarMessages): TemplateResult {
    const weeks = monthWeeks(this.#anchor);
    const month = this.#anchor.slice(0, 7);
    const focus = this.#focusDay.slice(0, 7) === month ? this.#focusDay : `${month}-01`;
    const lang = this.language;
    return html`<table part="grid" class="grid" role="grid" aria-labelledby="title" @keydown=${this.#onGridKey}>
        <thead>
          <tr>
            ${this.weekNumbers ? html`<th scope="col" class="week" abbr=${t.weekNumber}>${t.weekShort}</th>` : nothing}
            ${weeks[0]!.map((day) => html`<th scope="col" abbr=${this.#day(day, { weekday: 'long' })}>${this.#day(day, { weekday: 'short' })}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr>
              ${this.weekNumbers ? html`<th scope="row" class="week"><span class="sr-only">${t.weekNumber} </span>${isoWeek(week[0]!)}</th>` : nothing}
              ${week.map((day) => this.#cell(day, day.slice(0, 7) === month, day === focus, t, lang))}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.#state === 'empty' ? html`<p part="note" class="note">${t.empty}</p>` : nothing}`;
  }

  #cell(day: string, inMonth: boolean, focused: boolean, t: CalendarMessages, lang: Lang): TemplateResult {
    const list = this.#days.get(day) ?? [];
    const shown = list.length > MAX_PER_DAY && day !== this.#expandedDay ? list.slice(0, MAX_PER_DAY - 1) : list;
    const classes = `day${inMonth ? '' : ' day--outside'}${day === this.#today ? ' day--today' : ''}`;
    return html`<td part="day" role="gridcell" class=${classes} data-day=${day} tabindex=${focused ? '0' : '-1'} aria-current=${day === this.#today ? 'date' : nothing} @focus=${() => this.#focusOn(day)}>
      <span class="day__number"><span aria-hidden="true">${Number(day.slice(8))}</span><span class="sr-only">${this.#day(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</span></span>
      ${shown.map(
        (o) => html`<button part="event" class="chip${o.event.allDay || day !== o.firstDay ? ' chip--allday' : ''}" tabindex=${focused ? '0' : '-1'} @click=${(e: Event) => this.#open(o, e.currentTarget as HTMLElement)}>
          <span class=${o.event.allDay ? 'sr-only' : 'chip__time'}>${this.#time(o, day)}</span> <span class="chip__title">${localized(o.event.title, lang)}</span>
        </button>`,
      )}
      ${list.length > shown.length
        ? html`<button class="more" tabindex=${focused ? '0' : '-1'} @click=${() => this.#showDay(day)}>${t.more(list.length - shown.length)}</button>`
        : nothing}
    </td>`;
  }

  #focusOn(day: string): void {
    if (day === this.#focusDay) return;
    this.#focusDay = day;
    this.requestUpdate();
  }

  /** "+ 3 more": the day's cell shows all its events. */
  #showDay(day: string): void {
    this.#expandedDay = day;
    this.#focusDay = day;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-day="${day}"] [part~="event"]:nth-of-type(${MAX_PER_DAY})`)?.focus());
  }

  #list(t: CalendarMessages): TemplateResult {
    const lang = this.language;
    if (this.#state === 'empty') {
      const [from, to] = this.#range;
      const long = { day: 'numeric', month: 'long', year: 'numeric' } as const;
      return html`<p part="note" class="note">${this.#shownView === 'next' ? t.emptyNext : t.emptyList(this.#day(from, long), this.#day(to, long))}</p>`;
    }
    const next = this.#shownView === 'next';
    const days = [...this.#days.keys()].sort();
    const seen = new Set<string>();
    return html`<ol part="list" class="agenda${next ? ' agenda--next' : ''}">
      ${days.map((day) => {
        // The next-events list shows each event once, on its first day in view.
        const items = (this.#days.get(day) ?? []).filter((o) => !next || (!seen.has(o.key) && seen.add(o.key)));
        if (!items.length) return nothing;
        return html`<li class="agenda__day">
          <h3 class="agenda__date"><time datetime=${day}>${this.#day(day, { weekday: 'long', day: 'numeric', month: 'long', ...(next ? { year: 'numeric' } : {}) })}</time></h3>
          <ul class="agenda__events">
            ${items.map(
              (o) => html`<li>
                <button part="event" class="item" @click=${(e: Event) => this.#open(o, e.currentTarget as HTMLElement)}>
                  <span class="item__time">${this.#time(o, day)}</span>
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

  #dialog(o: Occurrence, t: CalendarMessages): TemplateResult {
    const lang = this.language;
    const event = o.event;
    const title = localized(event.title, lang);
    const texts = { title, ...(event.description ? { description: localized(event.description, lang) } : {}) };
    const source = this.#sources.get(o.source)?.state;
    const organizer = this.#organizer(event, source?.status === 'ready' ? source.data : undefined);
    const ics = `data:text/calendar;charset=utf-8,${encodeURIComponent(eventToIcs(event, texts))}`;
    const file = `${event.id.replace(/[^\w-]+/g, '-').slice(0, 60) || 'evenement'}.ics`;
    return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.#closed}>
      <div class="dialog__head">
        <h2 id="dialog-title" class="dialog__title">${title}</h2>
        <button class="dialog__close" aria-label=${t.close} title=${t.close} @click=${(e: Event) => (e.currentTarget as HTMLElement).closest('dialog')?.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="dialog__when"><time datetime=${event.start}>${this.#when(event)}</time></p>
      <dl class="dialog__facts">
        ${event.location ? html`<dt>${t.place}</dt><dd>${event.location}</dd>` : nothing}
        ${organizer ? html`<dt>${t.organizer}</dt><dd>${organizer}</dd>` : nothing}
        ${o.categoryName ? html`<dt>${t.category}</dt><dd>${localized(o.categoryName, lang)}</dd>` : nothing}
      </dl>
      ${texts.description ? html`<p class="dialog__description">${linkified(texts.description)}</p>` : nothing}
      ${event.url ? html`<p><a class="dialog__link" href=${event.url} target="_blank" rel="noopener">${t.eventPage} <span class="sr-only">${t.newTab}</span></a></p>` : nothing}
      <div class="dialog__add" role="group" aria-labelledby="add-title">
        <h3 id="add-title" class="dialog__subtitle">${t.addToCalendar}</h3>
        <a class="add" href=${ics} download=${file}>${t.downloadIcs}</a>
        <a class="add" href=${googleCalendarUrl(event, texts)} target="_blank" rel="noopener">${t.google} <span class="sr-only">${t.newTab}</span></a>
        <a class="add" href=${outlookCalendarUrl(event, texts)} target="_blank" rel="noopener">${t.outlook} <span class="sr-only">${t.newTab}</span></a>
      </div>
    </dialog>`;
  }
}
