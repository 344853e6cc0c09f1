/**
 * The pages of the published site, readable without JavaScript: a profile per member (the page a verified badge
 * links to), in French at `membres/<id>/` and in English at `en/members/<id>/`, with schema.org `Organization`
 * JSON-LD; the member list for search engines, that the directory widget enhances in place; a home page.
 */
import type { CalendarEvent, Member, MemberFeed } from '@frenchsouth-digital/feed';
import { CLUSTER, ORIGINS } from './cluster.js';
import { esc, jsonLd, longDate, longDateTime, page, safeHref } from './html.js';
import type { Lang } from './problems.js';

export interface SiteContext {
  /** The site's URL, ending with `/`. */
  baseUrl: string;
  /** The day the publish is dated (`YYYY-MM-DD`): the membership states are told as of that day. */
  asOf: string;
  /** The embed bundles the pages load, from the site's root (`embed/fsd-member-directory.1a2b3c4d.js`). */
  bundles: { directory?: string; calendar?: string };
  /** Member id → its events (those of its own calendar, and those it organises). */
  eventsOf: ReadonlyMap<string, CalendarEvent[]>;
}

export const memberPath = (lang: Lang, id: string) => (lang === 'fr' ? `membres/${id}/` : `en/members/${id}/`);
export const listPath = (lang: Lang) => (lang === 'fr' ? 'membres/' : 'en/members/');

const T = {
  fr: {
    other: 'English',
    titleMember: (name: string) => `${name} – membre de FrenchSouth.digital`,
    verified: 'Membre vérifié',
    lapsed: 'Adhésion expirée',
    verifiedLead: (name: string, since: string, until?: string) =>
      `${name} est membre de FrenchSouth.digital depuis le ${since}${until ? `, adhésion valide jusqu’au ${until} inclus` : ', sans date de fin d’adhésion'}.`,
    lapsedLead: (name: string, since: string, until: string) => `${name} a été membre de FrenchSouth.digital du ${since} au ${until}. Son adhésion a pris fin.`,
    badgeTitle: 'Le badge « Membre de FrenchSouth.digital »',
    badgeWhat:
      'Des membres affichent le badge du cluster sur leur site. « Vérifié » veut dire que le cluster a inscrit le domaine de la page dans sa liste officielle des membres, que le badge consulte à chaque affichage : il n’est pas une simple image que l’on peut recopier.',
    domainsLead: (name: string) => `Le badge de ${name} s’affiche vérifié sur ces domaines et leurs sous-domaines (www…) :`,
    elsewhere: 'Sur tout autre site, le même badge s’affiche « non vérifié » : il a été copié sur un site qui n’appartient pas au membre.',
    lapsedBadge: (until: string) => `Depuis le ${until}, son badge s’affiche « adhésion expirée », même sur ses domaines.`,
    asOf: (day: string) => `État au ${day}, date de cette publication.`,
    facts: 'Fiche',
    college: 'Collège',
    city: 'Ville',
    origin: 'Cluster d’origine',
    website: 'Site web',
    tags: 'Mots-clés',
    since: 'Membre depuis',
    until: 'Valide jusqu’au',
    events: 'Prochains événements',
    subscribe: 'S’abonner à son agenda :',
    subscribeApp: 'dans votre application d’agenda (webcal)',
    subscribeFile: 'fichier iCalendar (https)',
    backToList: 'Tous les membres',
    directory: 'L’annuaire',
    listTitle: 'Les membres de FrenchSouth.digital',
    listLead: (count: number) =>
      `${count.toLocaleString('fr-FR')} entreprises membres du cluster numérique de Languedoc-Roussillon, réparties en trois collèges : Digital Content & Cultures, Mediacloud Interactivity et Smart Software. Cherchez-les par nom, ville ou activité.`,
    listNoScript: 'La liste ci-dessous se lit sans JavaScript ; avec, elle devient un annuaire avec recherche et filtres.',
    homeTitle: 'FrenchSouth.digital : membres, agenda et flux',
    homeLead: 'Le cluster du numérique en Languedoc-Roussillon, né le 5 mai 2015 du rapprochement de Novae LR, PixLR et MCC. La filière régionale compte environ 4 500 entreprises.',
    homeMembers: 'L’annuaire des membres',
    homeAgenda: 'L’agenda du cluster',
    homeFeeds: 'Flux pour les intégrations',
    homeCheck: 'Pour l’équipe : vérifier un tableau avant de le publier',
    feedMembers: 'Flux des membres (JSON)',
    feedEvents: 'Flux des événements (JSON)',
    collegeCalendar: (name: string) => `Agenda du collège ${name}`,
    allCalendar: 'Tout l’agenda',
    upcoming: 'Les prochains événements s’affichent ici avec JavaScript ; sans, abonnez-vous à l’agenda ci-dessous.',
  },
  en: {
    other: 'Français',
    titleMember: (name: string) => `${name} – member of FrenchSouth.digital`,
    verified: 'Verified member',
    lapsed: 'Membership lapsed',
    verifiedLead: (name: string, since: string, until?: string) =>
      `${name} has been a member of FrenchSouth.digital since ${since}${until ? `; its membership is valid through ${until}` : ', with no end date'}.`,
    lapsedLead: (name: string, since: string, until: string) => `${name} was a member of FrenchSouth.digital from ${since} to ${until}. Its membership has ended.`,
    badgeTitle: 'The "Member of FrenchSouth.digital" badge',
    badgeWhat:
      'Members show the cluster’s badge on their sites. "Verified" means that the cluster has entered the page’s domain in its official member list, which the badge reads each time it shows: it is not a mere picture anyone could copy.',
    domainsLead: (name: string) => `${name}’s badge shows as verified on these domains and their subdomains (www…):`,
    elsewhere: 'On any other site, the same badge shows as "unverified": it was copied onto a site the member does not own.',
    lapsedBadge: (until: string) => `Since ${until}, its badge shows "membership lapsed", even on its own domains.`,
    asOf: (day: string) => `As of ${day}, the date of this publication.`,
    facts: 'Profile',
    college: 'College',
    city: 'City',
    origin: 'Founding cluster',
    website: 'Website',
    tags: 'Tags',
    since: 'Member since',
    until: 'Valid until',
    events: 'Upcoming events',
    subscribe: 'Subscribe to its calendar:',
    subscribeApp: 'in your calendar app (webcal)',
    subscribeFile: 'iCalendar file (https)',
    backToList: 'All members',
    directory: 'The directory',
    listTitle: 'The members of FrenchSouth.digital',
    listLead: (count: number) =>
      `${count.toLocaleString('en-GB')} member companies of the digital-business cluster of Languedoc-Roussillon, in three colleges: Digital Content & Cultures, Mediacloud Interactivity and Smart Software. Find them by name, city or activity.`,
    listNoScript: 'The list below reads without JavaScript; with it, it becomes a directory with search and filters.',
    homeTitle: 'FrenchSouth.digital: members, calendar and feeds',
    homeLead: 'The digital-business cluster of Languedoc-Roussillon, born on 5 May 2015 from the merger of Novae LR, PixLR and MCC. The region’s digital sector counts about 4,500 companies.',
    homeMembers: 'The member directory',
    homeAgenda: 'The cluster’s calendar',
    homeFeeds: 'Feeds for embeds',
    homeCheck: 'For the staff: check a sheet before publishing it',
    feedMembers: 'Member feed (JSON)',
    feedEvents: 'Events feed (JSON)',
    collegeCalendar: (name: string) => `${name} college calendar`,
    allCalendar: 'The whole calendar',
    upcoming: 'Upcoming events show here with JavaScript; without it, subscribe to the calendar below.',
  },
} as const;

const otherLang = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');
const text = (value: { fr: string; en?: string }, lang: Lang) => (lang === 'en' && value.en ? value.en : value.fr);
const collegeName = (feed: MemberFeed, id: string, lang: Lang) => {
  const college = feed.colleges.find((c) => c.id === id);
  return college ? text(college.name, lang) : id;
};

/** The schema.org description of a member: an Organization, member of the cluster's Organization. */
export function memberJsonLd(feed: MemberFeed, member: Member, context: SiteContext, lang: Lang): Record<string, unknown> {
  const profile = `${context.baseUrl}${memberPath(lang, member.id)}`;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${context.baseUrl}${memberPath('fr', member.id)}#organization`,
    name: member.name,
    url: member.website,
    description: text(member.description, lang),
    address: { '@type': 'PostalAddress', addressLocality: member.city, addressCountry: 'FR' },
    mainEntityOfPage: profile,
    memberOf: { '@type': 'Organization', '@id': `${feed.cluster.site}#organization`, name: feed.cluster.name, url: feed.cluster.site },
  };
  if (member.logo) data.logo = member.logo;
  if (member.tags.length) data.keywords = member.tags.map((tag) => text(tag, lang)).join(', ');
  return data;
}

const isLapsed = (member: Member, day: string) => member.validUntil !== undefined && member.validUntil < day;

function eventLine(event: CalendarEvent, lang: Lang): string {
  const when = event.allDay
    ? event.end !== event.start
      ? `${longDate(event.start, lang)} – ${longDate(event.end, lang)}`
      : longDate(event.start, lang)
    : longDateTime(event.start, lang);
  const title = esc(text(event.title, lang));
  const href = safeHref(event.url);
  const name = href ? `<a href="${esc(href)}">${title}</a>` : title;
  return `<li><time datetime="${esc(event.start)}">${esc(when)}</time> : ${name}${event.location ? ` – ${esc(event.location)}` : ''}</li>`.replace(' : ', lang === 'fr' ? ' : ' : ': ');
}

/** Subscription links to an `.ics` of the site: webcal:// (opens the calendar app) and https. */
function subscribeLinks(icsPath: string, context: SiteContext, lang: Lang, lead: string = T[lang].subscribe): string {
  const t = T[lang];
  const https = `${context.baseUrl}${icsPath}`;
  const webcal = https.replace(/^https?:/, 'webcal:');
  return `<p class="subscribe">${esc(lead)} <a href="${esc(webcal)}">${esc(t.subscribeApp)}</a> <a href="${esc(https)}" type="text/calendar">${esc(t.subscribeFile)}</a></p>`;
}

export function memberPage(feed: MemberFeed, member: Member, context: SiteContext, lang: Lang): string {
  const t = T[lang];
  const other = otherLang(lang);
  const root = lang === 'fr' ? '../../' : '../../../';
  const since = longDate(member.memberSince, lang);
  const until = member.validUntil ? longDate(member.validUntil, lang) : undefined;
  const lapsed = isLapsed(member, context.asOf);
  const website = safeHref(member.website);
  const origin = member.origin ? ORIGINS.find((o) => o.id === member.origin)?.name : undefined;
  const facts: [string, string][] = [
    [t.college, esc(collegeName(feed, member.college, lang))],
    [t.city, esc(member.city)],
    [t.since, `<time datetime="${member.memberSince}">${esc(since)}</time>`],
  ];
  if (until) facts.push([t.until, `<time datetime="${member.validUntil}">${esc(until)}</time>`]);
  if (origin) facts.push([t.origin, esc(origin)]);
  if (website) facts.push([t.website, `<a href="${esc(website)}">${esc(website.replace(/^https?:\/\//, '').replace(/\/$/, ''))}</a>`]);
  if (member.tags.length) facts.push([t.tags, esc(member.tags.map((tag) => text(tag, lang)).join(', '))]);
  const events = (context.eventsOf.get(member.id) ?? []).filter((e) => (e.allDay ? e.end >= context.asOf : e.end.slice(0, 10) >= context.asOf)).slice(0, 10);
  const logo = safeHref(member.logo);
  const body = [
    `<p><a href="${root}${listPath(lang)}">${esc(t.backToList)}</a></p>`,
    logo && /^https?:/.test(logo) ? `<img class="logo" src="${esc(logo)}" alt="" width="96" height="96">` : '',
    `<h1>${esc(member.name)}</h1>`,
    `<p>${esc(text(member.description, lang))}</p>`,
    `<section aria-labelledby="etat"><h2 id="etat">${esc(t.badgeTitle)}</h2>`,
    `<p class="badge-state${lapsed ? ' badge-state--lapsed' : ''}"><strong>${esc(lapsed ? t.lapsed : t.verified)}.</strong> ${esc(lapsed && until ? t.lapsedLead(member.name, since, until) : t.verifiedLead(member.name, since, until))}</p>`,
    `<p>${esc(t.badgeWhat)}</p>`,
    `<p>${esc(t.domainsLead(member.name))}</p>`,
    `<ul class="domains">${member.domains.map((d) => `<li><code>${esc(d)}</code></li>`).join('')}</ul>`,
    `<p>${esc(lapsed && until ? t.lapsedBadge(until) : t.elsewhere)}</p>`,
    `<p class="as-of">${esc(t.asOf(longDate(context.asOf, lang)))}</p>`,
    '</section>',
    `<section aria-labelledby="fiche"><h2 id="fiche">${esc(t.facts)}</h2>`,
    `<dl class="facts">${facts.map(([term, value]) => `<dt>${esc(term)}</dt><dd>${value}</dd>`).join('')}</dl>`,
    '</section>',
    events.length
      ? `<section aria-labelledby="agenda"><h2 id="agenda">${esc(t.events)}</h2><ul class="events">${events.map((e) => eventLine(e, lang)).join('')}</ul>${subscribeLinks(`feeds/members/${member.id}.ics`, context, lang)}</section>`
      : '',
  ].filter(Boolean);
  return page({
    lang,
    title: t.titleMember(member.name),
    root,
    canonical: `${context.baseUrl}${memberPath(lang, member.id)}`,
    alternate: { lang: other, href: `${root}${memberPath(other, member.id)}`, absolute: `${context.baseUrl}${memberPath(other, member.id)}`, label: T[lang].other },
    description: text(member.description, lang),
    head: jsonLd(memberJsonLd(feed, member, context, lang)),
    body: body.join('\n'),
  });
}

/** The member list: the directory widget first, the static list after it (hidden by CSS once the widget is defined). */
export function memberListPage(feed: MemberFeed, context: SiteContext, lang: Lang): string {
  const t = T[lang];
  const other = otherLang(lang);
  const root = lang === 'fr' ? '../' : '../../';
  const groups = feed.colleges.map((college) => {
    const collator = new Intl.Collator(lang === 'fr' ? 'fr-FR' : 'en-GB');
    const members = feed.members.filter((m) => m.college === college.id).sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    if (!members.length) return '';
    const items = members.map((m) => `<li><a href="${root}${memberPath(lang, m.id)}">${esc(m.name)}</a> – ${esc(m.city)}</li>`).join('\n');
    return `<section aria-labelledby="college-${college.id}"><h3 id="college-${college.id}">${esc(text(college.name, lang))}</h3>\n<ul>\n${items}\n</ul></section>`;
  });
  const directory = context.bundles.directory ? `<fsd-member-directory src="${root}feeds/members.json"${lang === 'en' ? ' lang="en"' : ''}></fsd-member-directory>` : '';
  return page({
    lang,
    title: t.listTitle,
    root,
    canonical: `${context.baseUrl}${listPath(lang)}`,
    alternate: { lang: other, href: `${root}${listPath(other)}`, absolute: `${context.baseUrl}${listPath(other)}`, label: T[lang].other },
    description: t.listLead(feed.members.length),
    scripts: context.bundles.directory ? [`${root}${context.bundles.directory}`] : [],
    body: [`<h1>${esc(t.listTitle)}</h1>`, `<p>${esc(t.listLead(feed.members.length))}</p>`, `<h2>${esc(t.directory)}</h2>`, `<p>${esc(t.listNoScript)}</p>`, directory, `<div class="static-list">\n${groups.filter(Boolean).join('\n')}\n</div>`].join('\n'),
  });
}

/** The home page: links to the list, the calendars to subscribe to, the feeds. */
export function homePage(feed: MemberFeed, context: SiteContext, lang: Lang): string {
  const t = T[lang];
  const other = otherLang(lang);
  const root = lang === 'fr' ? '' : '../';
  const colleges = feed.colleges
    .map((c) => `<li>${subscribeLinks(`feeds/colleges/${c.id}.ics`, context, lang, `${t.collegeCalendar(text(c.name, lang).replace(/\s*\(.*\)\s*$/, ''))}${lang === 'fr' ? ' :' : ':'}`)}</li>`)
    .join('\n');
  const calendar = context.bundles.calendar ? `<fsd-event-calendar src="${root}feeds/events.json" view="next"${lang === 'en' ? ' lang="en"' : ''}></fsd-event-calendar>` : '';
  return page({
    lang,
    title: t.homeTitle,
    root,
    canonical: `${context.baseUrl}${lang === 'fr' ? '' : 'en/'}`,
    alternate: { lang: other, href: lang === 'fr' ? 'en/' : '../', absolute: `${context.baseUrl}${other === 'fr' ? '' : 'en/'}`, label: T[lang].other },
    description: t.homeLead,
    scripts: context.bundles.calendar ? [`${root}${context.bundles.calendar}`] : [],
    body: [
      `<h1>${esc(CLUSTER.name)}</h1>`,
      `<p>${esc(t.homeLead)}</p>`,
      `<h2>${esc(t.homeMembers)}</h2>`,
      `<p><a href="${root}${listPath(lang)}">${esc(t.listTitle)}</a></p>`,
      `<h2>${esc(t.homeAgenda)}</h2>`,
      calendar,
      `<noscript><p>${esc(t.upcoming)}</p></noscript>`,
      `<ul class="calendars"><li>${subscribeLinks('feeds/events.ics', context, lang, `${t.allCalendar}${lang === 'fr' ? ' :' : ':'}`)}</li>\n${colleges}</ul>`,
      `<h2>${esc(t.homeFeeds)}</h2>`,
      `<ul><li><a href="${root}feeds/members.json">${esc(t.feedMembers)}</a></li><li><a href="${root}feeds/events.json">${esc(t.feedEvents)}</a></li></ul>`,
      `<p><a href="${root}${checkPath(lang)}">${esc(t.homeCheck)}</a></p>`,
    ].join('\n'),
  });
}

const CHECK = {
  fr: {
    title: 'Vérifier un tableau avant de le publier',
    lead: 'Choisissez le tableau des membres ou des événements (CSV enregistré par Excel, LibreOffice ou Google Sheets, ou classeur .xlsx) : il est vérifié ici même, avec les règles de la publication. Rien n’est envoyé : le fichier est lu par votre navigateur.',
    note: 'Les agendas des membres (colonne « Calendrier ») ne sont téléchargés qu’à la publication.',
    choose: 'Tableau à vérifier (.csv ou .xlsx)',
    drop: 'ou déposez le fichier ici',
    columns: 'Les colonnes du tableau des membres',
    columnHeaders: ['En français', 'En anglais', 'Obligatoire'],
    yes: 'oui',
    no: 'non',
    other: 'English',
  },
  en: {
    title: 'Check a sheet before publishing it',
    lead: 'Choose the member or event sheet (CSV saved by Excel, LibreOffice or Google Sheets, or an .xlsx workbook): it is checked right here, with the publishing rules. Nothing is sent: your browser reads the file.',
    note: 'Members’ calendars (the "Calendar" column) are downloaded at publishing time only.',
    choose: 'Sheet to check (.csv or .xlsx)',
    drop: 'or drop the file here',
    columns: 'The columns of the member sheet',
    columnHeaders: ['In French', 'In English', 'Required'],
    yes: 'yes',
    no: 'no',
    other: 'Français',
  },
} as const;

export const checkPath = (lang: Lang) => (lang === 'fr' ? 'verifier/' : 'en/check/');

/** The staff's check page: the command's validation, run by the browser on a chosen or dropped file. */
export function checkPage(context: SiteContext, lang: Lang, columns: readonly { fr: readonly string[]; en: readonly string[]; required: boolean }[]): string {
  const t = CHECK[lang];
  const other = otherLang(lang);
  const root = lang === 'fr' ? '../' : '../../';
  const rows = columns.map((c) => `<tr><td>${esc(c.fr[0]!)}</td><td>${esc(c.en[0]!)}</td><td>${c.required ? t.yes : t.no}</td></tr>`).join('\n');
  return page({
    lang,
    title: t.title,
    root,
    canonical: `${context.baseUrl}${checkPath(lang)}`,
    alternate: { lang: other, href: `${root}${checkPath(other)}`, absolute: `${context.baseUrl}${checkPath(other)}`, label: t.other },
    scripts: [`${root}verifier/check.js`],
    body: [
      `<h1>${esc(t.title)}</h1>`,
      `<p>${esc(t.lead)}</p>`,
      `<p>${esc(t.note)}</p>`,
      `<p><label for="file">${esc(t.choose)}</label><br><input type="file" id="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></p>`,
      `<p id="drop" class="drop">${esc(t.drop)}</p>`,
      '<div id="result" role="status" aria-live="polite"></div>',
      `<h2>${esc(t.columns)}</h2>`,
      `<table class="columns"><thead><tr>${t.columnHeaders.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
    ].join('\n'),
  });
}
