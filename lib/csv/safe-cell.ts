// Spreadsheet formula injection (OWASP "CSV injection"): Excel, LibreOffice and Google Sheets treat
// a cell that starts with = + - @ as a formula, and a leading tab or carriage return can hide such a
// character from a naive check. Names, remarks and comments are typed by users, so every text cell
// of an export goes through here. Pure: no I/O.

/** Characters that make a spreadsheet read the cell as a formula (or hide one). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** True when a spreadsheet could run `text` as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Makes a text cell inert: a leading apostrophe, the usual convention, which spreadsheets show
 * as text and hide in the cell. Text that is already safe comes back unchanged.
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

export type CellValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * One cell as export text. Numbers are written as numbers (a negative number is data, not a
 * formula, so it keeps its minus sign); text is neutralised. Non-finite numbers have no
 * meaning in a spreadsheet and are left empty rather than written as "NaN" or "Infinity".
 */
export function safeCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return neutraliseFormula(String(value));
}

/**
 * One cell for an XLSX sheet (exceljs): text neutralised like a CSV cell, numbers kept as numbers
 * (so the spreadsheet can sum them), empty as an empty cell. Every workbook we write goes through here.
 */
export function xlsxCell(value: string | number | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  return neutraliseFormula(value);
}
