/** The report's sentences, in French (the default) and English: written for the staff, not for developers. */
import type { Lang } from './problems.js';

const q = (lang: Lang, text: string) => (lang === 'fr' ? `« ${text} »` : `"${text}"`);
const list = (lang: Lang, items: readonly string[]) => {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'ou' : 'or'} ${items[items.length - 1]}`;
};

export const MESSAGES = {
  fr: {
    unreadable: (file: string, why: string) => `Le fichier ${q('fr', file)} ne peut pas être lu (${why}).`,
    oldExcel: 'C’est un ancien classeur Excel (.xls) : enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) ».',
    empty: 'Le fichier est vide : la première ligne doit porter les noms des colonnes.',
    notSpreadsheet: 'Ce fichier n’est ni un tableau CSV ni un classeur Excel (.xlsx).',
    missingColumn: (names: string) => `La colonne obligatoire ${names} manque : rien n’a été publié. Ajoutez-la à la première ligne (voir le modèle examples/publish/membres.csv).`,
    unknownColumn: 'Colonne inconnue, ignorée : vérifiez son nom si elle devait être publiée.',
    required: (column: string) => `La case ${q('fr', column)} est obligatoire et elle est vide.`,
    notDomain: (domain: string) => `${q('fr', domain)} n’est pas un nom de domaine : écrivez-le comme kaliop.com.`,
    publicSuffix: (domain: string) =>
      `${q('fr', domain)} est un suffixe public (comme .fr ou github.io), que personne ne possède : indiquez le domaine de l’entreprise elle-même, comme kaliop.com.`,
    noDomain: 'Indiquez au moins un domaine que l’entreprise possède, comme kaliop.com : le badge n’est vérifié que sur ses domaines.',
    domainTaken: (domain: string, owner: string, row?: number) =>
      `${q('fr', domain)} est déjà le domaine de ${q('fr', owner)}${row ? ` (ligne ${row})` : ''} : un domaine n’appartient qu’à un membre.`,
    badId: 'L’identifiant ne doit contenir que des minuscules sans accent, des chiffres et des tirets, comme rg-systemes.',
    duplicateId: (id: string, row?: number) => `L’identifiant ${q('fr', id)} est déjà celui d’un autre membre${row ? ` (ligne ${row})` : ''} : donnez-en un autre dans la colonne « Identifiant ».`,
    duplicateEventId: (id: string) => `L’identifiant ${q('fr', id)} est déjà celui d’un autre événement : donnez-en un autre dans la colonne « Identifiant ».`,
    unknownCollege: (value: string, names: readonly string[]) => `${q('fr', value)} n’est pas un collège du cluster : écrivez ${list('fr', names)}.`,
    badWebsite: (value: string) => `${q('fr', value)} n’est pas une adresse web : elle doit commencer par https:// (ou http://).`,
    badLogo: (value: string) => `${q('fr', value)} n’est ni une adresse web d’image ni un fichier à côté du tableau.`,
    badDate: (value: string) => `${q('fr', value)} n’est pas une date : écrivez-la 05/05/2015 ou 2015-05-05.`,
    endBeforeStart: 'La date de fin d’adhésion est avant la date d’adhésion.',
    badOrigin: (value: string) => `${q('fr', value)} n’est pas un des trois clusters d’origine : écrivez Novae LR, PixLR ou MCC (ou laissez vide).`,
    badTags: 'Les mots-clés doivent être des mots séparés par des virgules.',
    tagsEnCount: (fr: number, en: number) =>
      `Il y a ${en} mot${en > 1 ? 's' : ''}-clé${en > 1 ? 's' : ''} en anglais pour ${fr} en français : chacun traduit celui de même rang. Les mots-clés anglais de cette ligne ne sont pas publiés.`,
    badDateTime: (value: string) =>
      `${q('fr', value)} n’est pas une date et une heure : écrivez-la 14/01/2027 18:30 (heure de Paris) ou 2027-01-14T18:30+01:00.`,
    allDayWithTime: 'Un événement « toute la journée » se donne en jours, sans heure : écrivez 14/01/2027.',
    badYesNo: (value: string) => `${q('fr', value)} : écrivez oui ou non.`,
    endBefore: 'La fin est avant le début.',
    badEventCollege: (value: string, names: readonly string[]) => `${q('fr', value)} n’est pas un collège du cluster : écrivez ${list('fr', names)}, ou laissez vide.`,
    badCategory: (value: string, names: readonly string[]) => `${q('fr', value)} n’est pas une catégorie de l’agenda : écrivez ${list('fr', names)}, ou laissez vide.`,
    badEventUrl: (value: string) => `${q('fr', value)} n’est pas l’adresse d’une page web : elle doit commencer par https:// (ou http://).`,
    badOrganizer: 'L’organisateur doit être un nom, ou l’identifiant d’un membre.',
    calendarUrl: (value: string) => `${q('fr', value)} n’est ni une adresse web d’agenda (https://…) ni un fichier .ics à côté du tableau.`,
    calendarTimeout: (seconds: number) => `L’agenda du membre n’a pas répondu en ${seconds} secondes : ses événements ne sont pas publiés cette fois-ci.`,
    calendarHttp: (status: number) => `L’agenda du membre a répondu par une erreur (HTTP ${status}) : ses événements ne sont pas publiés cette fois-ci.`,
    calendarNetwork: (why: string) => `L’agenda du membre n’a pas pu être téléchargé (${why}) : ses événements ne sont pas publiés cette fois-ci.`,
    calendarMissingFile: 'Le fichier d’agenda indiqué n’existe pas : ses événements ne sont pas publiés.',
    calendarNotIcs: 'L’adresse ne donne pas un agenda iCalendar (.ics) : copiez l’« adresse secrète au format iCal » de l’agenda Google, ou le lien « ICS » d’Outlook.',
    calendarEvent: (what: string) => `Un événement de cet agenda est illisible et a été laissé de côté (${what}).`,
    icsEvent: (what: string) => `Un événement de l’agenda est illisible et a été laissé de côté (${what}).`,
    notIcs: 'Ce fichier n’est pas un agenda iCalendar (.ics) lisible.',
    rowLeftOut: 'ligne écartée',
    other: (message: string) => `Valeur refusée (${message}).`,
  },
  en: {
    unreadable: (file: string, why: string) => `The file ${q('en', file)} cannot be read (${why}).`,
    oldExcel: 'This is an old Excel workbook (.xls): save it as "Excel Workbook (.xlsx)" or "CSV".',
    empty: 'The file is empty: its first row must hold the column names.',
    notSpreadsheet: 'This file is neither a CSV table nor an Excel workbook (.xlsx).',
    missingColumn: (names: string) => `The required column ${names} is missing: nothing was published. Add it to the first row (see the template examples/publish/membres.csv).`,
    unknownColumn: 'Unknown column, ignored: check its name if it was meant to be published.',
    required: (column: string) => `The cell ${q('en', column)} is required and it is empty.`,
    notDomain: (domain: string) => `${q('en', domain)} is not a domain name: write it like kaliop.com.`,
    publicSuffix: (domain: string) =>
      `${q('en', domain)} is a public suffix (like .fr or github.io), which nobody owns: give the company's own domain, like kaliop.com.`,
    noDomain: 'Give at least one domain the company owns, like kaliop.com: the badge is verified on its domains only.',
    domainTaken: (domain: string, owner: string, row?: number) =>
      `${q('en', domain)} is already the domain of ${q('en', owner)}${row ? ` (row ${row})` : ''}: a domain belongs to one member only.`,
    badId: 'The id may hold only lower-case letters without accents, digits and dashes, like rg-systemes.',
    duplicateId: (id: string, row?: number) => `The id ${q('en', id)} is already another member's${row ? ` (row ${row})` : ''}: give another one in the "Id" column.`,
    duplicateEventId: (id: string) => `The id ${q('en', id)} is already another event's: give another one in the "Id" column.`,
    unknownCollege: (value: string, names: readonly string[]) => `${q('en', value)} is not one of the cluster's colleges: write ${list('en', names)}.`,
    badWebsite: (value: string) => `${q('en', value)} is not a web address: it must start with https:// (or http://).`,
    badLogo: (value: string) => `${q('en', value)} is neither the web address of an image nor a file next to the sheet.`,
    badDate: (value: string) => `${q('en', value)} is not a date: write it 05/05/2015 (day first) or 2015-05-05.`,
    endBeforeStart: 'The membership ends before it starts.',
    badOrigin: (value: string) => `${q('en', value)} is not one of the three founding clusters: write Novae LR, PixLR or MCC (or leave it empty).`,
    badTags: 'Tags must be words separated by commas.',
    tagsEnCount: (fr: number, en: number) =>
      `There ${en === 1 ? 'is 1 English tag' : `are ${en} English tags`} for ${fr} French: each translates the French tag in the same place. This row's English tags are not published.`,
    badDateTime: (value: string) => `${q('en', value)} is not a date and time: write it 14/01/2027 18:30 (Paris time) or 2027-01-14T18:30+01:00.`,
    allDayWithTime: 'An all-day event is given in days, without a time: write 14/01/2027.',
    badYesNo: (value: string) => `${q('en', value)}: write yes or no.`,
    endBefore: 'The end is before the start.',
    badEventCollege: (value: string, names: readonly string[]) => `${q('en', value)} is not one of the cluster's colleges: write ${list('en', names)}, or leave it empty.`,
    badCategory: (value: string, names: readonly string[]) => `${q('en', value)} is not one of the calendar's categories: write ${list('en', names)}, or leave it empty.`,
    badEventUrl: (value: string) => `${q('en', value)} is not the address of a web page: it must start with https:// (or http://).`,
    badOrganizer: 'The organiser must be a name, or a member id.',
    calendarUrl: (value: string) => `${q('en', value)} is neither the web address of a calendar (https://…) nor an .ics file next to the sheet.`,
    calendarTimeout: (seconds: number) => `The member's calendar did not answer within ${seconds} seconds: its events are not published this time.`,
    calendarHttp: (status: number) => `The member's calendar answered with an error (HTTP ${status}): its events are not published this time.`,
    calendarNetwork: (why: string) => `The member's calendar could not be downloaded (${why}): its events are not published this time.`,
    calendarMissingFile: 'The calendar file named does not exist: its events are not published.',
    calendarNotIcs: 'The address does not give an iCalendar (.ics) calendar: copy the Google calendar\'s "secret address in iCal format", or Outlook\'s "ICS" link.',
    calendarEvent: (what: string) => `One event of this calendar cannot be read and was left out (${what}).`,
    icsEvent: (what: string) => `One event of the calendar cannot be read and was left out (${what}).`,
    notIcs: 'This file is not a readable iCalendar (.ics) calendar.',
    rowLeftOut: 'row left out',
    other: (message: string) => `Value refused (${message}).`,
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)[Lang];
export const messages = (lang: Lang): Messages => MESSAGES[lang];
