/**
 * The calendar's sources: one feed followed per URL of `src`, and the iCalendar reader (a chunk of its own) loaded once
 * an `.ics` source needs it. Gives, for a range of instants, each source's events, the sources that failed, and
 * whether any is still on its way.
 *
 * The reader loads as a task in the manner of Lit's `Task`: pending while `#loading` holds its `AbortController`,
 * complete once `#reader` is set, in error while `#failed`. It runs only when an `.ics` source is read and no load is
 * on its way; it is aborted (what it brings dropped) when the host disconnects, to run again once it is back, or when
 * no `.ics` source is left. After a failure the next update tries again, but not the update that shows the failure.
 */
import { DEFAULT_EVENT_FEED_URL, calendarSourceParser, isClusterSigned, type CalendarEvent, type CalendarSource, type EventSubscriptions, type LocalizedText } from '@frenchsouth-digital/feed';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedController } from '../internal/feed-controller.js';
import { chunks } from './chunks.js';

type IcsModule = Awaited<ReturnType<typeof chunks.ics>>;
type IcsExpansion = ReturnType<IcsModule['expandIcs']>;

const DAY_MS = 86_400_000;

/** The events one source gives for a range. */
export interface SourceEvents {
  url: string;
  /** The source's place among the calendar's sources (first followed first). */
  index: number;
  events: CalendarEvent[];
  /** A JSON feed's category names, by id; none for an iCalendar source, whose categories are their own names. */
  names?: Map<string, LocalizedText>;
  /** The calendars a JSON feed names for subscriptions. */
  subscriptions?: EventSubscriptions;
  /** When the cluster signed this source (a JSON feed signed by one of its keys); absent otherwise. */
  signedAt?: string;
  /** How many of its entries (events, categories, iCalendar parts) could not be read: left out, named in the console. */
  leftOut: number;
  /** An iCalendar source over its budget for the range: only part of its events is given (why, in the console). */
  partial?: boolean;
}

export interface SourcesRead {
  /** A source is still loading, or waits for the reader. */
  loading: boolean;
  /** The URLs of the sources that failed (the reader's failure counts for every `.ics` source). */
  failed: string[];
  /** The events of each source read. */
  sources: SourceEvents[];
}

/** The source URLs of a `src` attribute: separated by spaces, each once, the cluster's feed when there is none. */
export function sourceUrls(src: string): string[] {
  return [...new Set((src || DEFAULT_EVENT_FEED_URL).split(/\s+/).filter(Boolean))];
}

export class CalendarSources implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #src: () => string;
  readonly #report: (message: string) => void;
  readonly #feeds = new Map<string, FeedController<CalendarSource>>();

  /** The reader, once loaded. */
  #reader: IcsModule | undefined;
  /** The load on its way, if one is. */
  #loading: AbortController | undefined;
  /** The last load failed: `.ics` sources count as failed until a later one succeeds. */
  #failed = false;
  /** The update that shows a failure does not load again (else a reader that keeps failing would loop). */
  #justFailed = false;
  /** A load stopped by a disconnection, or not started while disconnected: run once connected again. */
  #stopped = false;
  #connected = false;

  /** `src` is read at each update: the feeds follow its URLs. */
  constructor(host: ReactiveControllerHost, src: () => string, report: (message: string) => void) {
    this.#host = host;
    this.#src = src;
    this.#report = report;
    host.addController(this);
  }

  /** A source as read now, if it is. */
  source(url: string): CalendarSource | undefined {
    const state = this.#feeds.get(url)?.state;
    return state?.status === 'ready' ? state.data : undefined;
  }

  /**
   * What the sources give for the instants from `from` to `to`, read once per update from the host's `willUpdate`
   * (which Lit runs before controllers' `hostUpdate`): the feeds first follow the current `src`.
   */
  read(from: number, to: number, zone: string): SourcesRead {
    this.follow();
    let loading = false;
    let ics = false;
    const failed: string[] = [];
    const sources: SourceEvents[] = [];
    let index = 0;
    for (const [url, feed] of this.#feeds) {
      const state = feed.state;
      const at = index++;
      if (state.status === 'loading') loading = true;
      if (state.status === 'error') failed.push(url);
      if (state.status !== 'ready') continue;
      const data = state.data;
      if (data.format === 'json') {
        const names = new Map(data.feed.categories.map((c) => [c.id, c.name]));
        const signedAt = isClusterSigned(state.signature) ? state.signature.signedAt : undefined;
        sources.push({ url, index: at, events: data.feed.events, leftOut: state.issues.length, names, ...(data.feed.subscriptions && { subscriptions: data.feed.subscriptions }), ...(signedAt && { signedAt }) });
        continue;
      }
      ics = true;
      const expansion = this.#expand(data, url, from, to, zone);
      if (expansion === 'failed') failed.push(url);
      else if (expansion) {
        sources.push({ url, index: at, events: expansion.events, leftOut: data.leftOut, partial: !!expansion.exceeded });
      } else loading = true;
    }
    // No `.ics` source read (any more): the reader is not needed; a source still loading that turns out to be one
    // loads it again (the chunk, once fetched, comes at once).
    if (!ics) this.#stop();
    // The update that shows a failure is this one: the next loads again.
    this.#justFailed = false;
    return { loading, failed, sources };
  }

  hostConnected(): void {
    this.#connected = true;
    // A load stopped (or not started) while disconnected runs at the next update; no property of the host changed.
    if (this.#stopped) this.#host.requestUpdate();
    this.#stopped = false;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stopped = !!this.#loading;
    this.#stop();
  }

  /**
   * One feed per URL of `src`: the feeds of URLs gone are dropped, those of new URLs added (each asks for its
   * offline copy and the network at once). {@link read} does it too; the host calls it first in an update, so that
   * the requests go out before the update's own work (a page's first Intl formatter takes tens of ms).
   */
  follow(): void {
    const urls = sourceUrls(this.#src());
    for (const [url, feed] of this.#feeds) {
      if (urls.includes(url)) continue;
      feed.hostDisconnected();
      this.#host.removeController(feed);
      this.#feeds.delete(url);
    }
    for (const url of urls) if (!this.#feeds.has(url)) this.#feeds.set(url, new FeedController(this.#host, calendarSourceParser, () => url));
  }

  /**
   * The events of an iCalendar source in the range, once the reader has loaded and the expansion is done (each
   * source's last range kept; a long expansion runs in slices, and the host updates once it is done); `undefined`
   * until then, `'failed'` if the reader could not load (loaded again at the next update, the failure still shown
   * meanwhile).
   */
  #expand(data: CalendarSource & { format: 'ics' }, url: string, from: number, to: number, zone: string): IcsExpansion | 'failed' | undefined {
    if (!this.#reader) {
      this.#load();
      return this.#failed ? 'failed' : undefined;
    }
    // The reader keeps each calendar's last expansion: the same range and zone give the same events at once. It
    // never throws: a calendar it could not expand gives no events, and the console says why.
    return this.#reader.expandIcsSoon(data, from - DAY_MS, to + DAY_MS, zone, () => this.#host.requestUpdate(), url);
  }

  /** Loads the reader, unless it is loading, or its failure is being shown; each outcome asks the host to update. */
  #load(): void {
    if (this.#loading || this.#justFailed) return;
    // Out of the page (an update may still run there), the reader waits until the calendar is back.
    if (!this.#connected) {
      this.#stopped = true;
      return;
    }
    const { signal } = (this.#loading = new AbortController());
    // Once loaded or failed, the host updates to show it: no property of the host changed.
    chunks.ics().then(
      (module) => {
        if (signal.aborted) return;
        this.#loading = undefined;
        this.#reader = module;
        this.#failed = false;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (signal.aborted) return;
        if (!this.#failed) this.#report(`the iCalendar reader could not load (${String(error)}); the .ics sources are not shown`);
        this.#loading = undefined;
        this.#failed = this.#justFailed = true;
        this.#host.requestUpdate();
      },
    );
  }

  /** Stops the load on its way, if one is: what it brings is dropped. */
  #stop(): void {
    this.#loading?.abort();
    this.#loading = undefined;
  }
}
