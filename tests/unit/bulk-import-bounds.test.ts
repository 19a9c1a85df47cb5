// The secretariat's import file, read with every cost bounded (lib/bulk-import): an XLSX is
// unpacked only up to what its entries declare and only below the limit, rows and columns are
// counted before cells are built, and what is no spreadsheet at all is told so.
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, parseImportCsv, parseImportFile } from '@/lib/bulk-import/parse';
import { xlsxBomb, xlsxOf, zipOf } from '../helpers/xlsx-files';

const xlsx = (buffer: Buffer) => parseImportFile('tal.xlsx', buffer);

describe('an XLSX import file', () => {
  it('is read as rows, with the row numbers the spreadsheet shows', () => {
    expect(
      xlsx(
        xlsxOf([
          ['organisation', 'indicator', 'value', 'denominator'],
          ['north', 'participants', 16500, ''],
          ['south', 'survey_innovation', 55, 100],
        ]),
      ),
    ).toEqual({
      ok: true,
      rows: [
        { row: 2, organisation: 'north', indicator: 'participants', value: '16500', denominator: '' },
        { row: 3, organisation: 'south', indicator: 'survey_innovation', value: '55', denominator: '100' },
      ],
    });
  });

  it('[zip bomb] that unpacks to a million rows is refused by its size before it is unpacked', () => {
    const bomb = xlsxBomb();
    expect(bomb.length).toBeLessThan(400_000);
    expect(xlsx(bomb)).toEqual({ ok: false, problem: 'unpacked_too_large', values: { maxMb: 32 } });
  });

  it('[zip bomb] that lies about its size is stopped where its header says it ends, and refused as damaged', () => {
    expect(xlsx(xlsxBomb(1_000_000, { declare: 400 }))).toEqual({ ok: false, problem: 'not_xlsx' });
    expect(xlsx(xlsxBomb(1_000_000, { declare: 30 * 1024 * 1024 }))).toEqual({
      ok: false,
      problem: 'not_xlsx',
    });
  });

  it('with more rows or columns than an import has is refused, saying the limit', () => {
    expect(xlsx(xlsxBomb(MAX_IMPORT_ROWS + 1))).toEqual({
      ok: false,
      problem: 'too_many_rows',
      values: { max: MAX_IMPORT_ROWS },
    });
    expect(xlsx(xlsxBomb(MAX_IMPORT_ROWS)).ok).toBe(true);
    const wide = Array.from({ length: 60 }, (_, index) => `c${index}`);
    const columns = (count: number) => [['organisation', 'indicator', 'value', ...wide.slice(0, count - 3)]];
    // a header only: no rows, but no limit passed either
    expect(xlsx(xlsxOf(columns(50)))).toEqual({ ok: false, problem: 'file_empty' });
    expect(xlsx(xlsxOf(columns(51)))).toEqual({
      ok: false,
      problem: 'too_many_columns',
      values: { max: 50 },
    });
    // two workbooks of 50,000 rows built and read: seconds on a busy machine, not a speed test
  }, 60_000);

  it('that is no workbook at all, or an encrypted one, is told so', () => {
    expect(xlsx(Buffer.from('PK\u0003\u0004 but nothing after'))).toEqual({ ok: false, problem: 'not_xlsx' });
    expect(xlsx(zipOf([{ name: 'readme.txt', data: Buffer.from('hello') }]))).toEqual({
      ok: false,
      problem: 'not_xlsx',
    });
    const encrypted = xlsxOf([['organisation', 'indicator', 'value']]);
    // the central directory's flag for an encrypted entry
    const directory = encrypted.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(1, directory + 8);
    expect(xlsx(encrypted)).toEqual({ ok: false, problem: 'zip_unsupported' });
    expect(parseImportFile('tal.xlsx', Buffer.alloc(8_000_001))).toEqual({
      ok: false,
      problem: 'file_too_large',
      values: { maxMb: 8 },
    });
  });
});

describe('a CSV import file', () => {
  it('with more lines or delimiters than an import has is refused before a cell is built', () => {
    const header = 'organisation;indicator;value\n';
    expect(parseImportCsv(header + 'north;participants;1\n'.repeat(MAX_IMPORT_ROWS + 1))).toMatchObject({
      problem: 'too_many_rows',
    });
    expect(parseImportCsv(header + '\n'.repeat(3 * MAX_IMPORT_ROWS))).toMatchObject({
      problem: 'too_many_rows',
    });
    expect(parseImportCsv(`organisation,indicator,value${',x'.repeat(300)}\n`)).toMatchObject({
      problem: 'too_many_columns',
    });
    // a Danish decimal comma in every cell of a semicolon file is no extra column
    expect(parseImportCsv(`${header}north;participants;1,5\n`)).toMatchObject({ ok: true });
  });
});
