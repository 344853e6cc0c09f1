export type DirectoryState = 'loading' | 'ready' | 'empty' | 'error';

export interface FsdDirectoryStateDetail {
  /** `ready` (results shown), `empty` (no member matches) or `error` (the feed could not be used); never `loading`. */
  state: Exclude<DirectoryState, 'loading'>;
  /** How many members match the current search and filters. */
  count: number;
}

/** Fired by `<fsd-member-directory>` when its state settles or changes (e.g. from results to no result). */
export type FsdDirectoryStateEvent = CustomEvent<FsdDirectoryStateDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'fsd-directory-state': FsdDirectoryStateEvent;
  }
}
