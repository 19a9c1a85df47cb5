// The secretariat's tables out as CSV (EXCEL_DA: semicolon, UTF-8 with BOM, so Danish Excel opens
// them right) and XLSX (exceljs). The formula-injection guard and the CSV writer are lib/csv's, the
// same as the public downloads use; this file only adapts a named table to them.
import ExcelJS from 'exceljs';
import { xlsxCell } from '@/lib/csv/safe-cell';
import { EXCEL_DA, toCsv as writeCsv } from '@/lib/csv/write';

export type Cell = string | number | null | undefined;
export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

export function toCsv(table: Table): string {
  return writeCsv(table.header, table.rows, EXCEL_DA);
}

export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Klyngeregnskab';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.header.map(xlsxCell));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(xlsxCell));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
