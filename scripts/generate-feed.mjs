#!/usr/bin/env node
// Writes a realistic member feed of N members (default 4,500, the size of the region's digital sector), the same
// for the same N and seed: for scale tests and benchmarks.
//   node scripts/generate-feed.mjs [--count 4500] [--seed 5052015] [--out file.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** mulberry32: a small, fast, seeded PRNG. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Cities of Languedoc-Roussillon, weighted roughly by the weight of their digital sector.
const CITIES = [
  ['Montpellier', 40], ['Nîmes', 8], ['Perpignan', 7], ['Béziers', 4], ['Castelnau-le-Lez', 4], ['Lattes', 3],
  ['Sète', 3], ['Narbonne', 3], ['Carcassonne', 3], ['Alès', 2], ['Mauguio', 2], ['Pérols', 2],
  ['Saint-Jean-de-Védas', 2], ['Lunel', 2], ['Agde', 1], ['Uzès', 1], ['Mende', 1], ['Lodève', 1], ['Limoux', 1],
  ['Le Crès', 1], ['Grabels', 1], ['Clapiers', 1], ['Prades-le-Lez', 1], ['Argelès-sur-Mer', 1],
];
const COLLEGES = [
  ['digital-content-cultures', ['jeu vidéo', 'art numérique', 'animation', '3D', 'vidéo', 'réalité virtuelle', 'design', 'musique', 'édition', 'e-learning']],
  ['mediacloud-interactivity', ['cloud', 'hébergement', 'streaming', 'objets connectés', 'télécoms', 'cybersécurité', 'IoT', 'data center', 'CDN', 'réseaux']],
  ['smart-software', ['SaaS', 'web', 'mobile', 'e-commerce', 'données', 'IA', 'ERP', 'santé', 'fintech', 'open source', 'supervision', 'CMS']],
];
const ORIGINS = { 'digital-content-cultures': 'pixlr', 'mediacloud-interactivity': 'mcc', 'smart-software': 'novae-lr' };
const FIRST = ['Azur', 'Garrigue', 'Cévennes', 'Écrans', 'Étang', 'Lagune', 'Mistral', 'Olivier', 'Pic', 'Salicorne', 'Tramontane', 'Vigne', 'Camargue', 'Causse', 'Aigue', 'Écume', 'Soleil', 'Canal', 'Clapas', 'Lez', 'Thau', 'Cigale', 'Île', 'Ocre', 'Orb', 'Hérault', 'Aude', 'Canigou', 'Minervois', 'Pierre', 'Œuvre', 'Ânes'];
const SECOND = ['Digital', 'Studio', 'Labs', 'Systèmes', 'Logiciels', 'Cloud', 'Interactive', 'Data', 'Médias', 'Games', 'Technologies', 'Conseil', 'Solutions', 'Web', 'Numérique', 'Créations', 'Réseaux', 'Software', 'Production', 'Analytics'];
const FORMS = ['', '', '', ' SAS', ' SARL', ' & Associés'];
const TLDS = ['fr', 'fr', 'com', 'com', 'io', 'eu', 'net'];
const ACTIVITIES = {
  fr: ['conçoit des applications', 'édite des logiciels', 'produit des contenus interactifs', 'héberge des services', 'développe des jeux', 'accompagne la transformation numérique', 'analyse des données'],
  en: ['builds applications', 'publishes software', 'produces interactive content', 'hosts services', 'develops games', 'supports digital transformation', 'analyses data'],
};
const CLIENTS = {
  fr: ['pour les PME de la région', 'pour les collectivités', 'pour la santé', 'pour le tourisme', 'pour les industriels', 'pour le grand public', 'pour les médias'],
  en: ['for the region’s SMEs', 'for local authorities', 'for healthcare', 'for tourism', 'for industry', 'for the general public', 'for the media'],
};

const slug = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function generateFeed(count = 4500, seed = 5052015) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const weighted = (list) => {
    const total = list.reduce((sum, [, w]) => sum + w, 0);
    let r = rand() * total;
    for (const [value, w] of list) if ((r -= w) < 0) return value;
    return list[0][0];
  };
  const sample = readFileSync(new URL('../examples/data/members.json', import.meta.url), 'utf8');
  const base = JSON.parse(sample);
  // The real members named at the launch come first; generated companies make up the rest.
  const members = base.members.slice(0, count);
  const ids = new Set(members.map((m) => m.id));
  while (members.length < count) {
    const [college, tagPool] = pick(COLLEGES);
    let name = `${pick(FIRST)} ${pick(SECOND)}${pick(FORMS)}`;
    let id = slug(name);
    for (let n = 2; ids.has(id); n++) id = `${slug(name)}-${n}`;
    if (id !== slug(name)) name = `${name} ${id.split('-').pop()}`;
    ids.add(id);
    const city = weighted(CITIES);
    const year = 2015 + Math.floor(rand() * 12);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const activity = Math.floor(rand() * ACTIVITIES.fr.length);
    const client = Math.floor(rand() * CLIENTS.fr.length);
    const domain = `${id}.${pick(TLDS)}`;
    const tags = [...new Set([pick(tagPool), pick(tagPool), pick(tagPool)])].slice(0, 1 + Math.floor(rand() * 3));
    const member = {
      id,
      name,
      domains: [domain],
      college,
      city,
      description: {
        fr: `${name} ${ACTIVITIES.fr[activity]} ${CLIENTS.fr[client]}, depuis ${city}.`,
        en: `${name} ${ACTIVITIES.en[activity]} ${CLIENTS.en[client]}, from ${city}.`,
      },
      website: `https://www.${domain}/`,
      memberSince: `${year}-${month}-${day}`,
      tags,
    };
    if (rand() < 0.6) member.origin = ORIGINS[college];
    if (rand() < 0.03) member.validUntil = `${2019 + Math.floor(rand() * 6)}-12-31`;
    members.push(member);
  }
  return { ...base, $schema: undefined, updated: '2026-11-20T09:00:00+01:00', members };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const feed = generateFeed(Number(arg('count', 4500)), Number(arg('seed', 5052015)));
  const json = JSON.stringify(feed);
  const out = arg('out');
  if (out) {
    writeFileSync(out, json);
    console.error(`${feed.members.length} members written to ${out} (${(json.length / 1024).toFixed(0)} KB)`);
  } else {
    process.stdout.write(json);
  }
}
