import { must } from '../helpers/must';
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
    const national = must(workbook.getWorksheet('Nationalt'));
    expect(national.getRow(1).getCell(7).value).toBe('Muligvis dobbelttælling');
    expect(national.getRow(2).values).toEqual([
      undefined,
      'Deltagende virksomheder',
      150,
      170,
      100,
      undefined,
      undefined,
      'Nej',
    ]);
    const organisations = must(workbook.getWorksheet('Organisationer'));
    const names: unknown[] = [];
    organisations.eachRow((row) => names.push(row.getCell(3).value));
    expect(names).toContain(`'=HYPERLINK("http://evil")`);
    organisations.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
    const about = must(workbook.getWorksheet('Om data'));
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

  it('marks possibly double-counted figures with a note, writes fields in English and adds the evidence', async () => {
    const publication = samplePublication();
    const participants = must(publication.snapshot.accounts.indicators[0]);
    participants.national = { ...participants.national, possiblyDoubleCounted: true };
    publication.snapshot.evidence = [
      {
        key: 'productivity_growth',
        value: 3.6,
        unit: 'percentage_points',
        text: { da: 'højere produktivitetsvækst', en: 'higher productivity growth' },
        source: { title: 'En analyse', publisher: 'CEBR', year: 2014, url: 'https://example.org' },
      },
    ];
    const buffer = await accountsWorkbook(publication, 'en', {
      fields: { 'Miljø og vand': 'Environment and water' },
      organisations: {},
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'National',
      'Organisations',
      'Evidence',
      'About the data',
    ]);
    const national = must(workbook.getWorksheet('National'));
    expect(national.getRow(2).getCell(7).value).toBe('Yes');
    const text: string[] = [];
    national.eachRow((row) => text.push(String(row.getCell(1).value)));
    expect(text.join(' ')).toContain('Possibly double counted: some organisations reported counts');
    const fields: unknown[] = [];
    must(workbook.getWorksheet('Organisations')).eachRow((row) => fields.push(row.getCell(5).value));
    expect(fields).toContain('Environment and water');
    expect(fields).not.toContain('Miljø og vand');
    const evidence = must(workbook.getWorksheet('Evidence')).getRow(2);
    expect(evidence.getCell(1).value).toBe('3.6 percentage points');
    expect(evidence.getCell(2).value).toBe('higher productivity growth');
    expect(evidence.getCell(5).value).toBe(2014);
  });
});
