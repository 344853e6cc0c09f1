import { css } from 'lit';
import { tokens } from '@frenchsouth-digital/shared';

export const styles = [
  tokens,
  css`
    :host {
      --_cal-bg: var(--fsd-calendar-background, var(--_surface));
      --_cal-fg: var(--fsd-calendar-color, var(--_text));
      --_cal-accent: var(--fsd-calendar-accent, var(--_accent));
      --_cal-border: var(--fsd-calendar-border-color, var(--_border));
      --_cal-radius: var(--fsd-calendar-radius, var(--_radius));
      --_cal-event-bg: var(--fsd-calendar-event-background, color-mix(in srgb, var(--_cal-accent) 12%, var(--_cal-bg)));
      display: block;
      /* A flex item takes the room, never less than 280 px that its container has (see the directory). */
      flex: 1 1 auto;
      min-inline-size: min(100%, 17.5rem);
      max-inline-size: 100%;
      contain: layout paint style;
    }
    .calendar {
      container: calendar / inline-size;
      box-sizing: border-box;
      padding: 0.75em;
      border: 1px solid var(--_cal-border);
      border-radius: var(--_cal-radius);
      background: var(--_cal-bg);
      color: var(--_cal-fg);
      min-block-size: 8em;
    }
    button,
    a {
      font: inherit;
      color: inherit;
    }
    button {
      cursor: pointer;
    }
    a {
      color: var(--_cal-accent);
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
      margin-block-end: 0.6em;
    }
    .title {
      margin: 0;
      font-size: 1.15em;
      line-height: 1.3;
    }
    .nav {
      display: flex;
      gap: 0.25em;
    }
    .nav__button {
      min-inline-size: 2.5em;
      min-block-size: 2.25em;
      padding: 0.2em 0.6em;
      border: 1px solid var(--_cal-border);
      border-radius: var(--_cal-radius);
      background: var(--_cal-bg);
      font-size: 0.95em;
    }
    .nav__button:hover {
      border-color: var(--_cal-accent);
    }
    .source {
      display: flex;
      align-items: center;
      gap: 0.5em;
      margin: 0.75em 0 0;
      font-size: 0.875em;
    }
    .source svg {
      flex: none;
      width: 1.75em;
      height: 1.75em;
    }
    .note {
      margin: 0.5em 0;
      color: var(--_muted);
    }
    .note--warning,
    .note--error {
      color: var(--_danger);
    }
    .calendar--error {
      min-block-size: 0;
    }
    .grid {
      inline-size: 100%;
      border-collapse: collapse;
      table-layout: fixed;
    }
    .grid th {
      padding: 0.25em;
      font-size: 0.8em;
      font-weight: 600;
      color: var(--_muted);
      text-align: start;
      text-transform: capitalize;
    }
    .grid .week {
      inline-size: 2.4em;
      font-size: 0.75em;
      font-weight: 400;
      color: var(--_muted);
      text-align: center;
      vertical-align: top;
      padding-block-start: 0.45em;
    }
    .day {
      vertical-align: top;
      block-size: 5.5em;
      padding: 0.2em;
      border: 1px solid var(--_cal-border);
    }
    .day:focus-visible {
      outline-offset: -3px;
    }
    .day__number {
      display: block;
      font-size: 0.85em;
      margin-block-end: 0.15em;
    }
    .day--outside .day__number {
      color: var(--_muted);
    }
    .day--outside {
      background: color-mix(in srgb, var(--_cal-fg) 4%, var(--_cal-bg));
    }
    .day--today .day__number {
      display: inline-block;
      min-inline-size: 1.6em;
      border-radius: 999px;
      background: var(--_cal-accent);
      color: var(--_cal-bg);
      text-align: center;
      font-weight: 700;
    }
    .chip,
    .more {
      display: block;
      inline-size: 100%;
      margin-block-end: 0.15em;
      padding: 0.1em 0.3em;
      border: 0;
      border-inline-start: 3px solid var(--_cal-accent);
      border-radius: 0.25em;
      background: var(--_cal-event-bg);
      font-size: 0.78em;
      line-height: 1.3;
      text-align: start;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    /* The time on its line, then two lines of title before it is cut: clamped on a span, since WebKit clamps no
       button. */
    .chip__text {
      display: block;
    }
    .chip__title {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
    }
    .chip--allday {
      border-inline-start-style: double;
    }
    /* An event of several days: one bar on one line across the days it covers in the week (the cell's padding and
       border between days, in the chip's em: 0.4em of the cell at 0.78em), over the lanes the other cells keep. */
    .chip--span {
      position: relative;
      z-index: 1;
      inline-size: calc(var(--span) * (100% + 0.513em + 1px) - 0.513em - 1px);
    }
    .chip--span .chip__text {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .chip--span .chip__title,
    .chip--span .chip__time {
      display: inline;
    }
    [data-span='1'] { --span: 1; }
    [data-span='2'] { --span: 2; }
    [data-span='3'] { --span: 3; }
    [data-span='4'] { --span: 4; }
    [data-span='5'] { --span: 5; }
    [data-span='6'] { --span: 6; }
    [data-span='7'] { --span: 7; }
    .chip--continued {
      border-start-start-radius: 0;
      border-end-start-radius: 0;
    }
    .lane {
      display: block;
      font-size: 0.78em;
      line-height: 1.3;
      padding-block: 0.1em;
      margin-block-end: 0.15em;
    }
    .lane::before {
      content: '\\200b';
    }
    .chip__time {
      display: block;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .more {
      border: 0;
      background: none;
      text-decoration: underline;
    }
    .agenda,
    .agenda__events {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .agenda__day + .agenda__day {
      margin-block-start: 0.75em;
    }
    .agenda__date {
      margin: 0 0 0.3em;
      font-size: 0.95em;
      color: var(--_cal-accent);
    }
    .agenda__date::first-letter {
      text-transform: uppercase;
    }
    .item {
      display: grid;
      grid-template-columns: 6.5em minmax(0, 1fr);
      gap: 0 0.6em;
      overflow-wrap: break-word;
      inline-size: 100%;
      padding: 0.4em 0.5em;
      border: 0;
      border-inline-start: 3px solid var(--_cal-accent);
      border-radius: 0.25em;
      background: var(--_cal-event-bg);
      text-align: start;
      margin-block-end: 0.3em;
    }
    .item__time {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .item__title {
      font-weight: 600;
    }
    .item__place {
      grid-column: 2;
      font-size: 0.9em;
      color: var(--_muted);
    }
    .chip:hover,
    .item:hover {
      background: color-mix(in srgb, var(--_cal-accent) 22%, var(--_cal-bg));
    }
    @container calendar (max-width: 34em) {
      .day {
        block-size: 3.2em;
      }
      /* Each event becomes a mark; its text stays for screen readers. */
      .chip {
        position: relative;
        block-size: 0.6em;
        padding: 0;
      }
      .lane {
        block-size: 0.6em;
        padding: 0;
      }
      .lane::before {
        content: none;
      }
      .chip > span {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .item {
        grid-template-columns: 1fr;
      }
      .item__place {
        grid-column: 1;
      }
    }
    @media (forced-colors: active) {
      .chip,
      .item,
      .day--today .day__number {
        border: 1px solid CanvasText;
      }
    }
  `,
];
