// Reading the bulk-import file: CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX, one
// figure a row: organisation slug, indicator key, value[, denominator]. Every cost is bounded:
// the file's size before anything reads it, its rows and columns before a cell is built, an XLSX
// file's unpacked size while it is inflated (read-xlsx.ts). Pure apart from zlib; the server runs
// it in a worker thread with a memory limit and a timeout (lib/upload-worker), never on the event
// loop that answers other requests.
import Papa from 'papaparse';
import { readFirstSheet, SheetLimitError, type SheetProblem, type SheetRow } from './read-xlsx';

export interface ImportRow {
  /** the row number in the file as a spreadsheet shows it (header is row 1) */
  row: number;
  organisation: string;
  indicator: string;
  value: string;
  denominator: string;
}

export type ImportProblemCode = SheetProblem | 'columns_missing' | 'not_csv' | 'file_type' | 'file_too_large';

export type ParseResult =
  | { ok: true; rows: ImportRow[] }
  | { ok: false; problem: ImportProblemCode; values?: Record<string, number> };

const COLUMN_NAMES: Record<keyof Omit<ImportRow, 'row'>, string[]> = {
  organisation: ['organisation', 'organisation_slug', 'slug', 'organization'],
  indicator: ['indicator', 'indicator_key', 'key'],
  value: ['value', 'vaerdi', 'værdi'],
  denominator: ['denominator', 'naevner', 'nævner'],
};

export const MAX_IMPORT_ROWS = 50_000;
/** organisation, indicator, value, denominator and whatever notes the secretariat keeps beside them */
export const MAX_IMPORT_COLUMNS = 50;
/** a 50,000-row CSV of slugs and figures is about 3 MB; an XLSX of it far less */
export const MAX_IMPORT_FILE_BYTES = 8_000_000;
/** the worksheet's XML of 50,000 such rows is about 15 MB unpacked */
export const MAX_IMPORT_SHEET_BYTES = 32 * 1024 * 1024;
export const MAX_IMPORT_SHARED_STRING_BYTES = 16 * 1024 * 1024;
const MAX_CELL_LENGTH = 1_000;

const tooMany = (problem: 'too_many_rows' | 'too_many_columns'): ParseResult => ({
  ok: false,
  problem,
  values: { max: problem === 'too_many_rows' ? MAX_IMPORT_ROWS : MAX_IMPORT_COLUMNS },
});

function fromRows(sheet: SheetRow[]): ParseResult {
  const [first, ...data] = sheet;
  if (!first) return { ok: false, problem: 'file_empty' };
  if (data.length > MAX_IMPORT_ROWS) return tooMany('too_many_rows');
  const names = first.cells.map((cell) => cell.trim().toLowerCase());
  const index = (field: keyof typeof COLUMN_NAMES) =>
    names.findIndex((name) => COLUMN_NAMES[field].includes(name));
  const columns = {
    organisation: index('organisation'),
    indicator: index('indicator'),
    value: index('value'),
    denominator: index('denominator'),
  };
  if (columns.organisation < 0 || columns.indicator < 0 || columns.value < 0) {
    return { ok: false, problem: 'columns_missing' };
  }
  const rows: ImportRow[] = [];
  for (const { row, cells } of data) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const at = (column: number) => (column >= 0 ? (cells[column] ?? '').trim() : '');
    rows.push({
      row,
      organisation: at(columns.organisation),
      indicator: at(columns.indicator),
      value: at(columns.value),
      denominator: at(columns.denominator),
    });
  }
  if (rows.length === 0) return { ok: false, problem: 'file_empty' };
  return { ok: true, rows };
}

/**
 * Lines and delimiters per line, in one pass without copies: refuses a file with far more rows or
 * columns than an import has before the CSV parser builds a single cell. Counting ignores quoting,
 * so it is a rough bound; the parser's own result is held to the exact limits below.
 */
function csvShapeProblem(text: string): ParseResult | null {
  let lines = 0;
  let physicalLines = 0;
  let lineHasContent = false;
  let commas = 0;
  let semicolons = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) {
      if (lineHasContent && ++lines > MAX_IMPORT_ROWS + 1) return tooMany('too_many_rows');
      // blank lines cost the parser a row each too
      if (++physicalLines > 2 * MAX_IMPORT_ROWS) return tooMany('too_many_rows');
      lineHasContent = false;
      commas = 0;
      semicolons = 0;
      continue;
    }
    if (code !== 13 && code !== 32) lineHasContent = true;
    if (code === 44) commas++;
    else if (code === 59) semicolons++;
    // either could be the delimiter, and the other may stand in the cells (a Danish decimal comma)
    if (commas > 4 * MAX_IMPORT_COLUMNS || semicolons > 4 * MAX_IMPORT_COLUMNS)
      return tooMany('too_many_columns');
  }
  return null;
}

export function parseImportCsv(text: string): ParseResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.includes('\u0000')) return { ok: false, problem: 'not_csv' };
  const shape = csvShapeProblem(clean);
  if (shape) return shape;
  const parsed = Papa.parse<string[]>(clean, { delimiter: '', skipEmptyLines: false });
  const rows: SheetRow[] = [];
  for (const [index, cells] of parsed.data.entries()) {
    if (!Array.isArray(cells)) continue;
    if (cells.length > MAX_IMPORT_COLUMNS) return tooMany('too_many_columns');
    rows.push({ row: index + 1, cells: cells.map((cell) => String(cell).slice(0, MAX_CELL_LENGTH)) });
  }
  return fromRows(rows);
}

export function parseImportXlsx(buffer: ArrayBuffer | Buffer): ParseResult {
  try {
    return fromRows(
      readFirstSheet(Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer), {
        maxRows: MAX_IMPORT_ROWS,
        maxColumns: MAX_IMPORT_COLUMNS,
        maxSheetBytes: MAX_IMPORT_SHEET_BYTES,
        maxSharedStringBytes: MAX_IMPORT_SHARED_STRING_BYTES,
        maxCellLength: MAX_CELL_LENGTH,
      }),
    );
  } catch (error) {
    if (!(error instanceof SheetLimitError)) throw error;
    if (error.problem === 'too_many_rows' || error.problem === 'too_many_columns')
      return tooMany(error.problem);
    if (error.problem === 'unpacked_too_large')
      return {
        ok: false,
        problem: 'unpacked_too_large',
        values: { maxMb: MAX_IMPORT_SHEET_BYTES / 1024 / 1024 },
      };
    return { ok: false, problem: error.problem };
  }
}

/** Parses an import file; refuses it by its size before reading it. */
export function parseImportFile(name: string, buffer: ArrayBuffer | Buffer): ParseResult {
  if (buffer.byteLength > MAX_IMPORT_FILE_BYTES)
    return { ok: false, problem: 'file_too_large', values: { maxMb: MAX_IMPORT_FILE_BYTES / 1_000_000 } };
  const bytes = Buffer.isBuffer(buffer)
    ? buffer.subarray(0, 4)
    : new Uint8Array(buffer, 0, Math.min(4, buffer.byteLength));
  const lower = name.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (lower.endsWith('.xlsx') || isZip) return parseImportXlsx(buffer);
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) return { ok: false, problem: 'file_type' };
  return parseImportCsv(new TextDecoder('utf-8').decode(buffer));
}
