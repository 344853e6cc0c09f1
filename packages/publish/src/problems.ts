/**
 * What the report lists: every problem with its sheet (file name), row (as the spreadsheet numbers it), column (its
 * header as written), value, and a sentence a non-developer understands, in French or English.
 */
export type Lang = 'fr' | 'en';

export interface Problem {
  /** `error`: the row (or the whole publish) is left out. `warning`: published, but something was left aside. */
  level: 'error' | 'warning';
  /** Stable name of the kind of problem, for scripts and tests (`public-suffix`, `missing-column`…). */
  code: string;
  sheet: string;
  row?: number;
  column?: string;
  value?: string;
  message: string;
}

/** One problem as one line of the report. */
export function formatProblem(problem: Problem, lang: Lang): string {
  const where = [problem.sheet];
  if (problem.row !== undefined) where.push(lang === 'fr' ? `ligne ${problem.row}` : `row ${problem.row}`);
  if (problem.column) where.push(lang === 'fr' ? `colonne « ${problem.column} »` : `column "${problem.column}"`);
  const value = problem.value !== undefined && problem.value !== '' ? (lang === 'fr' ? ` [valeur : « ${problem.value} »]` : ` [value: "${problem.value}"]`) : '';
  return `${where.join(', ')} : ${problem.message}${value}`.replace(' : ', lang === 'fr' ? ' : ' : ': ');
}
