/** What the publisher knows of the cluster itself: its name and site, its three colleges, the clusters it came from. */
import type { College, EventCategory, OriginCluster } from '@frenchsouth-digital/feed';

export const CLUSTER = {
  name: 'FrenchSouth.digital',
  site: 'https://www.frenchsouth.digital/',
  /** FrenchSouth.digital was launched on 5 May 2015, at the Domaine de Verchant in Montpellier. */
  founded: '2015-05-05',
  city: 'Montpellier',
} as const;

export const COLLEGES: College[] = [
  { id: 'digital-content-cultures', name: { fr: 'Digital Content & Cultures (création numérique)', en: 'Digital Content & Cultures' } },
  { id: 'mediacloud-interactivity', name: { fr: 'Mediacloud Interactivity (distribution dématérialisée)', en: 'Mediacloud Interactivity' } },
  { id: 'smart-software', name: { fr: 'Smart Software (logiciels et solutions web)', en: 'Smart Software' } },
];

/** The clusters merged on 5 May 2015, by the names people write. */
export const ORIGINS: { id: OriginCluster; name: string }[] = [
  { id: 'novae-lr', name: 'Novae LR' },
  { id: 'pixlr', name: 'PixLR' },
  { id: 'mcc', name: 'MCC' },
];

/** The event categories of the cluster's calendar. */
export const CATEGORIES: EventCategory[] = [
  { id: 'evening', name: { fr: 'Soirée', en: 'Evening' } },
  { id: 'assembly', name: { fr: 'Assemblée générale', en: 'General assembly' } },
  { id: 'workshop', name: { fr: 'Atelier', en: 'Workshop' } },
  { id: 'webinar', name: { fr: 'Webinaire', en: 'Webinar' } },
  { id: 'training', name: { fr: 'Formation', en: 'Training' } },
  { id: 'partner', name: { fr: 'Avec un cluster partenaire', en: 'With a partner cluster' } },
];
