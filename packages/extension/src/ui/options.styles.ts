import { css } from 'lit';

export const optionsStyles = css`
  :host {
    max-inline-size: 44rem;
    margin-inline: auto;
    padding: 1.5rem;
  }
  header {
    display: grid;
    gap: 0.5rem;
    margin-block-end: 1rem;
  }
  h1 {
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.2rem;
    margin-block-end: 0.3rem;
  }
  h3 {
    font-size: 1rem;
    margin-block: 0.8rem 0.3rem;
  }
  section {
    border-block-start: 1px solid var(--_border);
    padding-block: 1rem;
  }
  .registries,
  .sites {
    list-style: none;
    padding: 0;
    margin-block: 0.7rem;
    display: grid;
    gap: 0.7rem;
  }
  .registries li,
  .sites li {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    align-items: start;
  }
  .url {
    font-family: ui-monospace, monospace;
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }
  .ok {
    color: var(--_accent);
  }
  form {
    margin-block-start: 1rem;
    display: grid;
    gap: 0.3rem;
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  .row input {
    flex: 1;
  }
  textarea {
    font-family: ui-monospace, monospace;
    font-size: 0.85rem;
    resize: vertical;
  }
  form .muted {
    margin: 0;
  }
  .error:empty {
    display: none;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin-block: 0.5rem;
  }
  .privacy {
    margin-block-start: 1rem;
  }
`;
