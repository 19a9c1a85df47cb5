import { must } from '../helpers/must';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  type CsvMessages,
  commentField,
  companyFileSizeProblem,
  companyListToCsv,
  describeCsvProblem,
  daysLeft,
  denominatorField,
  type FormIndicator,
  isEditableState,
  isYearOpenForStaff,
  MAX_COMPANY_COLUMNS,
  MAX_COMPANY_FILE_BYTES,
  MAX_COMPANY_LINE_LENGTH,
  MAX_COMPANY_ROWS,
  numberSchema,
  parseCompanyCsv,
  type RuleMessages,
  validateEntries,
} from '@/lib/submissions/rules';
import { formIndicator as indicator } from '../helpers/form-indicator';

const load = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', locale, 'portal.json'), 'utf8'));
const da = load('da').rules as RuleMessages;
const en = load('en').rules as RuleMessages;

const INDICATORS: FormIndicator[] = [
  indicator('participants', { required: true }),
  indicator('new_ideas', { parentKey: 'participants', participantFlag: 'new_ideas', required: true }),
  indicator('innovation_projects', { kind: 'count', groupKey: 'activities' }),
  indicator('public_funding', { kind: 'amount_dkk', groupKey: 'resources' }),
  indicator('survey_new_knowledge', { kind: 'share', groupKey: 'survey' }),
];

const check = (
  fields: Record<string, string>,
  options: Partial<Parameters<typeof validateEntries>[0]> = {},
) =>
  validateEntries({ indicators: INDICATORS, fields, mode: 'draft', locale: 'en', messages: en, ...options });

describe('numbers', () => {
  const parse = (text: string) => numberSchema(1_000_000).safeParse(text);
  it('takes whole numbers as people type them', () => {
    expect(parse('120').data).toBe(120);
    expect(parse(' 16 500 ').data).toBe(16500);
    expect(parse('16.500').data).toBe(16500);
    expect(parse('16,500').data).toBe(16500);
    expect(parse('').data).toBeNull();
  });
  it.each([
    ['-5', 'negative'],
    ['1,5', 'notWhole'],
    ['12.25', 'notWhole'],
    ['abc', 'notANumber'],
    ['1e5', 'notANumber'],
    ['1000001', 'tooLarge'],
  ])('refuses %s (%s)', (text, code) => {
    const result = parse(text);
    expect(result.success).toBe(false);
    expect(must(must(result.error).issues[0]).message).toBe(code);
  });
});

describe('validateEntries', () => {
  it('names the field and what to do, in the user’s language', () => {
    const result = check({ participants: '-3' });
    expect(result.fieldErrors.participants).toEqual(['EN participants: the number must not be negative.']);
    const danish = check({ participants: 'tolv' }, { locale: 'da', messages: da });
    expect(danish.fieldErrors.participants).toEqual(['DA participants: skriv et helt tal, fx 120.']);
  });

  it('refuses a subset above its parent, in a draft too', () => {
    const result = check({ participants: '10', new_ideas: '11' });
    expect(result.ok).toBe(false);
    expect(must(result.fieldErrors.new_ideas)[0]).toContain('cannot be larger than EN participants (10)');
    expect(check({ participants: '10', new_ideas: '10' }).ok).toBe(true);
  });

  it('checks a subset against a parent derived from the company list', () => {
    const result = check({ new_ideas: '5' }, { derived: { participants: 4 } });
    expect(result.fieldErrors.new_ideas).toBeDefined();
  });

  it('refuses a share numerator above its denominator, and half a share', () => {
    expect(
      check({ survey_new_knowledge: '11', [denominatorField('survey_new_knowledge')]: '10' }).fieldErrors,
    ).toHaveProperty('survey_new_knowledge');
    expect(check({ survey_new_knowledge: '5' }).fieldErrors).toHaveProperty(
      denominatorField('survey_new_knowledge'),
    );
    expect(check({ [denominatorField('survey_new_knowledge')]: '5' }).fieldErrors).toHaveProperty(
      'survey_new_knowledge',
    );
    const ok = check({ survey_new_knowledge: '5', [denominatorField('survey_new_knowledge')]: '10' });
    expect(ok.values.survey_new_knowledge).toEqual({ value: 5, denominator: 10, comment: null });
  });

  it('requires the required fields on submit only', () => {
    expect(check({}).ok).toBe(true);
    const submitted = check({}, { mode: 'submit' });
    expect(Object.keys(submitted.fieldErrors).sort()).toEqual(['new_ideas', 'participants']);
  });

  it('allows amounts in DKK far above the count bound, but not absurd ones', () => {
    expect(must(check({ public_funding: '5.000.000' }).values.public_funding).value).toBe(5_000_000);
    expect(check({ innovation_projects: '5000000' }).fieldErrors).toHaveProperty('innovation_projects');
    expect(check({ public_funding: '1000000000000' }).fieldErrors).toHaveProperty('public_funding');
  });

  it('warns about a change over 50 % and wants an explanation on submit', () => {
    const lastYear = { innovation_projects: 10 };
    const draft = check({ innovation_projects: '16' }, { lastYear });
    expect(draft.ok).toBe(true);
    expect(draft.warnings).toEqual([{ key: 'innovation_projects', last: 10, current: 16, change: 0.6 }]);
    expect(check({ innovation_projects: '15' }, { lastYear }).warnings).toEqual([]);
    expect(check({ innovation_projects: '4' }, { lastYear }).warnings).toHaveLength(1);

    const fields = { participants: '1', new_ideas: '1', innovation_projects: '16' };
    const submitted = check(fields, { lastYear, mode: 'submit' });
    expect(must(submitted.fieldErrors[commentField('innovation_projects')])[0]).toContain(
      'differs by more than 50%',
    );
    const explained = check(
      { ...fields, [commentField('innovation_projects')]: '  Two new programmes ' },
      { lastYear, mode: 'submit' },
    );
    expect(explained.ok).toBe(true);
    expect(must(explained.values.innovation_projects).comment).toBe('Two new programmes');
  });

  it('compares a share by its percentage', () => {
    const lastYear = { survey_new_knowledge: { numerator: 50, denominator: 100 } };
    const same = check(
      { survey_new_knowledge: '100', [denominatorField('survey_new_knowledge')]: '200' },
      { lastYear },
    );
    expect(same.warnings).toEqual([]);
  });

  it('refuses an overlong comment', () => {
    expect(
      check({ innovation_projects: '3', [commentField('innovation_projects')]: 'x'.repeat(1001) })
        .fieldErrors,
    ).toHaveProperty(commentField('innovation_projects'));
  });
});

describe('workflow rules', () => {
  const year = { state: 'open' as const, deadline: '2018-03-15' };
  it('closes the year for staff after the deadline or its extension', () => {
    expect(isYearOpenForStaff(year, null, new Date('2018-03-15T20:00:00Z'))).toBe(true);
    expect(isYearOpenForStaff(year, null, new Date('2018-03-16T08:00:00Z'))).toBe(false);
    expect(isYearOpenForStaff(year, '2018-04-01', new Date('2018-03-20T08:00:00Z'))).toBe(true);
    expect(isYearOpenForStaff({ ...year, state: 'closed' }, null, new Date('2018-01-01'))).toBe(false);
    expect(daysLeft('2018-03-15', new Date('2018-03-10T12:00:00Z'))).toBe(5);
    expect(daysLeft('2018-03-15', new Date('2018-03-15T12:00:00Z'))).toBe(0);
  });
  it('makes submitted and approved read-only for staff', () => {
    expect(
      [null, 'draft', 'returned', 'submitted', 'approved'].map((s) => isEditableState(s as never)),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('parseCompanyCsv', () => {
  // 12345674 and 87654321? use known-valid numbers from the modulus-11 rule
  const valid = ['10000009', '10000017', '10000025', '10000033', '10000041', '10000068'];
  it('has valid fixtures', async () => {
    const { isValidCvr } = await import('@/lib/cvr');
    for (const cvr of valid) expect(isValidCvr(cvr), cvr).toBe(true);
  });

  it('reads semicolons, a BOM and CRLF as Danish Excel writes them', () => {
    const text = `\uFEFFcvr;dedicated;under_50;new_ideas\r\n${valid[0]};1;0;1\r\n${valid[1]};0;1;0\r\n`;
    const result = parseCompanyCsv(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toEqual([
      {
        cvr: valid[0],
        dedicated: true,
        under_50: false,
        new_ideas: true,
        new_competences: false,
        new_products: false,
      },
      {
        cvr: valid[1],
        dedicated: false,
        under_50: true,
        new_ideas: false,
        new_competences: false,
        new_products: false,
      },
    ]);
  });

  it('reads quoted fields and headings in any case', () => {
    const result = parseCompanyCsv(`"CVR","New_Products"\n"${valid[0]}","1"\n" ${valid[1]} ",""\n`);
    expect(result.ok && result.rows.map((row) => [row.cvr, row.new_products])).toEqual([
      [valid[0], true],
      [valid[1], false],
    ]);
  });

  it('lists bad CVR numbers by the row a person sees (header = row 1)', () => {
    const lines = ['cvr', valid[0], valid[1], valid[2], valid[3], valid[4], '12345678'];
    const result = parseCompanyCsv(lines.join('\n'));
    expect(result).toEqual({ ok: false, problems: [{ code: 'cvrChecksum', row: 7, value: '12345678' }] });
    expect(parseCompanyCsv(`cvr\n0${must(valid[0]).slice(1)}`)).toMatchObject({
      problems: [{ code: 'cvrFormat', row: 2 }],
    });
  });

  it('reports duplicates with both rows', () => {
    const result = parseCompanyCsv(`cvr\n${valid[0]}\n${valid[1]}\n${valid[0]}\n`);
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'duplicate', row: 4, value: valid[0], firstRow: 2 }],
    });
  });

  it('refuses flags that are not 0 or 1, a missing cvr column, binary files and empty files', () => {
    expect(parseCompanyCsv(`cvr,new_ideas\n${valid[0]},ja`)).toMatchObject({
      problems: [{ code: 'badFlag', row: 2, column: 'new_ideas', value: 'ja' }],
    });
    expect(parseCompanyCsv('name\nAcme')).toEqual({ ok: false, problems: [{ code: 'noCvrColumn' }] });
    expect(parseCompanyCsv('PK\u0003\u0004binary')).toEqual({ ok: false, problems: [{ code: 'notCsv' }] });
    expect(parseCompanyCsv('cvr\r\n\r\n')).toEqual({ ok: false, problems: [{ code: 'empty' }] });
  });

  it('refuses more than 20,000 rows', () => {
    const rows = Array.from({ length: MAX_COMPANY_ROWS + 1 }, () => valid[0]).join('\n');
    expect(parseCompanyCsv(`cvr\n${rows}`)).toMatchObject({ problems: [{ code: 'tooManyRows' }] });
  });

  it('refuses a file by its size, its line length or its column count before parsing it', () => {
    expect(companyFileSizeProblem(MAX_COMPANY_FILE_BYTES)).toBeNull();
    expect(companyFileSizeProblem(50 * 1024 * 1024)).toEqual({
      code: 'fileTooLarge',
      maxMb: 8,
      sizeMb: 52.5,
    });
    // a file just over the limit never reads as the limit itself
    expect(companyFileSizeProblem(MAX_COMPANY_FILE_BYTES + 1)).toMatchObject({ sizeMb: 8.1 });
    expect(parseCompanyCsv(`cvr\n${valid[0]}\n`.padEnd(MAX_COMPANY_FILE_BYTES + 1, '\n'))).toMatchObject({
      problems: [{ code: 'fileTooLarge' }],
    });
    const long = `cvr,name\n${valid[0]},kort\n${valid[1]},${'x'.repeat(MAX_COMPANY_LINE_LENGTH)}\n`;
    expect(parseCompanyCsv(long)).toEqual({
      ok: false,
      problems: [{ code: 'lineTooLong', row: 3, max: MAX_COMPANY_LINE_LENGTH }],
    });
    const wide = (columns: number) =>
      `cvr${',c'.repeat(columns - 1)}\n${valid[0]}${',0'.repeat(columns - 1)}\n`;
    expect(parseCompanyCsv(wide(MAX_COMPANY_COLUMNS)).ok).toBe(true);
    expect(parseCompanyCsv(wide(100_000))).toEqual({
      ok: false,
      problems: [{ code: 'tooManyColumns', row: 1, max: MAX_COMPANY_COLUMNS }],
    });
    // a binary file anywhere past its start, e.g. a PNG renamed .csv
    expect(parseCompanyCsv('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toEqual({
      ok: false,
      problems: [{ code: 'notCsv' }],
    });
    expect(parseCompanyCsv(`cvr\n${valid[0]}\n${'a'.repeat(5000)}\u0000`)).toMatchObject({
      problems: [{ code: 'notCsv' }],
    });
  });

  it('[staff] a 1.6 MB list of short lines without a delimiter is refused by the shape check, before any parser', async () => {
    // the probe's file: its shape check searched for a delimiter from each line's start to the end
    // of the file (quadratic: 20 s of a blocked server); one pass now, and the parser never runs
    const Papa = (await import('papaparse')).default;
    const parse = vi.spyOn(Papa, 'parse');
    const lines = `cvr\n${'1\n'.repeat(800_000)}`;
    expect(lines.length).toBeGreaterThan(1_600_000);
    expect(parseCompanyCsv(lines)).toEqual({
      ok: false,
      problems: [{ code: 'tooManyRows', max: 20_000, rows: 800_000 }],
    });
    expect(parse).not.toHaveBeenCalled();
    // within twice the limit the parser counts exactly (quoted cells may span lines)
    expect(parseCompanyCsv(`cvr\n${`${valid[0]}\n`.repeat(20_001)}`)).toMatchObject({
      problems: [{ code: 'tooManyRows', rows: 20_001 }],
    });
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });

  it('quotes at most the start of a refused cell', () => {
    const result = parseCompanyCsv(`cvr\n${'9'.repeat(9000)}\n`);
    expect(result).toMatchObject({ problems: [{ code: 'cvrFormat', row: 2 }] });
    if (result.ok) return;
    expect((result.problems[0] as { value: string }).value).toBe(`${'9'.repeat(40)}…`);
  });

  it('says the size in each language', () => {
    const problem = must(companyFileSizeProblem(50 * 1024 * 1024));
    expect(describeCsvProblem(problem, load('da').csv as CsvMessages, 'da')).toContain('52,5 MB');
    expect(describeCsvProblem(problem, load('da').csv as CsvMessages, 'da')).toContain('højst fylde 8 MB');
    expect(describeCsvProblem(problem, load('en').csv as CsvMessages, 'en')).toContain('52.5 MB');
  });

  it('writes back what it reads', () => {
    const text = `cvr,new_ideas\n${valid[0]},1\n`;
    const parsed = parseCompanyCsv(text);
    if (!parsed.ok) throw new Error('fixture');
    const again = parseCompanyCsv(companyListToCsv(parsed.rows));
    expect(again.ok && again.rows).toEqual(parsed.rows);
  });
});
