// The command on member sheets written as each program writes them, with bad rows of every kind: each reported
// with its sheet, row and column, the rest published; a missing required column publishes nothing; --strict; the
// same input gives the same bytes, and a second publish rewrites no file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeCsv, writeXlsx } from '../../../tools/spreadsheets.mjs';
import { fsdPublish, root, tempDir, write } from './helpers.mjs';

let tmp;
before(() => (tmp = tempDir()));
after(() => tmp.remove());

const FIXED = ['--updated', '2026-11-20T09:00:00+01:00', '--today', '2026-12-03', '--base-url', 'https://www.frenchsouth.digital/'];

// Good rows (the launch article's members) and a bad row of every kind, typed as people type them.
const HEADER_FR = ['Nom', 'Domaines', 'Collège', 'Ville', 'Description (fr)', 'Description (en)', 'Site web', 'Membre depuis', "Valide jusqu'au", 'Origine', 'Mots-clés'];
const ROWS = [
  ['Kaliop', 'https://www.Kaliop.com/ ; kaliop.fr', 'Smart Software', 'Montpellier', 'Agence d’intégration web et mobile.', 'Web and mobile integration agency.', 'www.kaliop.com', '05/05/2015', '', 'Novae LR', 'web, mobile, CMS'],
  ['RG Systèmes', 'rgsystem.com', 'smart-software', 'Montpellier', 'Éditeur de logiciels de supervision.', '', 'https://www.rgsystem.com/', '2015-05-05', '', 'novae-lr', 'logiciel; SaaS'],
  ['', 'sans-nom.example', 'Smart Software', 'Nîmes', 'Nom manquant.', '', 'https://sans-nom.example/', '05/05/2015', '', '', ''], // row 4: missing name
  ['Mauvais Domaine', 'pas_un_domaine!', 'Smart Software', 'Sète', 'x', '', 'https://x.example/', '05/05/2015', '', '', ''], // row 5: bad domain
  ['Suffixe Public', 'github.io', 'Smart Software', 'Alès', 'x', '', 'https://y.example/', '05/05/2015', '', '', ''], // row 6: public suffix
  ['Doublon', 'kaliop.com', 'Smart Software', 'Lattes', 'x', '', 'https://doublon.example/', '05/05/2015', '', '', ''], // row 7: domain claimed twice
  ['Collège Inconnu', 'inconnu.example', 'Robotique', 'Béziers', 'x', '', 'https://inconnu.example/', '05/05/2015', '', '', ''], // row 8: unknown college
  ['Mauvaise Date', 'date.example', 'Mediacloud Interactivity', 'Agde', 'x', '', 'https://date.example/', '31/02/2015', '', '', ''], // row 9: bad date
  ['Mauvaise Adresse', 'adresse.example', 'Digital Content & Cultures', 'Uzès', 'x', '', 'javascript:alert(1)', '05/05/2015', '', 'Toulouse', ''], // row 10: bad URL and origin
  ['AwoX', 'awox.com', 'Mediacloud Interactivity', 'Montpellier', 'Objets connectés.', '', 'https://www.awox.com/', '05/05/2015', '', 'MCC', 'IoT'],
];
const BAD = [
  { row: 4, column: 'Nom', code: 'required' },
  { row: 5, column: 'Domaines', code: 'bad-domain' },
  { row: 6, column: 'Domaines', code: 'public-suffix' },
  { row: 7, column: 'Domaines', code: 'domain-taken' },
  { row: 8, column: 'Collège', code: 'unknown-college' },
  { row: 9, column: 'Membre depuis', code: 'bad-date' },
  { row: 10, column: 'Site web', code: 'bad-url' },
  { row: 10, column: 'Origine', code: 'bad-origin' },
];

function checkReport(report, sheet, columnOf = (c) => c) {
  const errors = report.problems.filter((p) => p.level === 'error').map(({ sheet: s, row, column, code }) => ({ sheet: s, row, column, code }));
  assert.deepEqual(errors, BAD.map((b) => ({ sheet, row: b.row, column: columnOf(b.column), code: b.code })));
  for (const problem of report.problems) assert.ok(problem.message.length > 20 && !/Error|at \w+ \(/.test(problem.message), problem.message);
  assert.equal(report.members, 3);
  assert.equal(report.badRows, 7);
}

function publishedMembers(out) {
  return JSON.parse(readFileSync(join(out, 'feeds/members.json'), 'utf8')).members;
}

test('an Excel CSV with French settings (Windows-1252, ";", accented header, no BOM): bad rows reported by row and column, the rest published', async () => {
  const sheet = write(tmp.dir, 'membres-excel.csv', writeCsv([HEADER_FR, ...ROWS], { delimiter: ';', encoding: 'windows-1252' }));
  assert.equal(readFileSync(sheet)[0], 'N'.charCodeAt(0), 'no BOM');
  const out = join(tmp.dir, 'site-excel');
  const { code, report } = await fsdPublish(['--members', sheet, '--out', out, '--json', ...FIXED]);
  assert.equal(code, 0);
  checkReport(report, 'membres-excel.csv');
  const members = publishedMembers(out);
  assert.deepEqual(members.map((m) => m.id), ['awox', 'kaliop', 'rg-systemes']);
  const kaliop = members.find((m) => m.id === 'kaliop');
  assert.deepEqual(kaliop.domains, ['kaliop.com', 'kaliop.fr'], 'https://www.Kaliop.com/ → kaliop.com');
  assert.equal(kaliop.website, 'https://www.kaliop.com/');
  assert.equal(kaliop.description.fr, 'Agence d’intégration web et mobile.', 'Windows-1252 read back (’ is 0x92)');
  assert.equal(members.find((m) => m.id === 'rg-systemes').name, 'RG Systèmes');
  assert.deepEqual(members.find((m) => m.id === 'rg-systemes').tags, ['logiciel', 'SaaS']);
  assert.equal(kaliop.memberSince, '2015-05-05');
  assert.equal(kaliop.origin, 'novae-lr');
});

test('a Google Sheets CSV (UTF-8, ",", English header) gives the same members and the same reports', async () => {
  const english = ['Name', 'Domains', 'College', 'City', 'Description (fr)', 'Description (en)', 'Website', 'Member since', 'Valid until', 'Origin', 'Tags'];
  const sheet = write(tmp.dir, 'members-google.csv', writeCsv([english, ...ROWS]));
  const out = join(tmp.dir, 'site-google');
  const { code, report } = await fsdPublish(['--members', sheet, '--out', out, '--json', '--lang', 'en', ...FIXED]);
  assert.equal(code, 0);
  const names = Object.fromEntries(HEADER_FR.map((fr, i) => [fr, english[i]]));
  checkReport(report, 'members-google.csv', (c) => names[c]);
  assert.match(report.problems.find((p) => p.code === 'public-suffix').message, /"github\.io" is a public suffix/);
  assert.deepEqual(publishedMembers(out), publishedMembers(join(tmp.dir, 'site-excel')));
});

test('a "Mots-clés (en)" column translates each tag in its place; a count that differs is a warning, the French tags still published', async () => {
  const header = ['Nom', 'Domaines', 'Collège', 'Ville', 'Description (fr)', 'Site web', 'Membre depuis', 'Mots-clés', 'Mots-clés (anglais)'];
  const rows = [
    ['Kaliop', 'kaliop.com', 'Smart Software', 'Montpellier', 'Agence web.', 'https://www.kaliop.com/', '05/05/2015', 'web, grand compte, données', 'web, large company, data'],
    ['AwoX', 'awox.com', 'Mediacloud Interactivity', 'Montpellier', 'Objets connectés.', 'https://www.awox.com/', '05/05/2015', 'objets connectés, santé', 'connected devices'],
    ['RG Systèmes', 'rgsystem.com', 'Smart Software', 'Montpellier', 'Supervision.', 'https://www.rgsystem.com/', '05/05/2015', 'logiciel', ''],
  ];
  const sheet = write(tmp.dir, 'membres-tags.csv', writeCsv([header, ...rows], { delimiter: ';' }));
  const out = join(tmp.dir, 'site-tags');
  const { code, report } = await fsdPublish(['--members', sheet, '--out', out, '--json', ...FIXED]);
  assert.equal(code, 0);
  const members = Object.fromEntries(publishedMembers(out).map((m) => [m.id, m]));
  // A tag the same in both languages, or without its English, stays a plain text, as older readers expect.
  assert.deepEqual(members.kaliop.tags, ['web', { fr: 'grand compte', en: 'large company' }, { fr: 'données', en: 'data' }]);
  assert.deepEqual(members.awox.tags, ['objets connectés', 'santé']);
  assert.deepEqual(members['rg-systemes'].tags, ['logiciel']);
  const warning = report.problems.find((p) => p.code === 'tags-en-count');
  assert.deepEqual({ level: warning.level, row: warning.row, column: warning.column }, { level: 'warning', row: 3, column: 'Mots-clés (anglais)' });
  assert.match(warning.message, /Il y a 1 mot-clé en anglais pour 2 en français/);
});

test('an .xlsx (shared strings, date cells) gives the same members and the same reports', async () => {
  const rows = ROWS.map((row) => row.map((cell, i) => (i === 7 && /^\d\d\/\d\d\/\d{4}$/.test(cell) && cell !== '31/02/2015' ? new Date(Date.UTC(+cell.slice(6), +cell.slice(3, 5) - 1, +cell.slice(0, 2))) : cell)));
  const sheet = write(tmp.dir, 'membres.xlsx', writeXlsx([HEADER_FR, ...rows]));
  const out = join(tmp.dir, 'site-xlsx');
  const { code, report } = await fsdPublish(['--members', sheet, '--out', out, '--json', ...FIXED]);
  assert.equal(code, 0);
  checkReport(report, 'membres.xlsx');
  assert.deepEqual(publishedMembers(out), publishedMembers(join(tmp.dir, 'site-excel')));
});

test('the French report names the sheet, the row, the column and the value, in sentences', async () => {
  const sheet = join(tmp.dir, 'membres-excel.csv');
  const { code, stdout } = await fsdPublish(['--members', sheet, ...FIXED]);
  assert.equal(code, 0);
  assert.match(stdout, /membres-excel\.csv, ligne 6, colonne « Domaines » : « github\.io » est un suffixe public/);
  assert.match(stdout, /ligne 7, colonne « Domaines » : « kaliop\.com » est déjà le domaine de « Kaliop » \(ligne 2\)/);
  assert.match(stdout, /ligne 9, colonne « Membre depuis » : « 31\/02\/2015 » n’est pas une date/);
  assert.match(stdout, /7 ligne\(s\) écartée\(s\)/);
  assert.doesNotMatch(stdout, /\bat .*\.js:\d+/);
});

test('a missing required column publishes nothing, and says which column', async () => {
  const header = HEADER_FR.filter((c) => c !== 'Domaines');
  const rows = ROWS.map((row) => row.filter((_, i) => HEADER_FR[i] !== 'Domaines'));
  const sheet = write(tmp.dir, 'sans-domaines.csv', writeCsv([header, ...rows], { delimiter: ';', encoding: 'windows-1252' }));
  const out = join(tmp.dir, 'site-missing');
  const { code, report, stdout } = await fsdPublish(['--members', sheet, '--out', out, '--json', ...FIXED]);
  assert.equal(code, 2);
  assert.equal(report.published, false);
  assert.deepEqual(report.problems.filter((p) => p.level === 'error').map((p) => [p.code, p.row, p.column]), [['missing-column', 1, 'Domaines']]);
  assert.equal(existsSync(out), false, stdout);
});

test('--strict fails on any bad row (exit 1) and writes nothing; a clean sheet passes it', async () => {
  const out = join(tmp.dir, 'site-strict');
  const bad = await fsdPublish(['--members', join(tmp.dir, 'membres-excel.csv'), '--out', out, '--strict', '--json', ...FIXED]);
  assert.equal(bad.code, 1);
  assert.equal(existsSync(out), false);
  const clean = await fsdPublish(['--members', join(root, 'examples/publish/membres.csv'), '--out', out, '--strict', '--json', '--widgets', join(tmp.dir, 'no-widgets'), ...FIXED]);
  assert.equal(clean.code, 0, clean.stdout);
  assert.equal(clean.report.members, 11);
});

test('the command says what is wrong with itself, without a stack trace (exit 3)', async () => {
  const none = await fsdPublish([]);
  assert.equal(none.code, 3);
  assert.match(none.stdout, /Indiquez le tableau des membres/);
  const unknown = await fsdPublish(['--members', 'x.csv', '--bogus']);
  assert.equal(unknown.code, 3);
  assert.match(unknown.stdout, /Option inconnue/);
  const missing = await fsdPublish(['--members', join(tmp.dir, 'nope.csv')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stdout, /nope\.csv.*n’existe pas/);
  assert.equal(missing.stderr, '');
});

/** Every file under `dir` with its modification time. */
function mtimes(dir) {
  const found = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else found[path.slice(dir.length)] = statSync(path).mtimeMs;
    }
  };
  walk(dir);
  return found;
}

test('the same sheets give the same bytes, and a second publish with no change rewrites no file', async () => {
  const args = ['--members', join(root, 'examples/publish/membres.csv'), '--events', join(root, 'examples/publish/evenements.csv'), '--json', '--base-url', 'http://127.0.0.1/site/', '--today', '2026-12-03'];
  const a = join(tmp.dir, 'det-a');
  const b = join(tmp.dir, 'det-b');
  const first = await fsdPublish([...args, '--out', a]);
  assert.equal(first.code, 0, first.stdout);
  assert.ok(first.report.written.length > 40);
  const before = mtimes(a);
  const second = await fsdPublish([...args, '--out', a]);
  assert.deepEqual(second.report.written, []);
  assert.equal(second.report.unchanged, first.report.written.length);
  assert.deepEqual(mtimes(a), before);
  await fsdPublish([...args, '--out', b]);
  for (const path of Object.keys(before)) assert.ok(readFileSync(join(a, path)).equals(readFileSync(join(b, path))), path);
  // The feeds' updated is the newest input's modification time (no --updated given), not the time of the run.
  const feed = JSON.parse(readFileSync(join(a, 'feeds/members.json'), 'utf8'));
  const newest = Math.max(...['examples/publish/membres.csv', 'examples/publish/evenements.csv', 'examples/data/kaliop.ics'].map((p) => statSync(join(root, p)).mtimeMs));
  assert.equal(Date.parse(feed.updated), Math.floor(newest / 1000) * 1000);
});

test('the event sheet: Paris times, all-day events, members as organisers; bad rows reported by row and column', async () => {
  const header = ['Titre', 'Début', 'Fin', 'Toute la journée', 'Lieu', 'Collège', 'Catégorie', 'Organisateur', 'Description', 'Lien'];
  const rows = [
    ['Atelier Smart Software', '14/01/2027 18:00', '14/01/2027 20:30', 'non', 'Montpellier', 'Smart Software', 'Atelier', 'kaliop', 'Un atelier.', 'https://www.frenchsouth.digital/agenda/a/'],
    ['Rencontres', '10/12/2026', '11/12/2026', 'oui', 'Toulouse', '', 'Avec un cluster partenaire', 'DigitalPlace', '', ''],
    ['Webinaire New York', '2027-02-10T10:00-05:00', '2027-02-10T11:00-05:00', '', '', '', 'webinar', '', '', ''],
    ['', '14/01/2027 18:00', '', '', '', '', '', '', '', ''], // row 5: no title
    ['Date fausse', '32/01/2027 18:00', '', '', '', '', '', '', '', ''], // row 6
    ['Fin avant début', '14/01/2027 18:00', '14/01/2027 17:00', '', '', '', '', '', '', ''], // row 7
    ['Collège faux', '14/01/2027 18:00', '', '', '', 'Robotique', 'Conférence', '', '', 'ftp://x'], // row 8
  ];
  const events = write(tmp.dir, 'evenements.csv', writeCsv([header, ...rows], { delimiter: ';', encoding: 'windows-1252' }));
  const out = join(tmp.dir, 'site-events');
  const { code, report } = await fsdPublish(['--members', join(root, 'examples/publish/membres.csv'), '--events', events, '--out', out, '--json', ...FIXED]);
  assert.equal(code, 0);
  const errors = report.problems.filter((p) => p.level === 'error' && p.sheet === 'evenements.csv').map((p) => [p.row, p.column, p.code]);
  assert.deepEqual(errors, [
    [5, 'Titre', 'required'],
    [6, 'Début', 'bad-date'],
    [7, 'Fin', 'end-before-start'],
    [8, 'Catégorie', 'unknown-category'],
    [8, 'Collège', 'unknown-college'],
    [8, 'Lien', 'bad-url'],
  ]);
  const feed = JSON.parse(readFileSync(join(out, 'feeds/events.json'), 'utf8'));
  const sheetEvents = feed.events.filter((e) => !e.id.includes('/'));
  assert.deepEqual(sheetEvents.map((e) => e.id), ['rencontres-2026-12-10', 'atelier-smart-software-2027-01-14', 'webinaire-new-york-2027-02-10']);
  const [rencontres, atelier, webinaire] = sheetEvents;
  assert.deepEqual([rencontres.allDay, rencontres.start, rencontres.end, rencontres.category, rencontres.organizer], [true, '2026-12-10', '2026-12-11', 'partner', { name: 'DigitalPlace' }]);
  assert.deepEqual([atelier.start, atelier.end, atelier.timeZone, atelier.college, atelier.organizer], ['2027-01-14T17:00:00.000Z', '2027-01-14T19:30:00.000Z', 'Europe/Paris', 'smart-software', { id: 'kaliop', name: 'Kaliop' }]);
  assert.equal(webinaire.start, '2027-02-10T15:00:00.000Z');
  // Kaliop's own calendar (its Calendrier cell: ../data/kaliop.ics) is in, organised by Kaliop.
  const own = feed.events.filter((e) => e.id.startsWith('kaliop/'));
  assert.ok(own.length >= 10, own.length);
  assert.ok(own.every((e) => e.organizer.id === 'kaliop' && e.organizer.name === 'Kaliop'));
  assert.deepEqual(feed.subscriptions.members.kaliop, { ics: 'https://www.frenchsouth.digital/feeds/members/kaliop.ics', webcal: 'webcal://www.frenchsouth.digital/feeds/members/kaliop.ics' });
  const keys = feed.events.map((e) => `${Date.parse(e.allDay ? `${e.start}T00:00:00Z` : e.start)}|${e.id}`);
  assert.deepEqual(keys, [...keys].sort((x, y) => Number(x.split('|')[0]) - Number(y.split('|')[0]) || (x < y ? -1 : 1)), 'sorted by start, then id');
});

test('feed text is data, never markup, in the pages and in their JSON-LD', async () => {
  const rows = [['Balise <img src=x onerror=alert(1)>', 'balise.example', 'Smart Software', 'Montpellier', 'Fin de script </script><script>alert(1)</script> & "guillemets"', '', 'https://balise.example/?a=1&b="2"', '05/05/2015', '', '', 'a<b']];
  const sheet = write(tmp.dir, 'balises.csv', writeCsv([HEADER_FR, ...rows]));
  const out = join(tmp.dir, 'site-escape');
  const { code, stdout } = await fsdPublish(['--members', sheet, '--out', out, ...FIXED]);
  assert.equal(code, 0, stdout);
  const html = readFileSync(join(out, 'membres/balise-img-src-x-onerror-alert-1/index.html'), 'utf8');
  assert.ok(!html.includes('<img src=x'), 'the name is escaped');
  assert.ok(html.includes('Balise &lt;img src=x onerror=alert(1)&gt;'));
  assert.equal(html.match(/<script/g).length, 1, 'only the JSON-LD block');
  assert.ok(!html.includes('</script><script>'));
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(html)[1]);
  assert.equal(jsonLd.description, 'Fin de script </script><script>alert(1)</script> & "guillemets"');
  assert.ok(html.includes('href="https://balise.example/?a=1&amp;b=%222%22"'));
});

test('members claiming a shared host of the Public Suffix List are refused, each by row and naming the suffix; the others are published', async () => {
  const claims = ['uk.com', 'co.com', 'blogspot.fr', 'notion.site', 's3.eu-west-3.amazonaws.com', 'azureedge.net', 's3.fr-par.scw.cloud', 'https://francecentral-01.azurewebsites.net/'];
  const rows = claims.map((domain, i) => [`Hébergé ${i}`, domain, 'Smart Software', 'Montpellier', 'x', '', `https://h${i}.example/`, '05/05/2015', '', '', '']);
  const sheet = write(tmp.dir, 'membres-suffixes.csv', writeCsv([HEADER_FR, ROWS[0], ...rows]));
  const out = join(tmp.dir, 'site-suffixes');
  const { code, report } = await fsdPublish(['--members', sheet, '--out', out, '--json', ...FIXED]);
  assert.equal(code, 0);
  const refused = report.problems.filter((p) => p.level === 'error');
  assert.deepEqual(refused.map(({ row, column, code: kind }) => ({ row, column, code: kind })), claims.map((_, i) => ({ row: i + 3, column: 'Domaines', code: 'public-suffix' })));
  const named = claims.map((claim) => claim.replace(/^https:\/\/|\/$/g, ''));
  refused.forEach((problem, i) => assert.match(problem.message, new RegExp(`«\\s?${named[i].replace(/\./g, '\\.')}\\s?» est un suffixe public`), problem.message));
  assert.deepEqual(publishedMembers(out).map((m) => m.id), ['kaliop']);
});
