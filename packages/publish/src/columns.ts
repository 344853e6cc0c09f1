/**
 * The columns of the staff's sheets, named in French or English: `Nom` or `Name`, `Collège` or `College`… Case,
 * accents, spaces and punctuation do not count (`Site web`, `SITE WEB`, `siteweb` are the same column).
 */
import { key } from './values.js';

export interface Column<K extends string = string> {
  key: K;
  /** The names accepted, French first: the first French and English ones are those the report and the template use. */
  fr: string[];
  en: string[];
  required: boolean;
}

export const MEMBER_COLUMNS = [
  { key: 'id', fr: ['Identifiant'], en: ['Id', 'Identifier'], required: false },
  { key: 'name', fr: ['Nom', 'Raison sociale', 'Entreprise'], en: ['Name', 'Company'], required: true },
  { key: 'domains', fr: ['Domaines', 'Domaine', 'Noms de domaine'], en: ['Domains', 'Domain'], required: true },
  { key: 'college', fr: ['Collège'], en: ['College'], required: true },
  { key: 'city', fr: ['Ville', 'Commune'], en: ['City', 'Town'], required: true },
  { key: 'descriptionFr', fr: ['Description (fr)', 'Description'], en: ['Description (French)'], required: true },
  { key: 'descriptionEn', fr: ['Description (en)', 'Description (anglais)'], en: ['Description (English)'], required: false },
  { key: 'website', fr: ['Site web', 'Site', 'Site internet'], en: ['Website', 'Web site', 'URL'], required: true },
  { key: 'memberSince', fr: ['Membre depuis', 'Adhésion'], en: ['Member since'], required: true },
  { key: 'validUntil', fr: ['Valide jusqu’au', 'Valide jusqu’à', 'Fin d’adhésion'], en: ['Valid until', 'Valid through'], required: false },
  { key: 'origin', fr: ['Origine', 'Cluster d’origine'], en: ['Origin', 'Origin cluster'], required: false },
  { key: 'tags', fr: ['Mots-clés', 'Mots clés', 'Étiquettes'], en: ['Tags', 'Keywords'], required: false },
  { key: 'tagsEn', fr: ['Mots-clés (en)', 'Mots-clés (anglais)'], en: ['Tags (English)', 'Keywords (English)'], required: false },
  { key: 'logo', fr: ['Logo'], en: ['Logo URL'], required: false },
  { key: 'calendar', fr: ['Calendrier', 'Agenda'], en: ['Calendar'], required: false },
] as const satisfies readonly Column[];

export const EVENT_COLUMNS = [
  { key: 'id', fr: ['Identifiant'], en: ['Id', 'Identifier'], required: false },
  { key: 'title', fr: ['Titre', 'Titre (fr)'], en: ['Title', 'Title (French)'], required: true },
  { key: 'titleEn', fr: ['Titre (en)', 'Titre (anglais)'], en: ['Title (English)'], required: false },
  { key: 'start', fr: ['Début', 'Date de début', 'Date'], en: ['Start', 'Start date'], required: true },
  { key: 'end', fr: ['Fin', 'Date de fin'], en: ['End', 'End date'], required: false },
  { key: 'allDay', fr: ['Toute la journée', 'Journée entière'], en: ['All day', 'All-day'], required: false },
  { key: 'location', fr: ['Lieu', 'Adresse'], en: ['Location', 'Place', 'Venue'], required: false },
  { key: 'college', fr: ['Collège'], en: ['College'], required: false },
  { key: 'category', fr: ['Catégorie', 'Type'], en: ['Category'], required: false },
  { key: 'organizer', fr: ['Organisateur', 'Organisé par'], en: ['Organizer', 'Organiser'], required: false },
  { key: 'description', fr: ['Description', 'Description (fr)'], en: ['Description (French)'], required: false },
  { key: 'descriptionEn', fr: ['Description (en)', 'Description (anglais)'], en: ['Description (English)'], required: false },
  { key: 'url', fr: ['Lien', 'Page', 'Site web'], en: ['URL', 'Link', 'Web page'], required: false },
] as const satisfies readonly Column[];

export type MemberColumn = (typeof MEMBER_COLUMNS)[number]['key'];
export type EventColumn = (typeof EVENT_COLUMNS)[number]['key'];

/** Which column of the sheet holds each known column, by index; headers that match nothing are ignored. */
export interface ColumnMap<K extends string> {
  index: Partial<Record<K, number>>;
  /** The required columns not found, by their French and English names. */
  missing: Column<K>[];
  /** Headers that name no known column (kept out of the feed, listed in the report as a hint). */
  unknown: string[];
}

export function mapColumns<K extends string>(headers: readonly string[], columns: readonly Column<K>[]): ColumnMap<K> {
  const names = new Map<string, K>();
  for (const column of columns) for (const name of [...column.fr, ...column.en]) if (!names.has(key(name))) names.set(key(name), column.key);
  const index: Partial<Record<K, number>> = {};
  const unknown: string[] = [];
  headers.forEach((header, i) => {
    if (!header.trim()) return;
    const found = names.get(key(header.replace(/'/g, '’')));
    if (found !== undefined && index[found] === undefined) index[found] = i;
    else if (found === undefined) unknown.push(header);
  });
  const missing = columns.filter((column) => column.required && index[column.key] === undefined);
  return { index, missing, unknown };
}
