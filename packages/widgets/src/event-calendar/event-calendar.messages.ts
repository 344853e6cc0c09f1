import { translator, type Messages } from '@frenchsouth-digital/shared';

export interface CalendarMessages {
  previousMonth: string;
  nextMonth: string;
  today: string;
  loading: string;
  error: string;
  errorNote: string;
  sourceError: (url: string) => string;
  /** Entries of the sources (events, categories, iCalendar parts) that could not be read, and are not shown. */
  leftOut: (count: number) => string;
  /** A source too heavy to show whole over the range (an iCalendar file over its budget): part of its events is shown. With the details (see DetailsKey). */
  partial: (url: string) => string;
  /** Under a calendar one of whose sources the cluster signed: when it signed it. */
  signed: (date: string) => string;
  empty: string;
  emptyList: (from: string, to: string) => string;
  emptyNext: string;
  nextEvents: string;
  /** Announced when the month shown changes. */
  monthAnnounce: (month: string, count: number) => string;
  more: (count: number) => string;
  allDay: string;
  continued: string;
  place: string;
  organizer: string;
  cluster: string;
  college: (name: string) => string;
  category: string;
  eventPage: string;
  addToCalendar: string;
  downloadIcs: string;
  google: string;
  subscribe: string;
  subscribeApp: string;
  subscribeAddress: string;
  /** Outlook.com, for personal Microsoft accounts. */
  outlook: string;
  /** Outlook for Microsoft 365, for work and school accounts. */
  outlookWork: string;
  newTab: string;
  close: string;
  weekNumber: string;
  weekShort: string;
}

/**
 * The texts of the event details dialog (and the rarely needed note of a source too heavy): built in with its chunk (event-details.messages.ts, loaded on demand), not
 * with the calendar; a registered language still gives them with the rest of its calendar texts.
 */
export type DetailsKey = 'partial' | 'place' | 'organizer' | 'cluster' | 'college' | 'category' | 'eventPage' | 'addToCalendar' | 'downloadIcs' | 'outlook' | 'outlookWork' | 'close' | 'subscribe' | 'subscribeApp' | 'subscribeAddress';
export type CalendarViewMessages = Omit<CalendarMessages, DetailsKey>;

/** The calendar's texts, French first (those of the details dialog apart: {@link DetailsKey}). */
export const builtInMessages: Messages<CalendarViewMessages> = {
  fr: {
    previousMonth: 'Mois précédent',
    nextMonth: 'Mois suivant',
    today: 'Aujourd’hui',
    loading: 'Chargement des événements…',
    error: 'Agenda indisponible',
    errorNote: 'Les événements ne peuvent pas être chargés pour le moment.',
    sourceError: (url) => `Une source d’événements est indisponible (${url}).`,
    leftOut: (count) => (count > 1 ? `${count.toLocaleString('fr')} éléments des sources n’ont pas pu être lus : ils ne sont pas affichés.` : 'Un élément des sources n’a pas pu être lu : il n’est pas affiché.'),
    signed: (date) => `Événements de FrenchSouth.digital : liste signée par le cluster le ${date}`,
    empty: 'Aucun événement ce mois-ci.',
    emptyList: (from, to) => `Aucun événement du ${from} au ${to}.`,
    emptyNext: 'Aucun événement à venir.',
    nextEvents: 'Prochains événements',
    monthAnnounce: (month, count) => `${month} : ${count === 0 ? 'aucun événement' : count === 1 ? '1 événement' : `${count} événements`}`,
    more: (count) => `+ ${count} autre${count > 1 ? 's' : ''}`,
    allDay: 'Toute la journée',
    continued: 'suite',
    google: 'Google Agenda',
    newTab: '(nouvel onglet)',
    weekNumber: 'Semaine',
    weekShort: 'Sem.',
  },
  en: {
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    today: 'Today',
    loading: 'Loading events…',
    error: 'Calendar unavailable',
    errorNote: 'The events cannot be loaded for now.',
    sourceError: (url) => `An event source is unavailable (${url}).`,
    leftOut: (count) => (count > 1 ? `${count.toLocaleString('en')} items of the sources could not be read and are not shown.` : 'One item of the sources could not be read and is not shown.'),
    signed: (date) => `FrenchSouth.digital events: list signed by the cluster on ${date}`,
    empty: 'No events this month.',
    emptyList: (from, to) => `No events from ${from} to ${to}.`,
    emptyNext: 'No upcoming events.',
    nextEvents: 'Upcoming events',
    monthAnnounce: (month, count) => `${month}: ${count === 0 ? 'no events' : count === 1 ? '1 event' : `${count} events`}`,
    more: (count) => `+ ${count} more`,
    allDay: 'All day',
    continued: 'continued',
    google: 'Google Calendar',
    newTab: '(new tab)',
    weekNumber: 'Week',
    weekShort: 'Wk',
  },
};

/** The cluster's three colleges, named the same in both languages. */
export const COLLEGE_NAMES: Record<string, string> = {
  'digital-content-cultures': 'Digital Content & Cultures',
  'mediacloud-interactivity': 'Mediacloud Interactivity',
  'smart-software': 'Smart Software',
};

/** The texts for a language tag: registered ones first (`registerTranslation`), else the built-in ones. */
export const messages = translator(builtInMessages, 'calendar');
