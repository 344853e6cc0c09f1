import { translator, type Messages } from '@frenchsouth-digital/shared';

export interface ExtensionMessages {
  toolbarDefault: string;
  toolbarMember(name: string, registry: string): string;
  linkMarker(name: string, registry: string): string;
  memberOf(registry: string): string;
  /** Under a member of a registry the user added (not the cluster's own). */
  addedRegistry: string;
  lapsed(date: string): string;
  memberSince(date: string): string;
  college: string;
  city: string;
  profile: string;
  website: string;
  upcomingEvents: string;
  notMember(host: string): string;
  noPage: string;
  searchLabel: string;
  searchPlaceholder: string;
  results(count: number): string;
  moreResults(shown: number, count: number): string;
  annotateSite(host: string): string;
  annotateSiteOn(host: string): string;
  annotateDenied: string;
  annotateAllOn: string;
  options: string;
  noData: string;
  loading: string;
  // Options page
  optionsTitle: string;
  registries: string;
  registriesHelp: string;
  eventFeeds: string;
  addRegistry: string;
  registryUrl: string;
  registryKey: string;
  registryKeyHelp: string;
  invalidKey: string;
  /** Under a registry added with its keys: their ids. */
  registryKeys: (kids: string[]) => string;
  /** Under a registry added without a key (never the cluster's, whose keys are pinned). */
  registryUnverified: string;
  add: string;
  remove(name: string): string;
  refreshNow: string;
  refreshing: string;
  lastUpdate: string;
  never: string;
  bundled(date: string): string;
  outcome(outcome: string, members?: number): string;
  membersCount(count: number): string;
  invalidUrl: string;
  insecureUrl: string;
  duplicateUrl: string;
  annotation: string;
  annotationHelp: string;
  annotateAll: string;
  annotateSites: string;
  noSites: string;
  stopSite(host: string): string;
  exceptions: string;
  language: string;
  languageAuto: string;
  display: string;
  showLogos: string;
  showLogosHelp: string;
  privacy: string;
}

const fr: ExtensionMessages = {
  toolbarDefault: 'FrenchSouth.digital : membres du cluster',
  toolbarMember: (name, registry) => `${name} : membre de ${registry}`,
  linkMarker: (name, registry) => `Membre de ${registry} : ${name}`,
  memberOf: (registry) => `Membre de ${registry}`,
  addedRegistry: 'Registre ajouté dans vos options : FrenchSouth.digital ne répond pas de cette liste.',
  lapsed: (date) => `Adhésion expirée le ${date}`,
  memberSince: (date) => `Membre depuis le ${date}`,
  college: 'Collège',
  city: 'Ville',
  profile: 'Voir sa fiche dans l’annuaire',
  website: 'Site web',
  upcomingEvents: 'Prochains événements',
  notMember: (host) => `${host} n’est pas le site d’un membre.`,
  noPage: 'Cet onglet n’affiche pas de site web.',
  searchLabel: 'Chercher un membre',
  searchPlaceholder: 'Nom, ville, collège…',
  results: (count) => (count === 0 ? 'Aucun membre trouvé' : count === 1 ? '1 membre' : `${count} membres`),
  moreResults: (shown, count) => `${shown} premiers sur ${count} : précisez la recherche`,
  annotateSite: (host) => `Signaler les membres dans les liens de ${host}`,
  annotateSiteOn: (host) => `Liens signalés sur ${host} : arrêter`,
  annotateDenied: 'Permission refusée : les liens ne seront pas signalés.',
  annotateAllOn: 'Les liens sont signalés sur tous les sites (voir les options).',
  options: 'Options',
  noData: 'Aucune liste de membres n’est disponible pour l’instant.',
  loading: 'Chargement des membres…',
  optionsTitle: 'FrenchSouth.digital : options',
  registries: 'Registres de membres',
  registriesHelp: 'Les listes de membres suivies. La première qui cite un domaine l’emporte.',
  eventFeeds: 'Agenda des événements',
  addRegistry: 'Ajouter un registre',
  registryUrl: 'Adresse du flux de membres (JSON)',
  registryKey: 'Clé publique du registre (facultatif)',
  registryKeyHelp: 'Collez son fichier keys.json, publié à côté de son flux, ou l’une de ses clés : la liste ne sera lue que signée par cette clé, et refusée si une autre clé la signe.',
  invalidKey: 'Cette clé n’est pas lisible : collez le fichier keys.json du registre (clés Ed25519), ou l’une de ses clés.',
  registryKeys: (kids) => `Liste vérifiée : signée par la clé ${kids.map((kid) => `« ${kid} »`).join(' ou ')}`,
  registryUnverified: 'Liste non vérifiée : registre ajouté sans sa clé, lu tel que son serveur l’envoie',
  add: 'Ajouter',
  remove: (name) => `Retirer ${name}`,
  refreshNow: 'Mettre à jour maintenant',
  refreshing: 'Mise à jour…',
  lastUpdate: 'Dernière mise à jour :',
  never: 'jamais',
  bundled: (date) => `liste fournie avec l’extension (${date})`,
  outcome: (outcome, members) =>
    ({
      updated: `mise à jour réussie${members === undefined ? '' : ` (${members} membres)`}`,
      unchanged: 'inchangée',
      older: 'refusée : plus ancienne que la liste gardée',
      network: 'échec : serveur injoignable',
      timeout: 'échec : pas de réponse',
      http: 'échec : erreur du serveur',
      'not-json': 'refusée : ce n’est pas du JSON',
      version: 'refusée : version inconnue',
      invalid: 'refusée : flux invalide',
      'too-large': 'refusée : trop volumineuse',
      redirect: 'refusée : le serveur la redirige en http ou vers un autre site',
      'bad-signature': 'refusée : la signature ne correspond pas (liste modifiée)',
      'unknown-key': 'refusée : signée par une clé inconnue',
      expired: 'refusée : liste expirée',
      unsigned: 'refusée : liste non signée',
    })[outcome] ?? outcome,
  membersCount: (count) => `${count} membres`,
  invalidUrl: 'Saisissez une adresse complète, commençant par https://.',
  insecureUrl: 'Ce registre n’est pas servi en https : pour votre sécurité, seule une adresse en https:// peut être suivie (http n’est accepté que pour un serveur local).',
  duplicateUrl: 'Ce registre est déjà suivi.',
  annotation: 'Signalement des liens',
  annotationHelp: 'Marque les liens vers les sites des membres. Le navigateur vous demande l’accès aux sites concernés au moment où vous l’activez.',
  annotateAll: 'Sur tous les sites',
  annotateSites: 'Sites où les liens sont signalés',
  noSites: 'Aucun. Activez un site depuis le bouton de l’extension.',
  stopSite: (host) => `Arrêter sur ${host}`,
  exceptions: 'Sites exclus',
  language: 'Langue',
  languageAuto: 'Celle du navigateur',
  display: 'Affichage',
  showLogos: 'Afficher les logos des membres',
  showLogosHelp: 'Le logo est demandé au serveur du registre quand vous ouvrez la fiche, et seulement s’il est hébergé à côté de la liste des membres ; un logo hébergé ailleurs (le site du membre, par exemple) n’est pas affiché : la fiche montre alors les initiales. Sans cette option, l’extension ne contacte que les registres.',
  privacy: 'Tout se passe dans votre navigateur : l’extension ne contacte que les serveurs des registres ci-dessus, sans statistiques ni code distant.',
};

const en: ExtensionMessages = {
  toolbarDefault: 'FrenchSouth.digital: cluster members',
  toolbarMember: (name, registry) => `${name}: member of ${registry}`,
  linkMarker: (name, registry) => `Member of ${registry}: ${name}`,
  memberOf: (registry) => `Member of ${registry}`,
  addedRegistry: 'A registry added in your options: FrenchSouth.digital does not vouch for this list.',
  lapsed: (date) => `Membership lapsed on ${date}`,
  memberSince: (date) => `Member since ${date}`,
  college: 'College',
  city: 'City',
  profile: 'See its profile in the directory',
  website: 'Website',
  upcomingEvents: 'Upcoming events',
  notMember: (host) => `${host} is not a member’s site.`,
  noPage: 'This tab does not show a website.',
  searchLabel: 'Search for a member',
  searchPlaceholder: 'Name, city, college…',
  results: (count) => (count === 0 ? 'No member found' : count === 1 ? '1 member' : `${count} members`),
  moreResults: (shown, count) => `First ${shown} of ${count}: refine the search`,
  annotateSite: (host) => `Flag members in the links of ${host}`,
  annotateSiteOn: (host) => `Links flagged on ${host}: stop`,
  annotateDenied: 'Permission refused: links will not be flagged.',
  annotateAllOn: 'Links are flagged on every site (see the options).',
  options: 'Options',
  noData: 'No member list is available yet.',
  loading: 'Loading the members…',
  optionsTitle: 'FrenchSouth.digital: options',
  registries: 'Member registries',
  registriesHelp: 'The member lists followed. The first one that lists a domain wins.',
  eventFeeds: 'Events calendar',
  addRegistry: 'Add a registry',
  registryUrl: 'Member feed address (JSON)',
  registryKey: 'The registry’s public key (optional)',
  registryKeyHelp: 'Paste its keys.json file, published beside its feed, or one of its keys: the list will be read only when signed by that key, and refused when another key signs it.',
  invalidKey: 'This key cannot be read: paste the registry’s keys.json file (Ed25519 keys), or one of its keys.',
  registryKeys: (kids) => `Verified list: signed by the key ${kids.map((kid) => `“${kid}”`).join(' or ')}`,
  registryUnverified: 'Unverified list: a registry added without its key, read as its server sends it',
  add: 'Add',
  remove: (name) => `Remove ${name}`,
  refreshNow: 'Update now',
  refreshing: 'Updating…',
  lastUpdate: 'Last update:',
  never: 'never',
  bundled: (date) => `list shipped with the extension (${date})`,
  outcome: (outcome, members) =>
    ({
      updated: `updated${members === undefined ? '' : ` (${members} members)`}`,
      unchanged: 'unchanged',
      older: 'refused: older than the list held',
      network: 'failed: server unreachable',
      timeout: 'failed: no answer',
      http: 'failed: server error',
      'not-json': 'refused: not JSON',
      version: 'refused: unknown version',
      invalid: 'refused: invalid feed',
      'too-large': 'refused: too large',
      redirect: 'refused: the server redirects it to http or to another site',
      'bad-signature': 'refused: the signature does not match (list altered)',
      'unknown-key': 'refused: signed by an unknown key',
      expired: 'refused: list expired',
      unsigned: 'refused: list not signed',
    })[outcome] ?? outcome,
  membersCount: (count) => `${count} members`,
  invalidUrl: 'Enter a full address, starting with https://.',
  insecureUrl: 'This registry is not served over https: for your safety, only an https:// address can be followed (http is accepted only for a local server).',
  duplicateUrl: 'This registry is already followed.',
  annotation: 'Link flags',
  annotationHelp: 'Marks links to members’ sites. The browser asks you for access to the sites concerned when you turn it on.',
  annotateAll: 'On every site',
  annotateSites: 'Sites where links are flagged',
  noSites: 'None. Turn a site on from the extension’s button.',
  stopSite: (host) => `Stop on ${host}`,
  exceptions: 'Sites left out',
  language: 'Language',
  languageAuto: 'The browser’s',
  display: 'Display',
  showLogos: 'Show members’ logos',
  showLogosHelp: 'The logo is requested from the registry’s server when you open the card, and only when it is hosted beside the member list; a logo hosted elsewhere (the member’s site, for instance) is not shown: the card shows the initials instead. Without this option, the extension contacts only the registries.',
  privacy: 'Everything happens in your browser: the extension contacts only the servers of the registries above, with no analytics and no remote code.',
};

export const builtInMessages: Messages<ExtensionMessages> = { fr, en };

/** The texts for a language tag, else the built-in ones. */
export const messages = translator(builtInMessages);
