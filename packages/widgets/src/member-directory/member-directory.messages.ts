import { translator, type Messages } from '@frenchsouth-digital/shared';

export interface DirectoryMessages {
  /** The directory's name for assistive technology (it is a region of the page). */
  title: string;
  searchLabel: string;
  searchPlaceholder: string;
  sortLabel: string;
  sorts: { relevance: string; name: string; newest: string };
  filters: string;
  /** The button that shows the filters in a narrow column. */
  showFilters: (active: number) => string;
  facets: { college: string; city: string; origin: string; tag: string };
  showAll: (count: number) => string;
  showFewer: string;
  clearAll: string;
  clearEverything: string;
  count: (n: string, total: number) => string;
  /** Under a list the cluster signed: when it signed it. */
  signed: (date: string) => string;
  loading: string;
  results: string;
  empty: (query: string) => string;
  emptyHint: string;
  error: string;
  errorNote: string;
  retry: string;
  exportCsv: string;
  exportFile: string;
  csvHeaders: string[];
  pages: string;
  previous: string;
  next: string;
  pageOf: (page: number, pages: number) => string;
  origins: Record<string, string>;
  profile: {
    close: string;
    college: string;
    city: string;
    memberSince: string;
    origin: string;
    tags: string;
    website: string;
    clusterProfile: string;
    newTab: string;
  };
}

const ORIGINS = { 'novae-lr': 'Novae LR', pixlr: 'PixLR', mcc: 'MCC' };

/** The directory's texts, French first. */
export const builtInMessages: Messages<DirectoryMessages> = {
  fr: {
    title: 'Annuaire des membres de FrenchSouth.digital',
    searchLabel: 'Rechercher un membre',
    searchPlaceholder: 'Nom, ville, activité…',
    sortLabel: 'Trier par',
    sorts: { relevance: 'Pertinence', name: 'Nom', newest: 'Adhésion la plus récente' },
    filters: 'Filtres',
    showFilters: (active) => (active ? `Filtres (${active})` : 'Filtres'),
    facets: { college: 'Collège', city: 'Ville', origin: 'Cluster d’origine', tag: 'Mots-clés' },
    showAll: (count) => `Voir les ${count}`,
    showFewer: 'Voir moins',
    clearAll: 'Tout effacer',
    clearEverything: 'Effacer la recherche et les filtres',
    count: (n, total) => (total === 0 ? 'Aucun membre' : total === 1 ? '1 membre' : `${n} membres`),
    signed: (date) => `Liste des membres signée par FrenchSouth.digital le ${date}`,
    loading: 'Chargement de l’annuaire…',
    results: 'Membres',
    empty: (query) => (query ? `Aucun membre ne correspond à « ${query} » avec ces filtres.` : 'Aucun membre ne correspond à ces filtres.'),
    emptyHint: 'Essayez un autre mot, ou élargissez la recherche.',
    error: 'L’annuaire des membres est momentanément indisponible.',
    errorNote: 'Réessayez dans quelques instants.',
    retry: 'Réessayer',
    exportCsv: 'Exporter (CSV)',
    exportFile: 'membres-frenchsouth-digital.csv',
    csvHeaders: ['Identifiant', 'Nom', 'Collège', 'Ville', 'Description', 'Site web', 'Membre depuis', 'Cluster d’origine', 'Mots-clés', 'Fiche'],
    pages: 'Pages de résultats',
    previous: 'Page précédente',
    next: 'Page suivante',
    pageOf: (page, pages) => `Page ${page} sur ${pages}`,
    origins: ORIGINS,
    profile: {
      close: 'Fermer',
      college: 'Collège',
      city: 'Ville',
      memberSince: 'Membre depuis',
      origin: 'Cluster d’origine',
      tags: 'Mots-clés',
      website: 'Site web',
      clusterProfile: 'Fiche sur FrenchSouth.digital',
      newTab: '(nouvel onglet)',
    },
  },
  en: {
    title: 'FrenchSouth.digital member directory',
    searchLabel: 'Search members',
    searchPlaceholder: 'Name, city, activity…',
    sortLabel: 'Sort by',
    sorts: { relevance: 'Relevance', name: 'Name', newest: 'Newest members' },
    filters: 'Filters',
    showFilters: (active) => (active ? `Filters (${active})` : 'Filters'),
    facets: { college: 'College', city: 'City', origin: 'Origin cluster', tag: 'Tags' },
    showAll: (count) => `Show all ${count}`,
    showFewer: 'Show fewer',
    clearAll: 'Clear all',
    clearEverything: 'Clear the search and filters',
    count: (n, total) => (total === 0 ? 'No members' : total === 1 ? '1 member' : `${n} members`),
    signed: (date) => `Member list signed by FrenchSouth.digital on ${date}`,
    loading: 'Loading the directory…',
    results: 'Members',
    empty: (query) => (query ? `No member matches “${query}” with these filters.` : 'No member matches these filters.'),
    emptyHint: 'Try another word, or widen the search.',
    error: 'The member directory is unavailable for now.',
    errorNote: 'Please try again in a moment.',
    retry: 'Try again',
    exportCsv: 'Export (CSV)',
    exportFile: 'frenchsouth-digital-members.csv',
    csvHeaders: ['Id', 'Name', 'College', 'City', 'Description', 'Website', 'Member since', 'Origin cluster', 'Tags', 'Profile'],
    pages: 'Result pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    origins: ORIGINS,
    profile: {
      close: 'Close',
      college: 'College',
      city: 'City',
      memberSince: 'Member since',
      origin: 'Origin cluster',
      tags: 'Tags',
      website: 'Website',
      clusterProfile: 'Profile on FrenchSouth.digital',
      newTab: '(new tab)',
    },
  },
};

/** The texts for a language tag: registered ones first (`registerTranslation`), else the built-in ones. */
export const messages = translator(builtInMessages, 'directory');
