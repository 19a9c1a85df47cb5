// Exports in one language (issue 16, item 13): the Danish export in Danish words, yes/no and
// Danish time, the English one in English, with codes only as slugs and indicator keys.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { buildExport } from '@/lib/exports/exports';
import { adminActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';
import { must } from '../helpers/must';

let database: TestDatabase;
let admin: Actor;
const YEAR = 2019;
const CODES = [
  'approved',
  'submitted',
  'not_started',
  'cluster',
  'innovation_network',
  'hovedstaden',
  'companies',
];

async function csv(kind: string, locale: 'da' | 'en') {
  const result = await buildExport(database.db, admin, { year: YEAR, kind, format: 'csv', locale });
  if (!result.ok) throw new Error(result.message);
  const text = result.value.body as string;
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(text.slice(1), { delimiter: locale === 'da' ? ';' : ',' }).data.filter(
    (row) => row.length > 1,
  );
  return { filename: result.value.filename, header: must(rows[0]), rows: rows.slice(1) };
}

/** Cells that are codes of the schema's vocabularies, where a person reads words. */
const codesIn = (rows: string[][], columns: number[]) =>
  rows.flatMap((row) => columns.map((column) => must(row[column]))).filter((cell) => CODES.includes(cell));

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, YEAR, 'closed', { deadline: '2020-03-01' });
  admin = await adminActor(db);
  const [a, b, c] = validCvrs(3, 7_700_000);
  const north = await createOrganisation(db, { slug: 'north', name: 'Nordklyngen', region: 'nordjylland' });
  const south = await createOrganisation(db, {
    slug: 'south',
    name: 'Sydnetværket',
    kind: 'innovation_network',
    region: 'syddanmark',
  });
  await createOrganisation(db, { slug: 'quiet', name: 'Den stille' });
  const submitted = await createSubmission(db, {
    organisationId: north.id,
    year: YEAR,
    state: 'approved',
    values: { innovation_projects: 4 },
    companies: [{ cvr: must(a), newIdeas: true }, { cvr: must(b) }],
  });
  await createSubmission(db, {
    organisationId: south.id,
    year: YEAR,
    state: 'approved',
    companies: [{ cvr: must(b) }, { cvr: must(c) }],
  });
  // handed in at 23:30 UTC on 1 March: 2 March in Denmark, a day late
  await db
    .update(submissions)
    .set({ submittedAt: new Date('2020-03-01T23:30:00Z') })
    .where(eq(submissions.id, submitted.id));
});

afterAll(async () => {
  await database?.destroy();
});

describe('the completeness report', () => {
  it('in Danish: states in words, ja/nej, the submission time in Danish time', async () => {
    const { filename, header, rows } = await csv('completeness', 'da');
    expect(filename).toBe(`klyngeregnskab-${YEAR}-rettidighed.csv`);
    expect(header).toEqual([
      'år',
      'slug',
      'organisation',
      'status',
      'frist',
      'forlænget',
      'indsendt (dansk tid)',
      'for sent',
      'udeladt, begrundelse',
    ]);
    const north = must(rows.find((row) => row[1] === 'north'));
    expect(north).toEqual([
      String(YEAR),
      'north',
      'Nordklyngen',
      'Godkendt',
      '2020-03-01',
      'nej',
      '2020-03-02 00:30',
      'ja',
      '',
    ]);
    const quiet = must(rows.find((row) => row[1] === 'quiet'));
    expect(quiet.slice(3)).toEqual(['Ikke påbegyndt', '2020-03-01', 'nej', '', 'ja', '']);
    expect(codesIn(rows, [3, 5, 7])).toEqual([]);
  });

  it('in English: English headers and words, commas for English Excel', async () => {
    const { filename, header, rows } = await csv('completeness', 'en');
    expect(filename).toBe(`klyngeregnskab-${YEAR}-timeliness.csv`);
    expect(header).toEqual([
      'year',
      'slug',
      'organisation',
      'state',
      'deadline',
      'extended',
      'submitted (Danish time)',
      'late',
      'left out, reason',
    ]);
    expect(must(rows.find((row) => row[1] === 'north')).slice(3)).toEqual([
      'Approved',
      '2020-03-01',
      'no',
      '2020-03-02 00:30',
      'yes',
      '',
    ]);
  });
});

describe('the accounts and the organisations', () => {
  it('name kinds, regions and the double-counting mark in the export’s language', async () => {
    const da = await csv('accounts', 'da');
    expect(da.header.slice(0, 4)).toEqual(['år', 'indikator (nøgle)', 'indikator', 'type']);
    const participants = must(da.rows.find((row) => row[1] === 'participants'));
    expect(participants.slice(2, 6)).toEqual(['Deltagende virksomheder', 'Virksomheder', '3', '4']);
    expect(participants[10]).toBe('nej');
    const en = await csv('accounts', 'en');
    expect(must(en.rows.find((row) => row[1] === 'participants')).slice(2, 4)).toEqual([
      'Participating companies',
      'Companies',
    ]);
    const organisations = await csv('organisations', 'da');
    expect(organisations.header).toContain('Deltagende virksomheder');
    expect(organisations.header).not.toContain('participants');
    const south = must(organisations.rows.find((row) => row[1] === 'south'));
    expect(south.slice(2, 7)).toEqual(['Sydnetværket', 'Innovationsnetværk', 'Energi', 'Syddanmark', 'ja']);
    expect(codesIn(organisations.rows, [3, 5, 6])).toEqual([]);
    const english = await csv('organisations', 'en');
    expect(must(english.rows.find((row) => row[1] === 'south')).slice(3, 7)).toEqual([
      'Innovation network',
      'Energi',
      'Southern Denmark',
      'yes',
    ]);
  });

  it('the overlap names the organisations, with their slugs beside', async () => {
    const { header, rows } = await csv('overlap', 'da');
    expect(header).toEqual([
      'år',
      'organisation 1',
      'organisation 2',
      'slug 1',
      'slug 2',
      'fælles virksomheder',
    ]);
    expect(rows).toEqual([[String(YEAR), 'Nordklyngen', 'Sydnetværket', 'north', 'south', '1']]);
  });

  it('the XLSX has the same words, sheet names included', async () => {
    const result = await buildExport(database.db, admin, {
      year: YEAR,
      kind: 'accounts',
      format: 'xlsx',
      locale: 'en',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.filename).toBe(`klyngeregnskab-${YEAR}-accounts-live.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.value.body as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['National', 'Breakdowns']);
    const breakdowns = must(workbook.worksheets[1]);
    const groups = breakdowns.getColumn(3).values.slice(2);
    expect(groups).toEqual(expect.arrayContaining(['Cluster', 'Innovation network', 'North Jutland']));
    expect(breakdowns.getColumn(2).values.slice(2)).toEqual(expect.arrayContaining(['kind', 'region']));
  });
});
