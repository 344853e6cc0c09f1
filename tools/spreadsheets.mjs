// Spreadsheet files written the way the staff's programs write them, for the publishing tests, the template in
// examples/publish/ and the benchmark:
//   - writeXlsx(): an Office Open XML workbook as Excel saves it (shared strings, a styles part, dates as serial
//     numbers with a date format), zipped with fixed times so that the same rows give the same bytes;
//   - writeCsv(): CSV as Excel (French settings: `;`, Windows-1252, no BOM), Excel English (`,`), LibreOffice or
//     Google Sheets (`,`, UTF-8) export it.
import { zipSync, strToU8 } from 'fflate';

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `0` → `A`, `27` → `AB`. */
function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's day number of a date (1900 system): 2015-05-05 → 42129. */
const serial = (date) => date.getTime() / 86_400_000 + 25569;

/**
 * An `.xlsx` of one sheet. Cells: strings (shared strings, as Excel writes them), numbers, booleans, Date objects
 * (UTC midnight for a day; the time of day in UTC stands for the wall clock, as Excel has no zones), null for empty.
 * @param {Array<Array<string | number | boolean | Date | null>>} rows the first one is the header
 * @param {{ sheetName?: string }} [options]
 * @returns {Uint8Array}
 */
export function writeXlsx(rows, { sheetName = 'Feuil1' } = {}) {
  const strings = [];
  const index = new Map();
  const shared = (text) => {
    if (!index.has(text)) {
      index.set(text, strings.length);
      strings.push(text);
    }
    return index.get(text);
  };
  const sheetRows = rows.map((row, r) => {
    const cells = row.map((value, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      if (value === null || value === undefined || value === '') return '';
      if (value instanceof Date) {
        const day = value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
        return `<c r="${ref}" s="${day ? 1 : 2}"><v>${serial(value)}</v></c>`;
      }
      if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
      if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
      return `<c r="${ref}" t="s"><v>${shared(String(value))}</v></c>`;
    });
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  const width = Math.max(1, ...rows.map((row) => row.length));
  const files = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'docProps/app.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/styles.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/sharedStrings.xml': '',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${columnName(width - 1)}${Math.max(1, rows.length)}"/><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
  };
  files['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${xml(s)}</t></si>`).join('')}</sst>`;
  const mtime = new Date('2015-05-05T12:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, [strToU8(text), { mtime }]])), { level: 6 });
}

// Windows-1252 where it differs from Latin-1 (0x80–0x9F).
const CP1252 = new Map(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((char, i) => [char, 0x80 + i]),
);

/** A text in Windows-1252, as Excel writes CSV on a French Windows; a character it cannot hold becomes `?`. */
export function toWindows1252(text) {
  const bytes = [];
  for (const char of text) {
    const code = char.codePointAt(0);
    if (CP1252.has(char)) bytes.push(CP1252.get(char));
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(0x3f);
  }
  return Uint8Array.from(bytes);
}

/**
 * A CSV file as a spreadsheet program exports it.
 * @param {Array<Array<string | number | null>>} rows
 * @param {{ delimiter?: string, encoding?: 'utf-8' | 'windows-1252', bom?: boolean, lineEnd?: string }} [options]
 *   Excel French: `{ delimiter: ';', encoding: 'windows-1252', lineEnd: '\r\n' }`; Google Sheets: the defaults
 *   (`,`, UTF-8 without BOM, CRLF); Excel "CSV UTF-8": `{ bom: true }`.
 * @returns {Uint8Array}
 */
export function writeCsv(rows, { delimiter = ',', encoding = 'utf-8', bom = false, lineEnd = '\r\n' } = {}) {
  const quote = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = rows.map((row) => row.map(quote).join(delimiter)).join(lineEnd) + lineEnd;
  if (encoding === 'windows-1252') return toWindows1252(text);
  const utf8 = new TextEncoder().encode(text);
  return bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
}
