import { translator, type Messages } from '@frenchsouth-digital/shared';

export interface BadgeMessages {
  memberOf: string;
  checking: string;
  /** Read before the visible text of the link by screen readers: whose badge it is. */
  linkBefore: (member: string) => string;
  /** Read after it: where the link goes. */
  linkAfter: string;
  preview: string;
  previewNote: string;
  /** The verified badge's title: when the cluster signed the member list. */
  signed: (date: string) => string;
  unchecked: string;
  uncheckedNote: string;
  unverified: string;
  unverifiedNote: (member: string) => string;
  lapsed: string;
  lapsedNote: (member: string, date: string) => string;
  unknownMember: string;
  unknownMemberNote: string;
  error: string;
  errorNote: string;
}

/** The badge's texts, French first. */
export const builtInMessages: Messages<BadgeMessages> = {
  fr: {
    memberOf: 'Membre de',
    checking: 'Vérification de l’adhésion…',
    linkBefore: (member) => `${member} :`,
    linkAfter: '– voir sa fiche (nouvel onglet)',
    preview: 'Aperçu',
    previewNote: 'Aperçu local : le badge ne sera vérifié que sur le site du membre.',
    signed: (date) => `Liste des membres signée par FrenchSouth.digital le ${date}`,
    unchecked: 'Badge non contrôlé',
    uncheckedNote: 'La liste lue n’est pas celle, signée, du cluster.',
    unverified: 'Badge non vérifié',
    unverifiedNote: (member) => `Ce site n’appartient pas à ${member}.`,
    lapsed: 'Adhésion expirée',
    lapsedNote: (member, date) => `L’adhésion de ${member} a pris fin le ${date}.`,
    unknownMember: 'Membre inconnu',
    unknownMemberNote: 'Ce membre ne figure pas dans l’annuaire de FrenchSouth.digital.',
    error: 'Vérification impossible',
    errorNote: 'L’annuaire des membres est momentanément indisponible.',
  },
  en: {
    memberOf: 'Member of',
    checking: 'Checking membership…',
    linkBefore: (member) => `${member}:`,
    linkAfter: '– see its profile (new tab)',
    preview: 'Preview',
    previewNote: 'Local preview: the badge is verified only on the member’s own site.',
    signed: (date) => `Member list signed by FrenchSouth.digital on ${date}`,
    unchecked: 'Unchecked badge',
    uncheckedNote: 'The list it reads is not the cluster’s signed one.',
    unverified: 'Unverified badge',
    unverifiedNote: (member) => `This site does not belong to ${member}.`,
    lapsed: 'Membership lapsed',
    lapsedNote: (member, date) => `${member}’s membership ended on ${date}.`,
    unknownMember: 'Unknown member',
    unknownMemberNote: 'This member is not in the FrenchSouth.digital directory.',
    error: 'Cannot verify',
    errorNote: 'The member directory is unavailable for now.',
  },
};

/** The texts for a language tag: registered ones first (`registerTranslation`), else the built-in ones. */
export const messages = translator(builtInMessages, 'badge');
