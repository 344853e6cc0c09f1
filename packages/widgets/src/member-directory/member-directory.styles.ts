import { css } from 'lit';
import { tokens } from '@frenchsouth-digital/shared';

export const styles = [
  tokens,
  css`
    :host {
      --_dir-bg: var(--fsd-directory-background, var(--_surface));
      --_dir-fg: var(--fsd-directory-color, var(--_text));
      --_dir-accent: var(--fsd-directory-accent, var(--_accent));
      --_dir-border: var(--fsd-directory-border-color, var(--_border));
      --_dir-radius: var(--fsd-directory-radius, var(--_radius));
      --_card-bg: var(--fsd-directory-card-background, var(--_dir-bg));
      display: block;
      container: fsd-directory / inline-size;
      /* A flex item takes the room (its size containment would make it as narrow as nothing), never less than 280 px
         that its container has. */
      flex: 1 1 auto;
      min-inline-size: min(100%, 17.5rem);
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .dir {
      color: var(--_dir-fg);
      background: var(--_dir-bg);
      padding: 0.75em;
      border-radius: var(--_dir-radius);
    }
    p {
      margin: 0;
    }
    label {
      font-size: 0.875em;
      font-weight: 600;
    }
    input,
    select,
    button {
      font: inherit;
      color: inherit;
    }
    .button {
      min-block-size: 2.5em;
      padding: 0.35em 0.9em;
      border: 1px solid var(--_dir-border);
      border-radius: var(--_dir-radius);
      background: var(--_dir-bg);
      color: var(--_dir-fg);
      cursor: pointer;
    }
    .button:hover:not(:disabled) {
      border-color: var(--_dir-accent);
    }
    .button:disabled {
      cursor: default;
      opacity: 0.6;
    }
    .link-button {
      padding: 0.2em 0;
      border: 0;
      background: none;
      color: var(--_dir-accent);
      text-decoration: underline;
      cursor: pointer;
    }

    /* Search, sort and export: one row when there is room, stacked in a narrow column. */
    .dir__bar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.6em 0.9em;
      margin-block-end: 0.9em;
    }
    .dir__search {
      flex: 1 1 16em;
      display: flex;
      flex-direction: column;
      gap: 0.25em;
    }
    .dir__sort {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
    }
    input[type='search'],
    select {
      min-block-size: 2.5em;
      padding: 0.35em 0.6em;
      border: 1px solid var(--_dir-border);
      border-radius: var(--_dir-radius);
      background: var(--_dir-bg);
      inline-size: 100%;
    }
    input[type='search'] {
      font-size: 1.05em;
    }

    /* Filters beside the results when wide; behind a button in a narrow column. */
    .dir__body {
      display: grid;
      grid-template-columns: minmax(11em, 15em) 1fr;
      gap: 1.2em;
      align-items: start;
    }
    .dir__filters-toggle {
      display: none;
    }
    .dir__filters {
      display: flex;
      flex-direction: column;
      gap: 0.9em;
      min-inline-size: 0;
    }
    .facet {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    .facet__title {
      padding: 0;
      margin-block-end: 0.3em;
      font-weight: 700;
      font-size: 0.9em;
    }
    .facet__values {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .facet__value {
      display: flex;
      align-items: baseline;
      gap: 0.45em;
      padding-block: 0.15em;
      font-weight: 400;
      cursor: pointer;
    }
    .facet__value input {
      margin: 0;
      flex: none;
      accent-color: var(--_dir-accent);
      inline-size: 1.05em;
      block-size: 1.05em;
      align-self: center;
    }
    .facet__label {
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .facet__count {
      margin-inline-start: auto;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .dir__clear {
      align-self: start;
    }

    .dir__results {
      min-inline-size: 0;
    }
    .dir__source {
      display: flex;
      align-items: center;
      gap: 0.5em;
      margin: 1em 0 0;
      font-size: 0.875em;
    }
    .dir__source svg {
      flex: none;
      width: 1.75em;
      height: 1.75em;
    }
    .dir__count {
      font-weight: 700;
      margin-block-end: 0.6em;
    }
    .dir__count:focus {
      outline: none;
    }
    .dir__count:focus-visible {
      outline: 3px solid var(--_focus);
    }
    .dir__list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
      gap: 0.75em;
    }

    /* A card: the whole card opens the profile, through the name's button stretched over it. */
    .card {
      position: relative;
      display: grid;
      grid-template-columns: 3em 1fr;
      grid-template-rows: auto auto 1fr;
      align-content: start;
      column-gap: 0.75em;
      row-gap: 0.1em;
      block-size: 9.25em;
      padding: 0.75em;
      border: 1px solid var(--_dir-border);
      border-radius: var(--_dir-radius);
      background: var(--_card-bg);
      overflow: hidden;
    }
    .card:hover {
      border-color: var(--_dir-accent);
    }
    .card__logo {
      grid-row: 1 / 3;
      inline-size: 3em;
      block-size: 3em;
      border-radius: calc(var(--_dir-radius) * 0.75);
      object-fit: contain;
      background: var(--_surface);
    }
    .logo--initials {
      display: grid;
      place-items: center;
      background: var(--_dir-accent);
      color: var(--_dir-bg);
      font-weight: 700;
      letter-spacing: 0.03em;
    }
    .card__name {
      margin: 0;
      font-size: 1.02em;
      line-height: 1.25;
      align-self: end;
    }
    .card__open {
      display: block;
      max-inline-size: 100%;
      padding: 0;
      border: 0;
      background: none;
      font-weight: 700;
      text-align: start;
      color: var(--_dir-accent);
      cursor: pointer;
    }
    /* Two lines before the name is cut (on a span: WebKit clamps no button); the button's name is the whole name. */
    .card__label {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    .card__open::after {
      content: '';
      position: absolute;
      inset: 0;
      border-radius: var(--_dir-radius);
    }
    .card__open:focus-visible {
      outline: none;
    }
    .card__open:focus-visible::after {
      outline: 3px solid var(--_focus);
      outline-offset: -3px;
    }
    .card__meta {
      font-size: 0.85em;
      color: var(--_muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .card__desc {
      grid-column: 1 / -1;
      align-self: start;
      margin-block-start: 0.35em;
      font-size: 0.9em;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      line-clamp: 3;
      overflow: hidden;
    }
    .card--skeleton .card__line {
      grid-column: 2;
      block-size: 0.9em;
      border-radius: 0.3em;
      background: var(--_dir-border);
      opacity: 0.5;
    }
    .card--skeleton .card__line--short {
      inline-size: 60%;
    }
    .card--skeleton .card__logo {
      background: var(--_dir-border);
      opacity: 0.5;
    }
    @media (prefers-reduced-motion: no-preference) {
      .card--skeleton {
        animation: fsd-pulse 1.2s ease-in-out infinite alternate;
      }
    }
    @keyframes fsd-pulse {
      to {
        opacity: 0.55;
      }
    }

    .dir__pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 0.6em;
      margin-block-start: 1em;
    }
    .dir__empty,
    .dir__message {
      display: flex;
      flex-direction: column;
      align-items: start;
      gap: 0.5em;
      padding: 1em;
      border: 1px dashed var(--_dir-border);
      border-radius: var(--_dir-radius);
    }
    .dir__message-title {
      font-weight: 700;
    }
    .dir--error .dir__message-title {
      color: var(--_danger);
    }

    /* The profile. */
    .profile {
      inline-size: min(36em, calc(100vw - 2em));
      max-block-size: calc(100dvh - 2em);
      padding: 1.2em;
      border: 1px solid var(--_dir-border);
      border-radius: var(--_dir-radius);
      background: var(--_dir-bg);
      color: var(--_dir-fg);
      font-family: var(--_font);
      line-height: 1.45;
    }
    .profile::backdrop {
      background: rgb(10 20 30 / 0.55);
    }
    .profile__head {
      display: flex;
      align-items: center;
      gap: 0.8em;
      margin-block-end: 0.8em;
    }
    .profile__logo {
      inline-size: 3.5em;
      block-size: 3.5em;
      flex: none;
      border-radius: calc(var(--_dir-radius) * 0.75);
      object-fit: contain;
    }
    .profile__name {
      margin: 0;
      font-size: 1.35em;
      line-height: 1.2;
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .profile__close {
      margin-inline-start: auto;
      flex: none;
    }
    .profile__facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.3em 1em;
      margin: 1em 0;
    }
    .profile__facts dt {
      font-weight: 700;
    }
    .profile__facts dd {
      margin: 0;
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .profile__links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1.2em;
    }
    a {
      color: var(--_dir-accent);
    }

    /* Article columns, sidebars, phones. */
    @container fsd-directory (max-width: 40rem) {
      .dir__body {
        grid-template-columns: 1fr;
      }
      .dir__filters-toggle {
        display: inline-block;
        justify-self: start;
      }
      .dir__filters:not(.is-open) {
        display: none;
      }
      .dir__filters {
        padding: 0.75em;
        border: 1px solid var(--_dir-border);
        border-radius: var(--_dir-radius);
      }
    }
    @container fsd-directory (max-width: 24rem) {
      .dir {
        padding: 0.5em;
      }
      .dir__sort,
      .dir__export {
        flex: 1 1 100%;
      }
      .dir__list {
        grid-template-columns: 1fr;
      }
      .card {
        block-size: auto;
        min-block-size: 8em;
      }
      .profile__facts {
        grid-template-columns: 1fr;
      }
      .profile__facts dd {
        margin-block-end: 0.4em;
      }
    }
    @media (forced-colors: active) {
      .card,
      .button,
      .profile {
        border-color: CanvasText;
      }
      .logo--initials {
        border: 1px solid CanvasText;
      }
    }
  `,
];
