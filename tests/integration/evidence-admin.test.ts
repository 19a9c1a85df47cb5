// The secretariat keeps the evidence statements: validated, refused for staff, one transaction,
// audited; the public sees them frozen into a publication.
import { must } from '../helpers/must';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, evidenceStatements } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createEvidence, deleteEvidence, updateEvidence } from '@/lib/evidence/mutations';
import { listEvidence } from '@/lib/evidence/queries';
import { publishYear } from '@/lib/publications/publish';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createYear } from '../helpers/fixtures';

let database: TestDatabase;
let admin: Actor;
let staff: Actor;

const finding = {
  key: 'productivity_growth',
  sortOrder: '20',
  value: '3,6',
  unit: 'percentage_points',
  textDa: 'højere produktivitetsvækst end tilsvarende virksomheder.',
  textEn: 'higher productivity growth than similar companies.',
  sourceTitle: 'The Short-run Impact on Total Factor Productivity Growth',
  sourcePublisher: 'CEBR for Styrelsen for Forskning og Innovation',
  sourceYear: '2014',
  sourceUrl: 'https://ufm.dk/en/publications/2014',
};

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await adminActor(database.db);
  staff = await staffActor(database.db, [(await createOrganisation(database.db, { activeFrom: 2030 })).id]);
  await createYear(database.db, 2020, 'closed');
});
afterAll(async () => {
  await database?.destroy();
});

const stored = () => database.db.select().from(evidenceStatements);

describe('evidence statements', () => {
  it('[staff] cannot read, add, change or remove them', async () => {
    const { db } = database;
    expect(await listEvidence(db, staff, { year: 2020 })).toMatchObject({ kind: 'forbidden' });
    expect(await createEvidence(db, staff, { year: 2020, ...finding })).toMatchObject({ kind: 'forbidden' });
    expect(await updateEvidence(db, staff, { id: 1, ...finding })).toMatchObject({ kind: 'forbidden' });
    expect(await deleteEvidence(db, staff, { id: 1 })).toMatchObject({ kind: 'forbidden' });
    expect(await stored()).toEqual([]);
  });

  it('refuses every bad field with its own error, and stores nothing', async () => {
    const { db } = database;
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ key: 'Not Valid!' }, { key: ['admin.errors.key_invalid'] }],
      [{ value: 'fire' }, { value: ['admin.errors.value_invalid'] }],
      [{ value: '1e400' }, { value: ['admin.errors.value_invalid'] }],
      [{ unit: '' }, { unit: ['admin.errors.unit_required'] }],
      [{ value: '', unit: 'times' }, { value: ['admin.errors.value_required'] }],
      [{ unit: 'light_years' }, { unit: ['admin.errors.unit_invalid'] }],
      [{ textEn: '   ' }, { textEn: ['admin.errors.required'] }],
      [{ textDa: 'x\u0000y' }, { textDa: ['admin.errors.invalid_characters'] }],
      [{ sourceTitle: 'x'.repeat(301) }, { sourceTitle: ['admin.errors.too_long'] }],
      [{ sourceYear: '1066' }, { sourceYear: ['admin.errors.year_invalid'] }],
      [{ sourceYear: '2014.5' }, { sourceYear: ['admin.errors.year_invalid'] }],
      [{ sourceUrl: 'javascript:alert(1)' }, { sourceUrl: ['admin.errors.url_invalid'] }],
      [{ sortOrder: '-1' }, { sortOrder: ['admin.errors.sort_order_invalid'] }],
    ];
    for (const [change, fieldErrors] of cases) {
      const result = await createEvidence(db, admin, { year: 2020, ...finding, ...change });
      // the form shows each field's first error
      const firstErrors =
        !result.ok && result.kind === 'invalid'
          ? Object.fromEntries(
              Object.entries(result.fieldErrors ?? {}).map(([name, codes]) => [name, [codes[0]]]),
            )
          : { accepted: [] };
      expect(firstErrors, JSON.stringify(change).slice(0, 80)).toEqual(fieldErrors);
    }
    expect(await createEvidence(db, admin, { year: 1999, ...finding })).toMatchObject({
      fieldErrors: { year: ['admin.errors.year_not_found'] },
    });
    expect(await createEvidence(db, admin, { year: Number.NaN, ...finding })).toMatchObject({
      kind: 'invalid',
    });
    expect(await stored()).toEqual([]);
  });

  it('adds, edits and removes a statement, each audited; a key is the year’s once', async () => {
    const { db } = database;
    const created = await createEvidence(db, admin, { year: 2020, ...finding });
    if (!created.ok) throw new Error(created.message);
    const [row] = await stored();
    // the Danish decimal comma is read as a decimal
    expect(row).toMatchObject({ year: 2020, key: 'productivity_growth', value: 3.6, sourceYear: 2014 });
    expect(await createEvidence(db, admin, { year: 2020, ...finding })).toMatchObject({
      fieldErrors: { key: ['admin.errors.evidence_key_taken'] },
    });
    // a statement that names a source only: no figure, no unit; optional fields left out altogether
    const source = await createEvidence(db, admin, {
      year: 2020,
      key: 'company_survey',
      sortOrder: '10',
      textDa: 'Spørgeskemaundersøgelsen.',
      textEn: 'The questionnaire survey.',
      sourceTitle: 'Effekter af virksomheders deltagelse i klynger og innovationsnetværk',
      sourcePublisher: 'Uddannelses- og Forskningsministeriet',
    });
    expect(source).toMatchObject({ ok: true });
    const listed = await listEvidence(db, admin, { year: 2020 });
    expect(listed.ok && listed.value.rows.map((r) => [r.key, r.value, r.unit])).toEqual([
      ['company_survey', null, null],
      ['productivity_growth', 3.6, 'percentage_points'],
    ]);

    expect(
      await updateEvidence(db, admin, { id: created.value.id, ...finding, value: '4', unit: 'times' }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await updateEvidence(db, admin, { id: created.value.id, ...finding, key: 'company_survey' }),
    ).toMatchObject({
      fieldErrors: { key: ['admin.errors.evidence_key_taken'] },
    });
    expect(await updateEvidence(db, admin, { id: 999_999, ...finding })).toMatchObject({ kind: 'not_found' });
    expect(await updateEvidence(db, admin, { id: 'x', ...finding })).toMatchObject({ kind: 'not_found' });
    const [changed] = await db
      .select()
      .from(evidenceStatements)
      .where(eq(evidenceStatements.id, created.value.id));
    expect(changed).toMatchObject({ value: 4, unit: 'times' });

    expect(await deleteEvidence(db, admin, { id: source.ok ? source.value.id : 0 })).toMatchObject({
      ok: true,
    });
    expect(await deleteEvidence(db, admin, { id: 2 ** 40 })).toMatchObject({ kind: 'not_found' });
    expect((await stored()).map((r) => r.key)).toEqual(['productivity_growth']);

    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'evidence_statement'))
      .orderBy(auditEvents.id);
    expect(events.map((event) => event.action)).toEqual([
      'evidence.create',
      'evidence.create',
      'evidence.update',
      'evidence.delete',
    ]);
    expect(events[2]).toMatchObject({
      before: { value: 3.6 },
      after: { value: 4, unit: 'times' },
      actorId: admin.userId,
    });
  });

  it('says whether the statements differ from what the latest publication froze', async () => {
    const { db } = database;
    let listed = await listEvidence(db, admin, { year: 2020 });
    expect(listed.ok && [listed.value.publishedVersion, listed.value.changedSincePublication]).toEqual([
      null,
      false,
    ]);
    expect((await publishYear(db, { year: 2020, actorId: admin.userId })).ok).toBe(true);
    listed = await listEvidence(db, admin, { year: 2020 });
    expect(listed.ok && [listed.value.publishedVersion, listed.value.changedSincePublication]).toEqual([
      1,
      false,
    ]);
    const [row] = await stored();
    await updateEvidence(db, admin, { id: must(row).id, ...finding, textEn: 'faster productivity growth.' });
    listed = await listEvidence(db, admin, { year: 2020 });
    expect(listed.ok && listed.value.changedSincePublication).toBe(true);
  });
});
