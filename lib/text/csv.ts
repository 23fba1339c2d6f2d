/** The byte-order mark that makes spreadsheet software read a CSV file as UTF-8 (Chinese included). */
export const CSV_BOM = "\uFEFF";

/** Cells a spreadsheet would run as a formula (OWASP's list: = + - @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line
 * break, quotes doubled. A value a spreadsheet would run as a formula is
 * prefixed with an apostrophe, which spreadsheets show as text.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, ended by CRLF as RFC 4180 has it. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}
