// Bulk import without friction (issue 16, item 10): a clean check keeps the file on the server
// for its uploader, the preview says what the import will write beside what is there, and one
// click imports it — once, by that person only, before it expires, and only while it is still
// clean. Every refusal writes nothing.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { auditEvents, importUploads, submissions, submissionValues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { checkImportFile, getImportPreview, importCheckedFile } from '@/lib/bulk-import/import';
import { uploadCompanyList } from '@/lib/submissions/save';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear } from '../helpers/fixtures';
import { inWords } from '../helpers/in-words';
import { must } from '../helpers/must';

let database: TestDatabase;
let admin: Actor;
let otherAdmin: Actor;
let staff: Actor;
const YEAR = 2022;

const file = (lines: string[], name = 'tal.csv') =>
  new File([`\uFEFForganisation;indicator;value;denominator\n${lines.join('\n')}\n`], name);

const CLEAN = [
  'north;innovation_projects;12;',
  'north;public_funding;2400000;',
  'south;innovation_projects;3;',
];

async function written() {
  return database.db
    .select({ value: submissionValues.value })
    .from(submissionValues)
    .innerJoin(submissions, eq(submissions.id, submissionValues.submissionId))
    .where(eq(submissions.year, YEAR));
}

async function uploadCount() {
  const [row] = await queryRows<{ count: number }>(
    database.db,
    sql`select count(*)::int as count from import_uploads`,
  );
  return Number(must(row).count);
}

async function check(lines = CLEAN, actor = admin) {
  const result = await checkImportFile(database.db, actor, { year: YEAR, file: file(lines) });
  if (!result.ok) throw new Error(result.message);
  return result.value.uploadId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, YEAR, 'open', { opensOn: `${YEAR}-01-01`, deadline: '2099-03-01' });
  const north = await createOrganisation(db, { slug: 'north', name: 'Nord' });
  await createOrganisation(db, { slug: 'south', name: 'Syd' });
  await createSubmission(db, {
    organisationId: north.id,
    year: YEAR,
    state: 'draft',
    values: { innovation_projects: 7 },
  });
  admin = await adminActor(db);
  otherAdmin = await adminActor(db);
  staff = await staffActor(db, [north.id]);
});

afterAll(async () => {
  await database?.destroy();
});

describe('the check', () => {
  it('keeps a clean file for its uploader and writes no figure', async () => {
    const before = await written();
    const result = await checkImportFile(database.db, admin, { year: YEAR, file: file(CLEAN) });
    expect(result).toMatchObject({ ok: true, value: { values: 3, organisations: 2 } });
    expect(await written()).toEqual(before);
    const [upload] = await database.db
      .select()
      .from(importUploads)
      .where(eq(importUploads.id, (result as { value: { uploadId: string } }).value.uploadId));
    expect(upload).toMatchObject({ actorId: admin.userId, year: YEAR, filename: 'tal.csv', usedAt: null });
    expect(must(upload).expiresAt.getTime() - must(upload).createdAt.getTime()).toBe(30 * 60 * 1000);
  });

  it('lists the problems by row with the count said right, and keeps nothing', async () => {
    const before = await uploadCount();
    const one = inWords(
      await checkImportFile(database.db, admin, {
        year: YEAR,
        file: file(['nowhere;innovation_projects;1;']),
      }),
      'da',
    );
    expect(one).toMatchObject({ ok: false, message: '1 problem – intet er importeret.' });
    const two = inWords(
      await checkImportFile(database.db, admin, {
        year: YEAR,
        file: file(['nowhere;innovation_projects;1;', 'north;no_such;1;']),
      }),
      'en',
    );
    expect(two).toMatchObject({
      ok: false,
      message: '2 problems – nothing was imported.',
      lines: ['Row 2: unknown organisation “nowhere”', 'Row 3: unknown indicator “no_such” for the year'],
    });
    const after = await uploadCount();
    expect(after).toBe(before);
  });

  it('is refused to staff', async () => {
    expect(await checkImportFile(database.db, staff, { year: YEAR, file: file(CLEAN) })).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });
});

describe('the preview', () => {
  it('says what the import will write beside what the reports hold now', async () => {
    const uploadId = await check();
    const result = await getImportPreview(database.db, admin, uploadId);
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toMatchObject({
      status: 'ready',
      problems: 0,
      totalValues: 3,
      organisations: [
        { slug: 'north', name: 'Nord', values: 2, state: 'draft' },
        { slug: 'south', name: 'Syd', values: 1, state: null },
      ],
    });
    expect(
      result.value.values.map((value) => [value.slug, value.key, value.current?.value ?? null, value.value]),
    ).toEqual([
      ['north', 'innovation_projects', 7, 12],
      ['north', 'public_funding', null, 2400000],
      ['south', 'innovation_projects', null, 3],
    ]);
  });

  it('is the uploader’s only: another admin finds nothing, staff are refused', async () => {
    const uploadId = await check();
    expect(await getImportPreview(database.db, otherAdmin, uploadId)).toMatchObject({
      ok: false,
      kind: 'not_found',
    });
    expect(await getImportPreview(database.db, staff, uploadId)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });
});

describe('the import of a checked file', () => {
  it('another admin’s click, a made-up id or anything else imports nothing', async () => {
    const uploadId = await check();
    const before = await written();
    for (const [actor, id] of [
      [otherAdmin, uploadId],
      [admin, 'A'.repeat(32)],
      [admin, "' or 1=1 --"],
      [admin, 'x'.repeat(5000)],
      [admin, 42],
    ] as const) {
      const result = await importCheckedFile(database.db, actor, { uploadId: id });
      expect(result).toMatchObject({ ok: false });
    }
    expect(await importCheckedFile(database.db, staff, { uploadId })).toMatchObject({ kind: 'forbidden' });
    expect(await written()).toEqual(before);
  });

  it('an expired file is refused, and nothing is written', async () => {
    const uploadId = await check();
    await database.db
      .update(importUploads)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(importUploads.id, uploadId));
    const before = await written();
    expect(inWords(await importCheckedFile(database.db, admin, { uploadId }), 'da')).toMatchObject({
      ok: false,
      kind: 'invalid',
      message: 'Den kontrollerede fil er udløbet. Vælg filen igen.',
    });
    expect(await written()).toEqual(before);
    const preview = await getImportPreview(database.db, admin, uploadId);
    expect(preview.ok && preview.value.status).toBe('expired');
  });

  it('imports the checked file in one click, once; a second click finds it used', async () => {
    const uploadId = await check();
    const result = await importCheckedFile(database.db, admin, { uploadId });
    expect(result).toMatchObject({ ok: true, value: { uploadId, organisations: 2, values: 3 } });
    expect((await written()).map((row) => Number(row.value)).sort((a, b) => a - b)).toEqual([3, 12, 2400000]);
    const states = await database.db
      .select({ state: submissions.state })
      .from(submissions)
      .where(eq(submissions.year, YEAR));
    expect(states.map((row) => row.state)).toEqual(['approved', 'approved']);
    const again = await importCheckedFile(database.db, admin, { uploadId });
    expect(inWords(again, 'en')).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: 'The file has already been imported.',
    });
    const preview = await getImportPreview(database.db, admin, uploadId);
    expect(preview.ok && preview.value).toMatchObject({
      status: 'used',
      upload: { written: { organisations: 2, values: 3 } },
    });
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'import.figures'))
      .limit(1);
    expect(must(event).after).toMatchObject({ file: { filename: 'tal.csv' } });
  });

  it('two clicks at once import it once', async () => {
    const uploadId = await check(['south;international_participants;4;']);
    const results = await Promise.all([
      importCheckedFile(database.db, admin, { uploadId }),
      importCheckedFile(database.db, admin, { uploadId }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toMatchObject([{ kind: 'conflict' }]);
  });

  it('a file that has problems by now (a company list came meanwhile) is refused by row', async () => {
    const uploadId = await check(['north;participants;40;']);
    const [north] = await database.db
      .select()
      .from(submissions)
      .where(eq(submissions.year, YEAR))
      .orderBy(submissions.id)
      .limit(1);
    // the secretariat's import approved the report; back to draft so staff may upload a list
    await database.db
      .update(submissions)
      .set({ state: 'draft' })
      .where(eq(submissions.id, must(north).id));
    const uploaded = await uploadCompanyList(database.db, staff, {
      orgSlug: 'north',
      year: YEAR,
      version: must(north).version,
      csv: 'cvr\n12345674\n',
    });
    expect(uploaded.ok).toBe(true);
    const before = await written();
    const result = inWords(await importCheckedFile(database.db, admin, { uploadId }), 'da');
    expect(result).toMatchObject({ ok: false, message: '1 problem – intet er importeret.' });
    expect(await written()).toEqual(before);
    const preview = await getImportPreview(database.db, admin, uploadId);
    expect(preview.ok && preview.value.problems).toBe(1);
  });
});
