// Tables out as CSV (semicolon, UTF-8 with BOM, so Danish Excel opens them right) and XLSX
// (exceljs). A cell starting with = + - @ (or a tab/CR) is neutralised with a leading apostrophe
// so a spreadsheet never runs it as a formula; numbers stay numbers.
import ExcelJS from 'exceljs';

export type Cell = string | number | null | undefined;
export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutralise(cell);
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Klyngeregnskab';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.header.map(neutralise));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : (cell ?? null))));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
