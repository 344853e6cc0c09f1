/** Small, dependency-free checks on untrusted feed values. Feed text is data: nothing here produces markup. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && SLUG.test(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `YYYY-MM-DD`, and a real day of the calendar. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL as an absolute string when it is http(s) or mailto, else `undefined`.
 * Relative URLs resolve against `base` (the feed's URL).
 */
export function safeUrl(value: unknown, base?: string, protocols: ReadonlySet<string> = SAFE_PROTOCOLS): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return protocols.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const WEB_PROTOCOLS = new Set(['http:', 'https:']);
/** Like {@link safeUrl}, for links and images that must be web pages: http(s) only. */
export function safeWebUrl(value: unknown, base?: string): string | undefined {
  return safeUrl(value, base, WEB_PROTOCOLS);
}

/** Case and accents folded, for search: "Écrans" → "ecrans", "Œuvre" → "oeuvre", "NÎMES" → "nimes". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Two letters standing for a member without a logo: "RG Systèmes" → "RS", "AwoX" → "AW", "3D Ouest" → "3O". */
export function initials(name: string): string {
  const words = name.split(/[\s\-–]+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length > 1) return words.slice(0, 2).map((word) => [...word][0]!.toUpperCase()).join('');
  return [...(words[0] ?? name)].slice(0, 2).join('').toUpperCase();
}
