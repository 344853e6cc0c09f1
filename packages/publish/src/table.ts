/**
 * A spreadsheet as rows of cells, whichever program wrote it: CSV as Excel writes it (French settings `;`, English
 * `,`, with or without BOM, UTF-8 or Windows-1252), LibreOffice and Google Sheets CSV, and `.xlsx`.
 *
 * CSV is parsed by csv-parse and `.xlsx` read by read-excel-file: both run in Node and in the browser, so the staff's
 * check page reads a dropped file with this same code.
 */
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/universal';

/** A cell as the file gives it: text from a CSV; text, number, boolean or date from an `.xlsx`. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** The row's number as the spreadsheet shows it: the header is row 1. */
  number: number;
  cells: Cell[];
}

export interface Table {
  /** The file's name, as the staff know it (`membres.csv`). */
  sheet: string;
  /** The header row's texts, as written. */
  headers: string[];
  /** The row number of the header (1 unless empty rows come first). */
  headerRow: number;
  /** The rows under the header, empty rows left out. */
  rows: TableRow[];
}

/** Why a file could not be read at all; `code` picks the sentence in the report. */
export class UnreadableFile extends Error {
  readonly code: 'old-excel' | 'empty' | 'not-a-spreadsheet' | 'unreadable';
  constructor(code: UnreadableFile['code'], detail = '') {
    super(detail || code);
    this.code = code;
  }
}

/**
 * The text of a CSV file: UTF-8 when it decodes as UTF-8 (a stray byte makes that fail), else Windows-1252, which
 * is what Excel writes "CSV (séparateur : point-virgule)" in on a French Windows. A BOM is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node 20's decoder reads 'windows-1252' as Latin-1 (0x92 stays U+0092, not ’): put back the characters that
    // Windows-1252 has at 0x80–0x9F. Browsers already decode them; the five bytes it leaves undefined stay as they are.
    return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
  }
}

/** Windows-1252 at 0x80–0x9F (`undefined` where it has no character). */
const CP1252_HIGH: (string | undefined)[] = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];

/** The separator of a CSV: the one of `;`, `,` and tab seen most often in the first line, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const [delimiter, count] of counts) {
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

const isEmptyCell = (cell: Cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

function tableOf(sheet: string, records: Cell[][]): Table {
  const headerIndex = records.findIndex((record) => !record.every(isEmptyCell));
  if (headerIndex < 0) throw new UnreadableFile('empty');
  const headers = records[headerIndex]!.map((cell) => (cell === null || cell === undefined ? '' : String(cell).trim()));
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (!cells.every(isEmptyCell)) rows.push({ number: i + 1, cells });
  }
  return { sheet, headers, headerRow: headerIndex + 1, rows };
}

/** Reads a CSV's text; records are numbered as a spreadsheet numbers its rows (a quoted line break stays in its cell). */
export function readCsv(sheet: string, text: string): Table {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') throw new UnreadableFile('empty');
  let records: string[][];
  try {
    records = parse(clean, {
      delimiter: detectDelimiter(clean),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new UnreadableFile('unreadable', (error as Error).message);
  }
  return tableOf(sheet, records);
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** Reads a spreadsheet file: `.xlsx` (a zip) by its first bytes, anything else as CSV. */
export async function readTable(sheet: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new UnreadableFile('empty');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new UnreadableFile('old-excel');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    let data: unknown[][];
    try {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      data = (await readSheet(buffer, { trim: false })) as unknown as unknown[][];
    } catch (error) {
      throw new UnreadableFile('unreadable', (error as Error).message);
    }
    return tableOf(sheet, data.map((row) => row.map((cell) => (cell === undefined ? null : (cell as Cell)))));
  }
  const text = decodeText(bytes);
  // eslint-disable-next-line no-control-regex -- a NUL byte means a binary file, not text
  if (/\u0000/.test(text.slice(0, 4096))) throw new UnreadableFile('not-a-spreadsheet');
  return readCsv(sheet, text);
}
