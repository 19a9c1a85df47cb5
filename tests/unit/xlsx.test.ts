import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { accountsWorkbook } from '@/lib/publications/xlsx';
import { samplePublication } from '../helpers/publication-fixture';

describe('accountsWorkbook', () => {
  it('holds the national figures, the organisations and the licence, with formulas neutralised', async () => {
    const buffer = await accountsWorkbook(samplePublication(), 'da');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Nationalt',
      'Organisationer',
      'Om data',
    ]);
    const national = workbook.getWorksheet('Nationalt')!;
    expect(national.getRow(2).values).toEqual([undefined, 'Deltagende virksomheder', 150, 170, 100]);
    const organisations = workbook.getWorksheet('Organisationer')!;
    const names: unknown[] = [];
    organisations.eachRow((row) => names.push(row.getCell(3).value));
    expect(names).toContain(`'=HYPERLINK("http://evil")`);
    organisations.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
    const about = workbook.getWorksheet('Om data')!;
    const text: string[] = [];
    about.eachRow((row) => text.push(String(row.getCell(2).value ?? row.getCell(1).value)));
    expect(text.join(' ')).toContain('CC BY 4.0');
  });

  it('labels the sheets in English for the English download', async () => {
    const buffer = await accountsWorkbook(samplePublication(), 'en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'National',
      'Organisations',
      'About the data',
    ]);
  });
});
