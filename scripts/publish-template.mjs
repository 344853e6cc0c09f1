#!/usr/bin/env node
// Writes the publishing template in examples/publish/ from the example feeds (examples/data/), the same bytes every
// time: the member sheet as Excel saves it with French settings (membres.csv: `;`, Windows-1252, CRLF) and as a
// workbook (membres.xlsx), and the cluster's event sheet (evenements.csv, the same Excel French form).
//   node scripts/publish-template.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { writeCsv, writeXlsx } from '../tools/spreadsheets.mjs';

const root = new URL('..', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const members = read('examples/data/members.json');
const events = read('examples/data/events.json');

const COLLEGE = { 'digital-content-cultures': 'Digital Content & Cultures', 'mediacloud-interactivity': 'Mediacloud Interactivity', 'smart-software': 'Smart Software' };
const ORIGIN = { 'novae-lr': 'Novae LR', pixlr: 'PixLR', mcc: 'MCC' };
const CATEGORY = Object.fromEntries(events.categories.map((c) => [c.id, c.name.fr]));
const frenchDay = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const utcDay = (iso) => new Date(`${iso}T00:00:00Z`);

// The member's own calendar (examples/data/kaliop.ics stands for Kaliop's Google calendar): a path from this folder.
const CALENDARS = { kaliop: '../data/kaliop.ics' };
// Logos: files of the examples, copied into the published site.
const logo = (member) => (member.logo ? member.logo.replace(/^\.\.\/assets\//, '../assets/') : '');

const header = ['Identifiant', 'Nom', 'Domaines', 'Collège', 'Ville', 'Description (fr)', 'Description (en)', 'Site web', 'Membre depuis', "Valide jusqu'au", 'Origine', 'Mots-clés', 'Logo', 'Calendrier'];
const row = (m, date) => [
  m.id,
  m.name,
  m.domains.join(', '),
  COLLEGE[m.college],
  m.city,
  m.description.fr,
  m.description.en ?? '',
  m.website,
  date(m.memberSince),
  m.validUntil ? date(m.validUntil) : '',
  m.origin ? ORIGIN[m.origin] : '',
  m.tags.join(', '),
  logo(m),
  CALENDARS[m.id] ?? '',
];
const out = (name) => new URL(`examples/publish/${name}`, root);
writeFileSync(out('membres.csv'), writeCsv([header, ...members.members.map((m) => row(m, frenchDay))], { delimiter: ';', encoding: 'windows-1252' }));
writeFileSync(out('membres.xlsx'), writeXlsx([header, ...members.members.map((m) => row(m, utcDay))], { sheetName: 'Membres' }));

/** `2015-05-05T18:30:00` in Paris → `05/05/2015 18:30`; a time with an offset (or in another zone) keeps an offset. */
function when(value, zone) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return frenchDay(value);
  if (zone === 'America/New_York') return `${value.slice(0, 16)}-05:00`;
  const instant = zone ? undefined : Date.parse(value);
  if (instant === undefined) return `${frenchDay(value.slice(0, 10))} ${value.slice(11, 16)}`;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
const eventHeader = ['Identifiant', 'Titre', 'Titre (en)', 'Début', 'Fin', 'Toute la journée', 'Lieu', 'Collège', 'Catégorie', 'Organisateur', 'Description', 'Description (en)', 'Lien'];
const eventRows = events.events.map((e) => [
  e.id,
  e.title.fr,
  e.title.en ?? '',
  when(e.start, e.timeZone),
  e.end ? when(e.end, e.timeZone) : '',
  e.allDay ? 'oui' : 'non',
  e.location ?? '',
  e.college ? COLLEGE[e.college] : '',
  e.category ? CATEGORY[e.category] : '',
  e.organizer ? (e.organizer.id ?? e.organizer.name) : '',
  e.description?.fr ?? '',
  e.description?.en ?? '',
  e.url ?? '',
]);
writeFileSync(out('evenements.csv'), writeCsv([eventHeader, ...eventRows], { delimiter: ';', encoding: 'windows-1252' }));
console.log('examples/publish/: membres.csv, membres.xlsx, evenements.csv');
