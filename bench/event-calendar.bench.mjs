// The event calendar: time to render a month holding 1,000 events, from a JSON feed and from an iCalendar file
// (800 single events and 40 weekly series begun a year earlier, so expanding recurrence is part of the cost), on a
// first visit (feed fetched, checked and cached) and a return visit (offline copy), with a reference in the same run;
// and beside it the anchor of issue 10: FullCalendar 6 (daygrid month view, a dev dependency used here only) drawing
// the same month from the same JSON, alternating with ours in the same Chromium. Times run to the month drawn (the
// frame after the render).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipKB, staticClosure } from '../tools/bundle.mjs';
import { median, twoVisits } from './harness.mjs';

const RUNS = 9;
const EVENTS = 1000;

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = ['Atelier Smart Software', 'Café des membres', 'Webinaire export', 'Rencontre DigitalPlace', 'Meetup web', 'Formation cloud', 'Démonstration jeu vidéo'];
const pad = (n) => String(n).padStart(2, '0');

function writeFeeds(folder) {
  const next = random(2027);
  const slot = () => ({ day: 1 + Math.floor(next() * 31), hour: 8 + Math.floor(next() * 11), minute: Math.floor(next() * 4) * 15 });
  const events = Array.from({ length: EVENTS }, (_, i) => {
    const { day, hour, minute } = slot();
    return {
      id: `bench-${i}`,
      title: `${TITLES[i % TITLES.length]} ${i}`,
      start: `2027-01-${pad(day)}T${pad(hour)}:${pad(minute)}:00`,
      end: `2027-01-${pad(day)}T${pad(hour + 1)}:${pad(minute)}:00`,
      timeZone: 'Europe/Paris',
      location: 'Montpellier',
      college: ['smart-software', 'mediacloud-interactivity', 'digital-content-cultures'][i % 3],
    };
  });
  writeFileSync(`${folder}/calendar-1000.json`, JSON.stringify({ version: 1, events }));

  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//FrenchSouth.digital//bench//FR', 'BEGIN:VTIMEZONE', 'TZID:Europe/Paris',
    'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
    'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'END:VTIMEZONE'];
  events.slice(0, 800).forEach((e, i) => {
    const stamp = (iso) => iso.replace(/[-:]/g, '');
    lines.push('BEGIN:VEVENT', `UID:bench-${i}@frenchsouth.digital`, 'DTSTAMP:20261120T090000Z', `DTSTART;TZID=Europe/Paris:${stamp(e.start)}`, `DTEND;TZID=Europe/Paris:${stamp(e.end)}`, `SUMMARY:${e.title}`, 'LOCATION:Montpellier', 'END:VEVENT');
  });
  // 40 weekly series on Mondays since January 2026: 5 occurrences each in the grid of January 2027 (28 December to
  // 31 January), 200 in all.
  for (let i = 0; i < 40; i++) {
    const hour = pad(8 + (i % 10));
    lines.push('BEGIN:VEVENT', `UID:bench-weekly-${i}@frenchsouth.digital`, 'DTSTAMP:20261120T090000Z', `DTSTART;TZID=Europe/Paris:20260105T${hour}0000`, `DTEND;TZID=Europe/Paris:20260105T${hour}3000`, 'RRULE:FREQ=WEEKLY;BYDAY=MO', `SUMMARY:Point hebdomadaire ${i}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  writeFileSync(`${folder}/calendar-1000.ics`, lines.join('\r\n') + '\r\n');
}

export default async function ({ browser, origin, report }) {
  const folder = '.cache/bench-data';
  mkdirSync(folder, { recursive: true });
  writeFeeds(folder);
  report('fsd-event-calendar.js with its static imports (min+gzip)', gzipKB(staticClosure('packages/widgets/dist/fsd-event-calendar.js')), 'KB');

  // The standalone build, beside the package's manifest (its `exports` do not name it).
  const fullcalendar = join(dirname(createRequire(import.meta.url).resolve('fullcalendar/package.json')), 'index.global.min.js');
  copyFileSync(fullcalendar, `${folder}/fullcalendar.global.min.js`);

  const page = (query) => `${origin}/bench/calendar.html?${query}`;
  const results = { json: [], ics: [], reference: [], fullcalendar: [] };
  for (let i = 0; i < RUNS; i++) {
    results.json.push(await twoVisits(browser, page('src=/bench/data/calendar-1000.json')));
    results.fullcalendar.push(await twoVisits(browser, page('src=/bench/data/calendar-1000.json&fullcalendar')));
    results.ics.push(await twoVisits(browser, page('src=/bench/data/calendar-1000.ics')));
    results.reference.push(await twoVisits(browser, page('src=/bench/data/calendar-1000.json&reference')));
  }
  if (!results.fullcalendar.every((r) => r.first.count === EVENTS)) throw new Error('FullCalendar did not hold every event');
  for (const kind of ['json', 'ics']) {
    const counts = new Set(results[kind].map((r) => r.first.count));
    if (counts.size !== 1 || !counts.has(EVENTS)) throw new Error(`the ${kind} calendar showed ${[...counts].join(', ')} events, not ${EVENTS}`);
  }
  const ref = median(results.reference.map((r) => r.first.ms));
  const line = (kind, label) => {
    const first = median(results[kind].map((r) => r.first.ms));
    const second = median(results[kind].map((r) => r.second.ms));
    const nav = median(results[kind].map((r) => r.first.navigation));
    report(`${label}: month of ${EVENTS} events, first visit (median of ${RUNS})`, first, 'ms', `${(first / ref).toFixed(1)}× reference`);
    report(`${label}: the same, return visit from the offline copy`, second, 'ms');
    report(`${label}: next month and back, per month change`, nav, 'ms');
  };
  line('json', 'JSON feed');
  line('ics', 'iCalendar file');
  report(`reference: fetch, JSON.parse, group by day, plain DOM table (median of ${RUNS})`, ref, 'ms');

  const fc = median(results.fullcalendar.map((r) => r.first.ms));
  const fcNav = median(results.fullcalendar.map((r) => r.first.navigation));
  const oursDrawn = median(results.json.map((r) => r.first.drawn));
  const oursNav = median(results.json.map((r) => r.first.navigationFrame));
  report(`FullCalendar 6 daygrid: the same JSON, month drawn, first visit (median of ${RUNS})`, fc, 'ms');
  report('ours (JSON feed), to the month drawn, first visit', oursDrawn, 'ms', `${(oursDrawn / fc).toFixed(2)}× FullCalendar (target 0.1×)`);
  const fcFrame = median(results.fullcalendar.map((r) => r.first.navigationFrame));
  report('FullCalendar 6: change of month, to the frame drawn', fcNav, 'ms');
  report('FullCalendar 6: change of month, main-thread cost of its frame (median of 8 a visit)', fcFrame, 'ms');
  report('ours (JSON feed): change of month, main-thread cost of its frame (the same)', oursNav, 'ms', `${(oursNav / fcFrame).toFixed(2)}× FullCalendar (target within one 16 ms frame)`);
}
