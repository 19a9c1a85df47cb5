// Reading the bulk-import file: CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX, one
// figure a row: organisation slug, indicator key, value[, denominator]. Pure apart from exceljs.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface ImportRow {
  /** the row number in the file as a spreadsheet shows it (header is row 1) */
  row: number;
  organisation: string;
  indicator: string;
  value: string;
  denominator: string;
}

export type ParseResult = { ok: true; rows: ImportRow[] } | { ok: false; problem: string };

const COLUMN_NAMES: Record<keyof Omit<ImportRow, 'row'>, string[]> = {
  organisation: ['organisation', 'organisation_slug', 'slug', 'organization'],
  indicator: ['indicator', 'indicator_key', 'key'],
  value: ['value', 'vaerdi', 'værdi'],
  denominator: ['denominator', 'naevner', 'nævner'],
};

export const MAX_IMPORT_ROWS = 50_000;

function fromMatrix(matrix: string[][]): ParseResult {
  const [header, ...body] = matrix;
  if (!header) return { ok: false, problem: 'file_empty' };
  const names = header.map((cell) => cell.trim().toLowerCase());
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
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, problem: 'too_many_rows' };
  const rows: ImportRow[] = [];
  body.forEach((cells, position) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const at = (column: number) => (column >= 0 ? (cells[column] ?? '').trim() : '');
    rows.push({
      row: position + 2,
      organisation: at(columns.organisation),
      indicator: at(columns.indicator),
      value: at(columns.value),
      denominator: at(columns.denominator),
    });
  });
  if (rows.length === 0) return { ok: false, problem: 'file_empty' };
  return { ok: true, rows };
}

export function parseImportCsv(text: string): ParseResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.includes('\u0000')) return { ok: false, problem: 'not_csv' };
  const parsed = Papa.parse<string[]>(clean, { delimiter: '', skipEmptyLines: false });
  const matrix = parsed.data.filter((cells) => Array.isArray(cells)).map((cells) => cells.map(String));
  return fromMatrix(matrix);
}

export async function parseImportXlsx(buffer: ArrayBuffer): Promise<ParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer);
  } catch {
    return { ok: false, problem: 'not_xlsx' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: 'file_empty' };
  const matrix: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 4); c++) {
      const value = row.getCell(c).value;
      cells.push(
        value == null
          ? ''
          : typeof value === 'object' && 'result' in value
            ? String(value.result ?? '')
            : String(value),
      );
    }
    matrix.push(cells);
  }
  return fromMatrix(matrix);
}

export async function parseImportFile(name: string, buffer: ArrayBuffer): Promise<ParseResult> {
  const lower = name.toLowerCase();
  const bytes = new Uint8Array(buffer.slice(0, 4));
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (lower.endsWith('.xlsx') || isZip) return parseImportXlsx(buffer);
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) return { ok: false, problem: 'file_type' };
  return parseImportCsv(new TextDecoder('utf-8').decode(buffer));
}
