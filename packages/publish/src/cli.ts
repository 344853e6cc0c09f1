/**
 * `fsd-publish`: the command the staff (or a cron job, or CI) run. Every problem is a sentence, never a stack trace.
 *
 *   fsd-publish --members membres.csv [--events evenements.csv] [--events agenda.ics] --out site/
 *               [--base-url https://www.frenchsouth.digital/] [--updated 2026-11-20T09:00:00+01:00] [--today 2026-12-03]
 *               [--lang en] [--strict] [--timeout 10] [--widgets packages/widgets/dist] [--json]
 *
 * Exit codes: 0 published (bad rows left out and listed); 1 `--strict` and at least one bad row (nothing written);
 * 2 nothing published (a file unreadable, a required column missing); 3 the command itself is wrong (an unknown
 * option, a missing --members); 4 the site could not be written (a full disk, no permission).
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '@frenchsouth-digital/feed';
import { formatProblem, type Lang, type Problem } from './problems.js';
import { publish, type PublishOptions, type PublishResult } from './publish.js';
import { generateSigningKey, signingKey } from './signing.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/**
 * `fsd-publish keygen --out FILE [--kid ID]`: a new Ed25519 key pair. The private key goes to FILE (mode 600), never
 * inside this repository; without --out it is printed, for a secret environment variable (FSD_SIGNING_KEY). The
 * public key is printed for packages/feed/src/cluster-keys.ts.
 */
function keygen(argv: string[], print: (line: string) => void): number {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, kid: { type: 'string' } }, strict: false });
  const kid = typeof values.kid === 'string' ? values.kid : `fsd-${new Date().toISOString().slice(0, 7)}`;
  const { pem, raw } = generateSigningKey();
  if (typeof values.out === 'string') {
    const target = resolve(values.out);
    const repo = resolve(import.meta.dirname ?? '.', '../../..');
    if (target.startsWith(repo + sep)) {
      print(`Refusé : ${target} est dans le dépôt ; la clé privée doit rester hors du dépôt. / Refused: the private key must stay outside the repository.`);
      return 3;
    }
    writeFileSync(target, pem, { mode: 0o600, flag: 'wx' });
    print(`Clé privée / private key: ${target}`);
  } else print(pem.trim());
  print(`Clé publique à épingler / public key to pin (cluster-keys.ts): '${kid}': '${raw}'`);
  return 0;
}

const USAGE = {
  fr: `Utilisation : npx fsd-publish --members membres.csv [--events evenements.csv] [--events agenda.ics] --out dossier/
  --members FICHIER   le tableau des membres (.csv ou .xlsx), obligatoire
  --events FICHIER    les événements : un tableau (.csv, .xlsx) ou l’agenda du cluster (.ics) ; répétable
  --out DOSSIER       où écrire le site ; sans --out, le tableau est seulement vérifié
  --base-url URL      l’adresse du site publié (défaut : https://www.frenchsouth.digital/)
  --updated DATE      la date de publication des flux (défaut : la dernière modification des fichiers lus)
  --today JOUR        le jour d’où compte la fenêtre des agendas (défaut : aujourd’hui, heure de Paris)
  --timeout SECONDES  le temps laissé à l’agenda d’un membre (défaut : 10)
  --strict            échoue (code 1) et ne publie rien si une ligne est fausse : pour l’intégration continue
  --lang en           le rapport en anglais
  --json              le rapport en JSON
  --key FICHIER       signe les flux avec cette clé privée Ed25519 (répétable pendant un changement de clé) ;
                      sinon la variable FSD_SIGNING_KEY ; --kid ID nomme chaque clé
  fsd-publish keygen --out FICHIER [--kid ID]  crée une paire de clés (la privée hors du dépôt)
Codes de sortie : 0 publié, 1 ligne fausse avec --strict, 2 rien publié (fichier ou colonne), 3 commande incorrecte, 4 écriture impossible.`,
  en: `Usage: npx fsd-publish --members members.csv [--events events.csv] [--events calendar.ics] --out folder/
  --members FILE      the member sheet (.csv or .xlsx), required
  --events FILE       events: a sheet (.csv, .xlsx) or the cluster's calendar (.ics); may be repeated
  --out FOLDER        where to write the site; without --out, the sheet is only checked
  --base-url URL      the published site's address (default: https://www.frenchsouth.digital/)
  --updated DATE      the feeds' publication date (default: the latest modification of the files read)
  --today DAY         the day the calendar window counts from (default: today, Paris time)
  --timeout SECONDS   the time a member's calendar is given (default: 10)
  --strict            fails (code 1) and publishes nothing if any row is wrong: for continuous integration
  --lang en           the report in English
  --json              the report as JSON
  --key FILE          signs the feeds with this Ed25519 private key (repeatable during a key rotation);
                      else the FSD_SIGNING_KEY variable; --kid ID names each key
  fsd-publish keygen --out FILE [--kid ID]  makes a key pair (the private one outside the repository)
Exit codes: 0 published, 1 bad row with --strict, 2 nothing published (file or column), 3 wrong command, 4 cannot write.`,
};

function summary(result: PublishResult, lang: Lang, out?: string): string {
  const errors = result.problems.filter((p) => p.level === 'error').length;
  const warnings = result.problems.length - errors;
  if (lang === 'fr') {
    const head = result.published
      ? `Publié dans ${out} : ${result.members} membres, ${result.events} événements (${result.write!.written.length} fichiers écrits, ${result.write!.unchanged} inchangés, ${result.write!.removed.length} supprimés).`
      : result.exitCode === 0
        ? `Vérifié : ${result.members} membres, ${result.events} événements publiables (rien n’a été écrit : ajoutez --out DOSSIER pour publier).`
        : result.exitCode === 1
          ? 'Rien n’a été publié (--strict) : corrigez les lignes ci-dessus.'
          : 'Rien n’a été publié : corrigez le problème ci-dessus.';
    return `${head}\n${result.badRows} ligne(s) écartée(s), ${errors} erreur(s), ${warnings} avertissement(s).`;
  }
  const head = result.published
    ? `Published in ${out}: ${result.members} members, ${result.events} events (${result.write!.written.length} files written, ${result.write!.unchanged} unchanged, ${result.write!.removed.length} removed).`
    : result.exitCode === 0
      ? `Checked: ${result.members} members, ${result.events} events can be published (nothing written: add --out FOLDER to publish).`
      : result.exitCode === 1
        ? 'Nothing was published (--strict): fix the rows above.'
        : 'Nothing was published: fix the problem above.';
  return `${head}\n${result.badRows} row(s) left out, ${errors} error(s), ${warnings} warning(s).`;
}

/** Runs the command; resolves with its exit code. */
export async function main(argv: string[], print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  if (argv[0] === 'keygen') return keygen(argv.slice(1), print);
  const langArg = argv.indexOf('--lang');
  let lang: Lang = langArg >= 0 && argv[langArg + 1] === 'en' ? 'en' : 'fr';
  let values: ReturnType<typeof parse>['values'];
  const parse = (args: string[]) =>
    parseArgs({
      args,
      options: {
        members: { type: 'string' },
        events: { type: 'string', multiple: true },
        out: { type: 'string' },
        'base-url': { type: 'string' },
        updated: { type: 'string' },
        today: { type: 'string' },
        timeout: { type: 'string' },
        widgets: { type: 'string' },
        lang: { type: 'string' },
        strict: { type: 'boolean' },
        json: { type: 'boolean' },
        key: { type: 'string', multiple: true },
        kid: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  const wrong = (fr: string, en: string) => {
    print(`${lang === 'fr' ? fr : en}\n\n${USAGE[lang]}`);
    return 3;
  };
  try {
    values = parse(argv).values;
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
    return wrong(`Option inconnue ou incomplète : ${option}.`, `Unknown or incomplete option: ${option}.`);
  }
  if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') return wrong('--lang vaut fr ou en.', '--lang is fr or en.');
  lang = (values.lang as Lang | undefined) ?? 'fr';
  if (values.help) {
    print(USAGE[lang]);
    return 0;
  }
  if (!values.members) return wrong('Indiquez le tableau des membres : --members membres.csv.', 'Name the member sheet: --members members.csv.');
  const options: PublishOptions = { members: values.members, lang };
  if (values.events) options.events = values.events;
  if (values.out) options.out = values.out;
  if (values.strict) options.strict = true;
  if (values.widgets) options.widgets = values.widgets;
  if (values['base-url'] !== undefined) {
    let base: URL | undefined;
    try {
      base = new URL(values['base-url']);
    } catch {
      base = undefined;
    }
    if (!base || !/^https?:$/.test(base.protocol)) return wrong('--base-url doit être une adresse https://…', '--base-url must be an https://… address.');
    options.baseUrl = base.href.endsWith('/') ? base.href : `${base.href}/`;
  }
  if (values.updated !== undefined) {
    if (Number.isNaN(Date.parse(values.updated)) || !/^\d{4}-\d{2}-\d{2}/.test(values.updated)) return wrong('--updated doit être une date ISO, comme 2026-11-20T09:00:00+01:00.', '--updated must be an ISO date, like 2026-11-20T09:00:00+01:00.');
    options.updated = values.updated;
  }
  if (values.today !== undefined) {
    if (!isIsoDate(values.today)) return wrong('--today doit être un jour, comme 2026-12-03.', '--today must be a day, like 2026-12-03.');
    options.today = values.today;
  }
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!(seconds > 0)) return wrong('--timeout est un nombre de secondes, comme 10.', '--timeout is a number of seconds, like 10.');
    options.timeoutMs = seconds * 1000;
  }

  // The signing keys: --key FILE (repeatable, for a rotation) or FSD_SIGNING_KEY (the PEM text); --kid names each.
  const pems = values.key?.map((file) => readFileSync(file, 'utf8')) ?? (process.env.FSD_SIGNING_KEY ? [process.env.FSD_SIGNING_KEY] : []);
  if (pems.length) {
    try {
      options.keys = pems.map((pem, i) => signingKey(pem, values.kid?.[i] ?? `fsd-${(options.updated ?? new Date().toISOString()).slice(0, 7)}`));
    } catch (error) {
      return wrong(`La clé de signature est illisible (${(error as Error).message}).`, `The signing key cannot be read (${(error as Error).message}).`);
    }
  }

  let result: PublishResult;
  try {
    result = await publish(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && /^E[A-Z]+$/.test(code)) {
      print(lang === 'fr' ? `Le site n’a pas pu être écrit dans ${options.out ?? '.'} (${code}) : vérifiez la place libre et les droits du dossier.` : `The site could not be written to ${options.out ?? '.'} (${code}): check the free space and the folder's permissions.`);
      return 4;
    }
    print(lang === 'fr' ? `Erreur inattendue de fsd-publish : ${(error as Error).message}. Signalez-la à l’équipe technique avec le fichier qui l’a causée.` : `Unexpected fsd-publish error: ${(error as Error).message}. Report it to the technical team with the file that caused it.`);
    return 70;
  }
  if (values.json) {
    const { problems, exitCode, published, members, events, badRows, write } = result;
    print(JSON.stringify({ exitCode, published, members, events, badRows, written: write?.written ?? [], unchanged: write?.unchanged ?? 0, removed: write?.removed ?? [], problems }, null, 2));
  } else {
    for (const problem of result.problems) print(`${problem.level === 'error' ? '✗' : '!'} ${formatProblem(problem, lang)}`);
    print(summary(result, lang, options.out));
  }
  return result.exitCode;
}

export type { Problem };
