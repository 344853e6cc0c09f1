/**
 * CSV for spreadsheets: a byte-order mark so that Excel reads UTF-8, CRLF line ends, quotes where needed, and
 * cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return at the start) made
 * inert with a leading apostrophe: feed text is data, in a spreadsheet too.
 */
export function csvCell(value: string, separator: string): string {
  let cell = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (cell.includes(separator) || /["\r\n]/.test(cell) || cell !== cell.trim()) cell = `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

/**
 * The separator a spreadsheet expects in a locale: a semicolon where numbers take a decimal comma (`fr-FR`, `es`,
 * `de`), else a comma (`en-GB`, `en-US`), as Excel does with the system's list separator.
 */
export function listSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value === ',' ? ';' : ',';
}

export function toCsv(rows: readonly (readonly string[])[], separator: string): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n')}\r\n`;
}

/**
 * Offers `text` as a file download, through a link inside `root` (the widget's shadow root), so that the host page's
 * click listeners (routers, analytics) never see it.
 */
export function download(root: ParentNode, text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
