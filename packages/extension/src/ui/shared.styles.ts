import { css } from 'lit';

/** What the popup and the options page share, on top of the widgets' tokens (light and dark, focus, fonts). */
export const pageStyles = css`
  :host {
    display: block;
    background: var(--_surface);
    color: var(--_text);
  }
  h1,
  h2,
  h3,
  p,
  ul,
  dl,
  dd {
    margin: 0;
  }
  a {
    color: var(--_accent);
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    padding: 0.35rem 0.7rem;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_surface);
  }
  input,
  select {
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.35rem 0.5rem;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .mark {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
  }
  .mark svg {
    inline-size: 1.6rem;
    block-size: 1.6rem;
  }
`;


