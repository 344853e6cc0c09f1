import { watchFeed, type FeedParser, type FeedState } from '@frenchsouth-digital/feed';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows a feed for a widget through the shared feed client: subscribes while the widget is connected,
 * follows changes of its URL, and asks for an update at each new state (cached copy, fresh copy, error).
 *
 * Reading `state` first follows the current URL, so a widget that derives its view in `willUpdate` (which Lit runs
 * before controllers' `hostUpdate`) never works from the previous feed when its `src` has just changed.
 */
export class FeedController<T> implements ReactiveController {
  #state: FeedState<T> = { status: 'loading' };
  #connected = false;
  readonly #host: ReactiveControllerHost;
  readonly #parser: FeedParser<T>;
  readonly #url: () => string;
  #watched: string | undefined;
  #unwatch: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, parser: FeedParser<T>, url: () => string) {
    this.#host = host;
    this.#parser = parser;
    this.#url = url;
    host.addController(this);
  }

  /** The feed as the shared client holds it now, for the widget's current URL. */
  get state(): FeedState<T> {
    if (this.#connected) this.#follow();
    return this.#state;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watched = undefined;
  }

  #follow(): void {
    const url = this.#url();
    if (url === this.#watched) return;
    this.#unwatch?.();
    this.#watched = url;
    this.#state = { status: 'loading' };
    let initial = true;
    this.#unwatch = watchFeed(url, this.#parser, (state) => {
      this.#state = state;
      if (!initial) this.#host.requestUpdate();
    });
    initial = false;
  }
}
