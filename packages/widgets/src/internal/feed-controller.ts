import { watchFeed, type FeedParser, type FeedState } from '@fsd/feed';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows a feed for a widget through the shared feed client: subscribes while the widget is connected,
 * follows changes of its URL, and asks for an update at each new state (cached copy, fresh copy, error).
 */
export class FeedController<T> implements ReactiveController {
  state: FeedState<T> = { status: 'loading' };
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

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watched = undefined;
  }

  #follow(): void {
    const url = this.#url();
    if (url === this.#watched) return;
    this.#unwatch?.();
    this.#watched = url;
    let initial = true;
    this.#unwatch = watchFeed(url, this.#parser, (state) => {
      this.state = state;
      if (!initial) this.#host.requestUpdate();
    });
    initial = false;
  }
}
