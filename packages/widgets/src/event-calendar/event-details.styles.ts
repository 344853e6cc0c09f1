import { css } from 'lit';

/**
 * The event dialog's styles: in its on-demand chunk with its code, adopted by the calendar's shadow root when the chunk
 * arrives (`FsdEventCalendar`), so that the calendar's first paint does not pay for them. Custom properties are the
 * calendar's (event-calendar.styles.ts).
 */
export const detailsStyles = css`
  /* The surface of the dialog and of a day's popover. */
  .dialog,
  .popover {
    box-sizing: border-box;
    border: 1px solid var(--_cal-border);
    border-radius: var(--_cal-radius);
    background: var(--_cal-bg);
    color: var(--_cal-fg);
    font-family: var(--_font);
  }
  .dialog {
    inline-size: min(34em, calc(100vw - 2em));
    max-block-size: calc(100vh - 2em);
    padding: 1.1em 1.25em;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  .dialog__head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 1em;
  }
  .dialog__title {
    margin: 0;
    font-size: 1.2em;
  }
  .dialog__close {
    flex: none;
    inline-size: 2.25em;
    block-size: 2.25em;
    border: 1px solid var(--_cal-border);
    border-radius: 999px;
    background: var(--_cal-bg);
    font-size: 1.1em;
    line-height: 1;
  }
  .dialog__when {
    font-weight: 600;
  }
  .dialog__facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.2em 0.8em;
    margin: 0.5em 0;
  }
  .dialog__facts dt {
    color: var(--_muted);
  }
  .dialog__facts dd {
    margin: 0;
  }
  .dialog__description {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .dialog__subtitle {
    margin: 0.8em 0 0.4em;
    font-size: 0.95em;
  }
  .dialog__add {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .dialog__add .dialog__subtitle {
    flex-basis: 100%;
  }
  .add {
    display: inline-block;
    padding: 0.35em 0.7em;
    border: 1px solid var(--_cal-accent);
    border-radius: var(--_cal-radius);
    text-decoration: none;
  }
  .add:hover {
    background: var(--_cal-event-bg);
  }
  /* A busy day's events ("+ 3 autres"), over its cell: placed by openDay (event-details.ts). */
  .popover {
    position: fixed;
    inset: auto;
    margin: 0;
    inline-size: min(20em, calc(100vw - 16px));
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    padding: 0.75em 0.9em;
    box-shadow: 0 0.4em 1.2em rgb(0 0 0 / 25%);
  }
  .popover__title {
    margin: 0;
    font-size: 1em;
  }
  .popover__events {
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
  }
  /* The time above the title: the popover is narrow. */
  .popover .item {
    grid-template-columns: minmax(0, 1fr);
  }
  /* "S'abonner" (subscribeMenu in event-details.ts). */
  .subscribe {
    position: relative;
  }
  .subscribe__toggle {
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
    cursor: pointer;
    list-style: none;
  }
  .subscribe__toggle::-webkit-details-marker {
    display: none;
  }
  .subscribe__toggle::after {
    content: '▾';
    margin-inline-start: 0.3em;
  }
  .subscribe__menu {
    position: absolute;
    inset-inline-end: 0;
    z-index: 1;
    inline-size: max-content;
    max-inline-size: min(20em, 90vw);
    margin: 0.25em 0 0;
    padding: 0.4em 0;
    border: 1px solid var(--_cal-border);
    border-radius: var(--_cal-radius);
    background: var(--_cal-bg);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
    list-style: none;
  }
  .subscribe__menu a {
    display: block;
    padding: 0.35em 0.8em;
    color: var(--_cal-accent);
  }
`;
