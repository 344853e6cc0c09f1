import { css } from 'lit';

export const popupStyles = css`
  :host {
    inline-size: 22rem;
    max-inline-size: 100%;
    padding: 0.8rem 1rem 1rem;
    box-sizing: border-box;
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    margin-block-end: 0.8rem;
  }
  .card {
    display: grid;
    gap: 0.5rem;
  }
  .card__top {
    display: flex;
    gap: 0.7rem;
    align-items: center;
  }
  .logo {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 3rem;
    block-size: 3rem;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_surface);
    font-weight: 700;
    font-size: 1.2rem;
  }
  img.logo {
    object-fit: contain;
    background: #ffffff;
    border: 1px solid var(--_border);
  }
  h1 {
    font-size: 1.25rem;
    line-height: 1.2;
  }
  h1.site {
    font-size: 1rem;
    font-weight: 400;
    color: var(--_muted);
  }
  .member-of {
    color: var(--_accent);
    font-weight: 600;
  }
  dl {
    display: grid;
    gap: 0.2rem;
  }
  dl div {
    display: flex;
    gap: 0.4rem;
  }
  dt {
    color: var(--_muted);
    flex: none;
  }
  dt::after {
    content: ' :';
  }
  :host([lang='en']) dt::after {
    content: ':';
  }
  .events h2 {
    font-size: 1rem;
    margin-block: 0.4rem 0.3rem;
  }
  .events ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .events li {
    display: grid;
  }
  .events time {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .annotate {
    margin-block-start: 0.9rem;
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.7rem;
  }
  .annotate button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_surface);
  }
  .notice:empty,
  .count:empty {
    display: none;
  }
  .search {
    display: grid;
    gap: 0.4rem;
    margin-block-start: 0.9rem;
  }
  .search label {
    font-weight: 600;
  }
  .results {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.4rem;
    max-block-size: 18rem;
    overflow-y: auto;
  }
  .results li {
    display: grid;
  }
  .results .muted {
    font-size: 0.85rem;
  }
`;
