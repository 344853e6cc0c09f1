import { supportedLang, type Lang } from '@frenchsouth-digital/shared';
import { DEFAULT_EVENT_FEED_URL, DEFAULT_MEMBER_FEED_URL } from '@frenchsouth-digital/feed';
import browser from './browser.js';

export { ALL_SITES, pageHost, sitePattern } from './hosts.js';

/**
 * What the user chose, kept in `storage.local` (state lives in storage, never in the service worker's memory).
 * Each reader goes through these few functions, which fill in the defaults.
 */
export interface Settings {
  /** The member feeds subscribed to, in order of precedence: the first that lists a domain wins. */
  registries: string[];
  /**
   * The public keys a registry was added with, by its feed URL (key id to raw Ed25519 key, base64url): such a
   * registry's feed must be signed by one of them, and a feed signed by any other key is refused.
   */
  registryKeys: Record<string, Record<string, string>>;
  /** The events feeds whose upcoming events the popup shows on a member's site (the organiser's member id). */
  eventFeeds: string[];
  /** Annotate links on every site (needs the optional permission for all sites). */
  annotateAll: boolean;
  /** Sites (host names) where links are annotated. */
  annotateSites: string[];
  /** Sites left alone while `annotateAll` is on. */
  annotateExcept: string[];
  /** Show members' logos in the popup (only logos hosted beside their registry's feed): off by default. */
  showLogos: boolean;
  /** `auto` follows the browser's language. */
  language: 'auto' | Lang;
}

export const DEFAULT_SETTINGS: Settings = {
  registries: [DEFAULT_MEMBER_FEED_URL],
  registryKeys: {},
  eventFeeds: [DEFAULT_EVENT_FEED_URL],
  annotateAll: false,
  annotateSites: [],
  annotateExcept: [],
  showLogos: false,
  language: 'auto',
};

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;

/** A record of records of strings (the registries' keys), else empty: a stored value of another shape counts for nothing. */
function keyRecords(value: unknown): Record<string, Record<string, string>> {
  const records: Record<string, Record<string, string>> = {};
  if (typeof value !== 'object' || value === null) return records;
  for (const [url, keys] of Object.entries(value)) {
    if (typeof keys !== 'object' || keys === null) continue;
    const valid = Object.entries(keys as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    if (valid.length) records[url] = Object.fromEntries(valid);
  }
  return records;
}

/** The settings that decide where links are annotated (see {@link annotationWanted}). */
export type AnnotationSettings = Pick<Settings, 'annotateAll' | 'annotateSites' | 'annotateExcept'>;
export const ANNOTATION_SETTINGS = ['annotateAll', 'annotateSites', 'annotateExcept'] as const satisfies readonly (keyof AnnotationSettings)[];

const annotationSettings = (stored: Record<string, unknown>): AnnotationSettings => ({
  annotateAll: stored.annotateAll === true,
  annotateSites: strings(stored.annotateSites) ?? [],
  annotateExcept: strings(stored.annotateExcept) ?? [],
});

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(Object.keys(DEFAULT_SETTINGS));
  const language = stored.language;
  return {
    registries: strings(stored.registries) ?? DEFAULT_SETTINGS.registries,
    registryKeys: keyRecords(stored.registryKeys),
    eventFeeds: strings(stored.eventFeeds) ?? DEFAULT_SETTINGS.eventFeeds,
    ...annotationSettings(stored),
    showLogos: stored.showLogos === true,
    language: language === 'fr' || language === 'en' ? language : 'auto',
  };
}

export async function updateSettings(changes: Partial<Settings>): Promise<void> {
  await browser.storage.local.set(changes);
}

/** The language of the extension's pages: the user's choice, else the browser's if it is French or English, else French. */
export function uiLanguage(settings: Pick<Settings, 'language'>): Lang {
  if (settings.language !== 'auto') return settings.language;
  return supportedLang(browser.i18n.getUILanguage()) ?? 'fr';
}

/** Only the settings that decide where links are annotated (what the content script reads). */
export async function getAnnotationSettings(): Promise<AnnotationSettings> {
  return annotationSettings(await browser.storage.local.get([...ANNOTATION_SETTINGS]));
}

/** Is annotation on for this site, according to the settings (permissions aside)? */
export function annotationWanted(settings: AnnotationSettings, host: string): boolean {
  return settings.annotateAll ? !settings.annotateExcept.includes(host) : settings.annotateSites.includes(host);
}
