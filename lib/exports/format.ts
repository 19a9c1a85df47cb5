// The secretariat's tables out as CSV (EXCEL_DA: semicolon, UTF-8 with BOM, so Danish Excel opens
// them right) and XLSX (exceljs). The formula-injection guard and the CSV writer are lib/csv's, the
// same as the public downloads use; this file only adapts a named table to them.
import ExcelJS from 'exceljs';
import { xlsxCell } from '@/lib/csv/safe-cell';
import { type CsvDialect, EXCEL_DA, toCsv as writeCsv } from '@/lib/csv/write';

export type Cell = string | number | null | undefined;
export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

/**
 * English Excel's list separator is the comma, Danish Excel's the semicolon: each language's
 * export opens in its own Excel by a double-click (both with a BOM, so æ, ø and å come through).
 */
export const EXCEL_EN: CsvDialect = { delimiter: ',', bom: true, newline: '\r\n', decimal: 'plain' };

export function csvDialectFor(locale: 'da' | 'en'): CsvDialect {
  return locale === 'en' ? EXCEL_EN : EXCEL_DA;
}

export function toCsv(table: Table, locale: 'da' | 'en' = 'da'): string {
  return writeCsv(table.header, table.rows, csvDialectFor(locale));
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
