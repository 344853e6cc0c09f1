/**
 * The staff's check page (`verifier/` in the published site): the same reading and the same validation as the
 * command, on a file dropped in the browser. Nothing is sent anywhere: the file is read by the page itself.
 * Members' calendars are not fetched here (their servers do not allow it from a page); the command fetches them.
 */
import { checkEvents, readEventSheet } from './events.js';
import { readMembers } from './members.js';
import { formatProblem, type Lang, type Problem } from './problems.js';
import { readTable, UnreadableFile } from './table.js';
import { EVENT_COLUMNS, MEMBER_COLUMNS, mapColumns } from './columns.js';

const lang: Lang = document.documentElement.lang === 'en' ? 'en' : 'fr';

const TEXT = {
  fr: {
    reading: (name: string) => `Lecture de ${name}…`,
    members: (ok: number, bad: number) => `${ok} membre(s) prêt(s) à publier, ${bad} ligne(s) à corriger.`,
    events: (ok: number, bad: number) => `${ok} événement(s) prêt(s) à publier, ${bad} ligne(s) à corriger.`,
    none: 'Aucun problème : ce tableau peut être publié.',
    headers: ['Niveau', 'Ligne', 'Colonne', 'Valeur', 'Problème'],
    error: 'erreur',
    warning: 'avertissement',
    unreadable: 'Ce fichier ne peut pas être lu : enregistrez-le en CSV ou en classeur Excel (.xlsx).',
    caption: (name: string) => `Problèmes trouvés dans ${name}`,
  },
  en: {
    reading: (name: string) => `Reading ${name}…`,
    members: (ok: number, bad: number) => `${ok} member(s) ready to publish, ${bad} row(s) to fix.`,
    events: (ok: number, bad: number) => `${ok} event(s) ready to publish, ${bad} row(s) to fix.`,
    none: 'No problem: this sheet can be published.',
    headers: ['Level', 'Row', 'Column', 'Value', 'Problem'],
    error: 'error',
    warning: 'warning',
    unreadable: 'This file cannot be read: save it as CSV or as an Excel workbook (.xlsx).',
    caption: (name: string) => `Problems found in ${name}`,
  },
}[lang];

const result = document.getElementById('result')!;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function show(name: string, summary: string, problems: Problem[]): void {
  result.replaceChildren(element('p', summary));
  result.dataset.errors = String(problems.filter((p) => p.level === 'error').length);
  if (!problems.length) return;
  const table = element('table');
  table.append(element('caption', TEXT.caption(name)));
  const head = element('tr');
  for (const header of TEXT.headers) head.append(Object.assign(element('th', header), { scope: 'col' }));
  table.append(element('thead'), element('tbody'));
  table.tHead!.append(head);
  for (const problem of problems) {
    const row = element('tr');
    row.dataset.code = problem.code;
    for (const cell of [problem.level === 'error' ? TEXT.error : TEXT.warning, problem.row === undefined ? '' : String(problem.row), problem.column ?? '', problem.value ?? '', problem.message]) row.append(element('td', cell));
    row.title = formatProblem(problem, lang);
    table.tBodies[0]!.append(row);
  }
  result.append(table);
}

async function check(file: File): Promise<void> {
  result.replaceChildren(element('p', TEXT.reading(file.name)));
  try {
    const table = await readTable(file.name, new Uint8Array(await file.arrayBuffer()));
    const baseUrl = new URL('../', location.href).href;
    const asEvents = mapColumns(table.headers, MEMBER_COLUMNS).missing.length > 0 && mapColumns(table.headers, EVENT_COLUMNS).missing.length === 0;
    if (asEvents) {
      const read = readEventSheet(table, lang, new Map());
      const checked = read.fatal ? undefined : checkEvents(read.events, lang, undefined, `${baseUrl}feeds/events.json`);
      const problems = [...read.problems, ...(checked?.problems ?? [])].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      const bad = new Set(problems.filter((p) => p.level === 'error').map((p) => p.row)).size;
      show(file.name, problems.length ? TEXT.events(checked?.feed.events.length ?? 0, bad) : TEXT.none, problems);
      return;
    }
    const members = readMembers(table, { lang, baseUrl });
    show(file.name, members.problems.length ? TEXT.members(members.feed?.members.length ?? 0, members.badRows.length) : TEXT.none, members.problems);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) console.error(error);
    result.replaceChildren(element('p', TEXT.unreadable));
  }
}

const input = document.getElementById('file') as HTMLInputElement;
input.addEventListener('change', () => {
  if (input.files?.[0]) void check(input.files[0]);
});
const drop = document.getElementById('drop')!;
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('drop--over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('drop--over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('drop--over');
  const file = event.dataTransfer?.files[0];
  if (file) void check(file);
});
