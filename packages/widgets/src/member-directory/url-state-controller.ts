import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emptyView, readView, urlWithView, type DirectoryView } from './url-state.js';

/** A directory: its `url-state` attribute says where the view is kept (an unknown value counts as `query`). */
export type UrlStateHost = ReactiveControllerHost & { readonly urlState: string };

/**
 * Keeps a directory's view (search, filters, sort, page, open profile) in step with the page's URL: reads it when
 * the directory connects, follows the back and forward buttons while it is connected, and writes each change (a new
 * history entry for a discrete change, the same entry while the visitor types). The host updates at each change.
 */
export class UrlStateController implements ReactiveController {
  /**
   * What the directory shows now (read only for the host: it changes it through {@link change} and
   * {@link dropMember}).
   */
  view: DirectoryView = emptyView();
  readonly #host: UrlStateHost;
  /** The open profile made its own history entry (closing it goes back). */
  #profileEntry = false;
  readonly #onPopState = () => {
    this.view = readView(this.#host.urlState);
    // The view is the controller's, not a property of the host: the host is told.
    this.#host.requestUpdate();
  };

  constructor(host: UrlStateHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const mode = this.#host.urlState;
    this.view = readView(mode);
    if (mode !== 'none') addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPopState);
  }

  /** Changes the view: a new history entry for a discrete change (`push`), the same entry while typing (`replace`). */
  change(changes: Partial<DirectoryView>, how: 'push' | 'replace' = 'push'): void {
    this.view = { ...this.view, ...changes };
    const next = urlWithView(this.#host.urlState, this.view);
    // Unchanged, as with url-state="none": no history entry.
    const written = next.href !== location.href;
    if (written && how === 'push') history.pushState({ fsdDirectory: true }, '', next);
    else if (written) history.replaceState(history.state, '', next);
    if ('member' in changes) this.#profileEntry = Boolean(changes.member) && written && how === 'push';
    // As for the back button: the view is not a property of the host.
    this.#host.requestUpdate();
  }

  /** Leaves the profile out of the view shown, without writing the URL: a member the feed does not have. */
  dropMember(): void {
    this.view = { ...this.view, member: '' };
  }

  /**
   * The profile dialog closed: the list is where it was. When the profile made its own history entry and the page
   * is still on it, that entry is left (`history.back()`), so that the back button does not reopen the profile;
   * otherwise the profile leaves the current entry.
   */
  closeProfile(): void {
    if (this.view.member) {
      if (this.#profileEntry && (history.state as { fsdDirectory?: boolean } | null)?.fsdDirectory) {
        this.view = { ...this.view, member: '' };
        history.back();
      } else {
        this.change({ member: '' }, 'replace');
      }
    }
    this.#profileEntry = false;
    // Even when the view had no profile any more (the back button closed it): the host gives focus back after an
    // update.
    this.#host.requestUpdate();
  }
}
