// Writes CSV the way its reader needs it. Danish Excel opens a file by double-click with the
// locale's list separator (semicolon) and only reads UTF-8 when the file starts with a BOM; data
// tools want plain RFC 4180 (comma, no BOM). Every cell goes through safeCell, so text typed by
// users cannot become a formula. Pure: returns a string; the caller streams or saves it.
import { type CellValue, safeCell } from './safe-cell';

export interface CsvDialect {
  delimiter: ';' | ',' | '\t';
  /** a UTF-8 byte order mark first, so Excel reads æ, ø and å */
  bom: boolean;
  /** CRLF (RFC 4180 and Excel) or LF */
  newline: '\r\n' | '\n';
  /**
   * How numbers are written: 'plain' (1234.5, for data tools) or 'da' (1234,5, so Danish Excel
   * reads a number and not a text). No thousands separators in either: they break parsing.
   */
  decimal: 'plain' | 'da';
}

/** For people opening the file in Danish Excel. */
export const EXCEL_DA: CsvDialect = { delimiter: ';', bom: true, newline: '\r\n', decimal: 'da' };
/** For data tools and other languages: RFC 4180. */
export const RFC4180: CsvDialect = { delimiter: ',', bom: false, newline: '\r\n', decimal: 'plain' };

export const UTF8_BOM = '\uFEFF';

function cellText(value: CellValue, dialect: CsvDialect): string {
  if (typeof value === 'number' && dialect.decimal === 'da' && Number.isFinite(value)) {
    // String() gives exponent notation only beyond 1e21; export figures are far below that
    return String(value).replace('.', ',');
  }
  return safeCell(value);
}

/** A cell quoted when it holds the delimiter, a quote or a line break (RFC 4180 §2.6–2.7). */
export function csvField(value: CellValue, dialect: CsvDialect = RFC4180): string {
  const text = cellText(value, dialect);
  const needsQuotes =
    text.includes(dialect.delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CellValue[], dialect: CsvDialect = RFC4180): string {
  return cells.map((cell) => csvField(cell, dialect)).join(dialect.delimiter);
}

/** A whole file: header and rows, each row ended by the dialect's newline, BOM first if wanted. */
export function toCsv(
  header: readonly CellValue[],
  rows: Iterable<readonly CellValue[]>,
  dialect: CsvDialect = RFC4180,
): string {
  const lines = [csvRow(header, dialect)];
  for (const row of rows) lines.push(csvRow(row, dialect));
  return (dialect.bom ? UTF8_BOM : '') + lines.join(dialect.newline) + dialect.newline;
}

/** Objects to CSV by a list of columns: `[{ header: 'CVR', value: (row) => row.cvr }, …]`. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CellValue;
}

export function objectsToCsv<T>(
  columns: readonly CsvColumn<T>[],
  rows: Iterable<T>,
  dialect: CsvDialect = RFC4180,
): string {
  const mapped = (function* () {
    for (const row of rows) yield columns.map((column) => column.value(row));
  })();
  return toCsv(
    columns.map((column) => column.header),
    mapped,
    dialect,
  );
}

/** The Content-Type of a CSV download. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
