import { translator, type Messages } from '@frenchsouth-digital/shared';
import type { CalendarMessages, DetailsKey } from './event-calendar.messages.js';

/** The built-in texts of the event details dialog, French first (loaded with it: see DetailsKey). */
export const builtInDetailsMessages: Messages<Pick<CalendarMessages, DetailsKey>> = {
  fr: {
    partial: (url) => `Une source d’événements est trop lourde : une partie seulement de ses événements est affichée (${url}).`,
    place: 'Lieu',
    organizer: 'Organisé par',
    cluster: 'FrenchSouth.digital',
    college: (name) => `le collège ${name}`,
    category: 'Catégorie',
    eventPage: 'Page de l’événement',
    addToCalendar: 'Ajouter à mon agenda',
    downloadIcs: 'Apple Calendrier ou autre (fichier .ics)',
    outlook: 'Outlook.com',
    outlookWork: 'Outlook (Microsoft 365)',
    close: 'Fermer',
    subscribe: 'S’abonner',
    subscribeApp: 'Dans mon application d’agenda (Apple, Outlook, Thunderbird)',
    subscribeAddress: 'Adresse du calendrier (.ics)',
  },
  en: {
    partial: (url) => `An event source is too heavy: only part of its events is shown (${url}).`,
    place: 'Place',
    organizer: 'Organised by',
    cluster: 'FrenchSouth.digital',
    college: (name) => `the ${name} college`,
    category: 'Category',
    eventPage: 'Event page',
    addToCalendar: 'Add to my calendar',
    downloadIcs: 'Apple Calendar or other (.ics file)',
    outlook: 'Outlook.com',
    outlookWork: 'Outlook (Microsoft 365)',
    close: 'Close',
    subscribe: 'Subscribe',
    subscribeApp: 'In my calendar app (Apple, Outlook, Thunderbird)',
    subscribeAddress: 'Calendar address (.ics)',
  },
};

/** The details dialog's texts for a language tag: registered ones first (`registerTranslation`), else the built-in ones. */
export const detailsMessages = translator(builtInDetailsMessages, 'calendar');
