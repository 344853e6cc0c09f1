import { html, nothing, type TemplateResult } from 'lit';

/** The levels a heading may have. */
export const HEADING_LEVELS = [1, 2, 3, 4, 5, 6] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/**
 * A heading of `level` (clamped to 1–6): widgets cannot know the outline of the page they are embedded in, so their
 * headings take the level the embedder gives (`heading-level`), to fit it. Six plain templates rather than
 * `lit/static-html` (about 0.5 KB gzipped more, in every entry): gzip folds their repetition to little.
 */
export function heading(level: number, attributes: { id?: string; part?: string; class: string }, content: unknown): TemplateResult {
  const id = attributes.id ?? nothing;
  const part = attributes.part ?? nothing;
  const name = attributes.class;
  switch (Math.min(Math.max(Math.trunc(level), 1), 6)) {
    case 1:
      return html`<h1 id=${id} part=${part} class=${name}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} part=${part} class=${name}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} part=${part} class=${name}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} part=${part} class=${name}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} part=${part} class=${name}>${content}</h5>`;
    default:
      return html`<h6 id=${id} part=${part} class=${name}>${content}</h6>`;
  }
}

/** `value` if it is a heading level (1 to 6), else `fallback`, and `warn` told why (`written`: the attribute's text). */
export function checkedHeadingLevel(value: number, fallback: number, written: string | null, warn: (message: string) => void): number {
  if (Number.isInteger(value) && value >= 1 && value <= 6) return value;
  warn(`heading-level="${written ?? value}" is not a level from 1 to 6; using ${fallback}`);
  return fallback;
}
