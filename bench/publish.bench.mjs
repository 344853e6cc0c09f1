// Publishing at the region's scale: 4,500 members (the size of Languedoc-Roussillon's digital sector,
// scripts/generate-feed.mjs) and 1,000 events, written out first as the staff's sheets (Excel French CSV), then
// published by the command (npx fsd-publish, a fresh process each time, as a cron job runs it): the median time of a
// publish into an empty folder, and the time of a second publish with no change, with the count of files it rewrote.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFeed } from '../scripts/generate-feed.mjs';
import { writeCsv } from '../tools/spreadsheets.mjs';
import { median } from './harness.mjs';

const RUNS = 3;
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, '.cache/bench-publish');

const COLLEGE = { 'digital-content-cultures': 'Digital Content & Cultures', 'mediacloud-interactivity': 'Mediacloud Interactivity', 'smart-software': 'Smart Software' };
const ORIGIN = { 'novae-lr': 'Novae LR', pixlr: 'PixLR', mcc: 'MCC' };
const CATEGORIES = ['Atelier', 'Webinaire', 'Formation', 'Soirée', 'Avec un cluster partenaire'];
const day = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function writeSheets() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const feed = generateFeed(4500);
  const header = ['Identifiant', 'Nom', 'Domaines', 'Collège', 'Ville', 'Description (fr)', 'Description (en)', 'Site web', 'Membre depuis', "Valide jusqu'au", 'Origine', 'Mots-clés', 'Calendrier'];
  const rows = feed.members.map((m) => [
    m.id, m.name, m.domains.join(', '), COLLEGE[m.college], m.city, m.description.fr, m.description.en ?? '', m.website,
    // (The generator may end a membership before it starts; the publisher refuses that, so such an end is left out.)
    day(m.memberSince), m.validUntil && m.validUntil >= m.memberSince ? day(m.validUntil) : '', m.origin ? ORIGIN[m.origin] : '', m.tags.join(', '),
    m.id === 'kaliop' ? join(root, 'examples/data/kaliop.ics') : '',
  ]);
  writeFileSync(join(dir, 'membres.csv'), writeCsv([header, ...rows], { delimiter: ';', encoding: 'windows-1252' }));
  const eventHeader = ['Titre', 'Début', 'Fin', 'Lieu', 'Collège', 'Catégorie', 'Organisateur', 'Description', 'Lien'];
  const events = [];
  for (let i = 0; i < 1000; i++) {
    const member = feed.members[(i * 37) % feed.members.length];
    const date = new Date(Date.UTC(2026, 5, 1) + i * 13 * 3_600_000 * 3);
    const iso = date.toISOString();
    const hour = 9 + (i % 9);
    events.push([
      `${CATEGORIES[i % CATEGORIES.length]} ${member.name} n° ${i + 1}`,
      `${day(iso)} ${String(hour).padStart(2, '0')}:00`,
      `${day(iso)} ${String(hour + 2).padStart(2, '0')}:00`,
      `${member.city}`,
      COLLEGE[member.college],
      CATEGORIES[i % CATEGORIES.length],
      i % 3 === 0 ? member.id : '',
      `Rencontre ${i + 1} du cluster, à ${member.city}.`,
      `https://www.frenchsouth.digital/agenda/${i + 1}/`,
    ]);
  }
  writeFileSync(join(dir, 'evenements.csv'), writeCsv([eventHeader, ...events], { delimiter: ';', encoding: 'windows-1252' }));
}

function publish(out) {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['packages/publish/bin/fsd-publish.mjs', '--members', join(dir, 'membres.csv'), '--events', join(dir, 'evenements.csv'), '--out', out, '--today', '2026-12-03', '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`fsd-publish exited with ${run.status}: ${run.stdout.slice(0, 2000)}${run.stderr}`);
  return { ms, report: JSON.parse(run.stdout) };
}

export default async function ({ report }) {
  writeSheets();
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const out = join(dir, `site-${i}`);
    last = { out, ...publish(out) };
    times.push(last.ms);
  }
  const { members, events, written, problems } = last.report;
  if (members !== 4500) throw new Error(`${members} members published, not 4,500: ${JSON.stringify(problems.slice(0, 3))}`);
  report(`publish 4,500 members + ${events.toLocaleString('en')} events, empty folder (median of ${RUNS})`, median(times), 'ms', `${written.length.toLocaleString('en')} files written`);
  const again = publish(last.out);
  report('second publish, no change', again.ms, 'ms');
  report('files rewritten by the second publish', again.report.written.length, 'files', `${again.report.unchanged.toLocaleString('en')} unchanged`);
  rmSync(dir, { recursive: true, force: true });
}
