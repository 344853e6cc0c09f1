import { css } from 'lit';

/**
 * The global design tokens (`--fsd-…`), set on each widget's host so that a page can change them once for all
 * widgets. Colours meet WCAG AA on their own backgrounds in both themes.
 */
const dark = css`
  --_accent: var(--fsd-color-accent, #7cc7f2);
  --_sun: var(--fsd-color-sun, #f59b54);
  --_surface: var(--fsd-color-surface, #14212c);
  --_text: var(--fsd-color-text, #eef3f7);
  --_muted: var(--fsd-color-muted, #b3c1cc);
  --_border: var(--fsd-color-border, #4b5d6b);
  --_focus: var(--fsd-color-focus, #7cc7f2);
  --_danger: var(--fsd-color-danger, #ff9c9c);
  color-scheme: dark;
`;

export const tokens = css`
  /* The host page's styles stop at the shadow root, but inherited ones (font, colour, spacing) go through: reset them. */
  :host {
    all: initial;
    font-family: var(--_font);
    font-size: var(--fsd-font-size, 1rem);
    line-height: 1.4;
    color: var(--_text);
  }
  :host {
    --_accent: var(--fsd-color-accent, #0b5a87);
    --_sun: var(--fsd-color-sun, #e8772e);
    --_surface: var(--fsd-color-surface, #ffffff);
    --_text: var(--fsd-color-text, #16222d);
    --_muted: var(--fsd-color-muted, #50606e);
    --_border: var(--fsd-color-border, #b9c4cd);
    --_focus: var(--fsd-color-focus, #0b5a87);
    --_danger: var(--fsd-color-danger, #a1262b);
    --_font: var(--fsd-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_radius: var(--fsd-radius, 0.5rem);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Read by screen readers, not shown. */
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
