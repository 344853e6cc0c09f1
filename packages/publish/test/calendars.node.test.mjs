// Members' own calendars, fetched at publish time: one that is slow (never answers within the timeout), fails
// (HTTP 500) or is not iCalendar is reported on its member's row and left out; the others and the rest publish.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeCsv } from '../../../tools/spreadsheets.mjs';
import { fsdPublish, root, tempDir, write } from './helpers.mjs';

let tmp;
let server;
let origin;
const held = [];

before(async () => {
  tmp = tempDir();
  const ics = readFileSync(join(root, 'examples/data/kaliop.ics'), 'utf8');
  server = createServer((request, response) => {
    if (request.url === '/good.ics') response.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }).end(ics);
    else if (request.url === '/broken.ics') response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
    else if (request.url === '/login') response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Connexion</title><form></form>');
    else if (request.url === '/slow.ics') held.push(response); // never answers while the publish waits
    else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  for (const response of held) response.destroy();
  server.close();
  tmp.remove();
});

const HEADER = ['Identifiant', 'Nom', 'Domaines', 'Collège', 'Ville', 'Description (fr)', 'Site web', 'Membre depuis', 'Calendrier'];
const member = (id, name, calendar) => [id, name, `${id}.example`, 'Smart Software', 'Montpellier', `${name} (exemple).`, `https://${id}.example/`, '05/05/2015', calendar];

test('a slow, a failing and a non-iCalendar member calendar are reported and left out; the good one and the rest publish', async () => {
  const rows = [
    member('bon-agenda', 'Bon Agenda', `${origin}/good.ics`),
    member('agenda-lent', 'Agenda Lent', `${origin}/slow.ics`),
    member('agenda-casse', 'Agenda Cassé', `${origin}/broken.ics`),
    member('page-web', 'Page Web', `${origin}/login`),
    member('fichier-absent', 'Fichier Absent', 'agendas/absent.ics'),
    member('sans-agenda', 'Sans Agenda', ''),
  ];
  const sheet = write(tmp.dir, 'membres.csv', writeCsv([HEADER, ...rows], { delimiter: ';', encoding: 'windows-1252' }));
  const out = join(tmp.dir, 'site');
  const started = Date.now();
  const { code, report, stdout } = await fsdPublish(['--members', sheet, '--out', out, '--json', '--timeout', '1.5', '--today', '2026-12-03', '--updated', '2026-12-01T08:00:00Z']);
  assert.equal(code, 0, stdout);
  assert.ok(Date.now() - started < 15_000, 'the slow calendar did not hold the publish');
  assert.equal(report.members, 6);
  const warnings = report.problems.filter((p) => p.level === 'warning').map((p) => [p.row, p.column, p.code]);
  assert.deepEqual(warnings, [
    [3, 'Calendrier', 'calendar-timeout'],
    [4, 'Calendrier', 'calendar-http'],
    [5, 'Calendrier', 'calendar-not-ics'],
    [6, 'Calendrier', 'calendar-missing-file'],
  ]);
  assert.match(report.problems.find((p) => p.code === 'calendar-timeout').message, /n’a pas répondu en 1\.5 secondes/);
  assert.match(report.problems.find((p) => p.code === 'calendar-http').message, /HTTP 500/);
  const feed = JSON.parse(readFileSync(join(out, 'feeds/events.json'), 'utf8'));
  const organizers = new Set(feed.events.map((e) => e.organizer?.id));
  assert.deepEqual([...organizers], ['bon-agenda']);
  assert.ok(feed.events.length >= 10);
  assert.ok(feed.events.some((e) => e.title.fr === 'Meetup web de Montpellier (spécial fin d’année)'), 'the RECURRENCE-ID override is in');
  // Within the window: 30 days back to 365 ahead of 2026-12-03.
  assert.ok(feed.events.every((e) => e.end.slice(0, 10) >= '2026-11-03' && e.start.slice(0, 10) < '2027-12-04'));
  assert.deepEqual(Object.keys(feed.subscriptions.members), ['bon-agenda']);
});

test('the cluster’s own .ics as an event source: expanded over the window, events without organiser kept as the cluster’s', async () => {
  const rows = [member('bon-agenda', 'Bon Agenda', '')];
  const sheet = write(tmp.dir, 'membres-seuls.csv', writeCsv([HEADER, ...rows], { delimiter: ',', bom: true, lineEnd: '\n' })); // Excel "CSV UTF-8": BOM, ","
  const out = join(tmp.dir, 'site-ics');
  const { code, report } = await fsdPublish(['--members', sheet, '--events', join(root, 'examples/data/kaliop.ics'), '--out', out, '--json', '--today', '2026-12-03', '--updated', '2026-12-01T08:00:00Z']);
  assert.equal(code, 0);
  assert.deepEqual(report.problems, []);
  const feed = JSON.parse(readFileSync(join(out, 'feeds/events.json'), 'utf8'));
  assert.ok(feed.events.length >= 10);
  assert.ok(feed.events.every((e) => e.organizer === undefined));
  const notIcs = write(tmp.dir, 'agenda.ics', '<!doctype html><title>Pas un agenda</title>');
  const bad = await fsdPublish(['--members', sheet, '--events', notIcs, '--out', join(tmp.dir, 'site-bad-ics'), '--json']);
  assert.equal(bad.code, 2);
  assert.deepEqual(bad.report.problems.map((p) => [p.sheet, p.code]), [['agenda.ics', 'not-ics']]);
});
