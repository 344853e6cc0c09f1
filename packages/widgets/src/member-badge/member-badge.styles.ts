import { css } from 'lit';
import { tokens } from '@frenchsouth-digital/shared';

export const styles = [
  tokens,
  css`
    :host {
      --_badge-bg: var(--fsd-badge-background, var(--_surface));
      --_badge-fg: var(--fsd-badge-color, var(--_text));
      --_badge-accent: var(--fsd-badge-accent, var(--_accent));
      --_badge-border: var(--fsd-badge-border-color, var(--_border));
      --_badge-radius: var(--fsd-badge-radius, var(--_radius));
      display: inline-block;
      vertical-align: middle;
      max-inline-size: 100%;
      contain: layout paint style;
    }
    .badge {
      position: relative;
      box-sizing: border-box;
      display: inline-flex;
      /* In a narrow box the tag and the check go to a line of their own, then "Membre de" and the name take two. */
      flex-wrap: wrap;
      align-items: center;
      gap: 0.3em 0.6em;
      max-inline-size: 100%;
      min-block-size: 3.6em;
      min-inline-size: min(15em, 100%);
      padding: 0.45em 0.8em 0.45em 0.55em;
      border: 1px solid var(--_badge-border);
      border-radius: var(--_badge-radius);
      background: var(--_badge-bg);
      color: var(--_badge-fg);
      font-size: 0.875em;
      text-decoration: none;
      margin: 0;
    }
    .badge--compact {
      min-block-size: 2.2em;
      min-inline-size: 0;
      padding: 0.25em 0.6em 0.25em 0.35em;
      gap: 0.4em;
      font-size: 0.8em;
      border-radius: 999px;
    }
    a.badge {
      cursor: pointer;
    }
    a.badge:hover {
      border-color: var(--_badge-accent);
      box-shadow: 0 0 0 1px var(--_badge-accent);
    }
    .badge__mark {
      display: inline-flex;
      flex: none;
      inline-size: 2.2em;
      block-size: 2.2em;
    }
    .badge--compact .badge__mark {
      inline-size: 1.6em;
      block-size: 1.6em;
    }
    .badge__mark svg {
      inline-size: 100%;
      block-size: 100%;
    }
    .badge__text {
      display: flex;
      /* From zero, so that the tag and the check leave the line only when even the text's narrowest form needs it. */
      flex: 1 1 0;
      flex-direction: column;
    }
    .badge__name {
      white-space: nowrap;
      font-weight: 700;
      color: var(--_badge-accent);
    }
    .badge__detail {
      font-size: 0.85em;
      color: var(--_muted);
    }
    .badge__status {
      display: inline-flex;
      flex: none;
      margin-inline-start: auto;
      color: var(--_badge-accent);
    }
    .badge__tag {
      flex: none;
      padding: 0.05em 0.45em;
      border: 1px dashed currentColor;
      border-radius: 0.3em;
      font-size: 0.75em;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .badge--loading .badge__mark,
    .badge--invalid .badge__mark {
      filter: grayscale(1);
      opacity: 0.55;
    }
    .badge--loading .badge__name,
    .badge--invalid .badge__name {
      color: var(--_muted);
    }
    .badge--invalid {
      border-style: dashed;
    }
    .badge--invalid .badge__status {
      color: var(--_danger);
    }
    .badge--invalid .badge__eyebrow {
      font-weight: 700;
      color: var(--_badge-fg);
    }
    @media (prefers-reduced-motion: no-preference) {
      .badge--loading .badge__mark {
        animation: fsd-pulse 1.2s ease-in-out infinite alternate;
      }
      a.badge {
        transition: box-shadow 0.15s, border-color 0.15s;
      }
    }
    @keyframes fsd-pulse {
      to {
        opacity: 0.25;
      }
    }
    @media (forced-colors: active) {
      .badge {
        border-color: CanvasText;
      }
      a.badge {
        border-color: LinkText;
      }
    }
  `,
];
