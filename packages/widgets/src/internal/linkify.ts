import { safeUrl } from '@frenchsouth-digital/feed';
import { html, type TemplateResult } from 'lit';

// An e-mail address starts only where no address character precedes it (the look-behind): without it, a long run of
// letters without "@" was tried from each of its positions, a cost in the square of its length (2 s for 30,000).
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** A plain text cut into text and links: web addresses (http, https) and e-mail addresses. */
export function linkParts(text: string): (string | { href: string; label: string })[] {
  const parts: (string | { href: string; label: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    // Sentence punctuation after an address is not part of it.
    const label = match[0].replace(/[.,;:!?)»]+$/, '');
    const href = safeUrl(/^(https?:|mailto:)/i.test(label) ? label : `mailto:${label}`);
    if (!href) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ href, label });
    last = match.index + label.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * Feed text with its addresses made into links. Everything goes through Lit text bindings: the feed cannot add
 * markup, and only http(s) and mailto links get through.
 */
export function linkified(text: string): TemplateResult {
  return html`${linkParts(text).map((part) =>
    typeof part === 'string' ? part : html`<a href=${part.href} target=${part.href.startsWith('mailto:') ? '_self' : '_blank'} rel="noopener">${part.label}</a>`,
  )}`;
}
