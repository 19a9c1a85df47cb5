import { must } from '../helpers/must';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, publications, reportingYears, yearExclusions } from '@/db/schema';
import { publishYear } from '@/lib/publications/publish';
import { getPublication, getPublishedSeries, listLatestPublications } from '@/lib/publications/read';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';

let database: TestDatabase;
let pendingOrganisationId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, 2021, 'closed');
  const approved = await createOrganisation(db, { slug: 'approved-one', name: 'Approved' });
  const pending = await createOrganisation(db, { slug: 'still-drafting', name: 'Drafting' });
  pendingOrganisationId = pending.id;
  await createSubmission(db, {
    organisationId: approved.id,
    year: 2021,
    state: 'approved',
    companies: validCvrs(3).map((cvr, index) => ({ cvr, newIdeas: index === 0 })),
  });
  await createSubmission(db, { organisationId: pending.id, year: 2021, state: 'draft' });
});
afterAll(async () => {
  await database.destroy();
});

describe('publishing a year', () => {
  it('refuses while an active organisation is neither approved nor excluded, and stores nothing', async () => {
    const result = await publishYear(database.db, { year: 2021, actorId: null });
    expect(result).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: 'admin.errors.organisations_not_settled',
    });
    expect(await database.db.select().from(publications)).toEqual([]);
  });

  it('refuses a year that is still open for reporting', async () => {
    await createYear(database.db, 2022, 'open');
    expect(await publishYear(database.db, { year: 2022, actorId: null })).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
  });

  it('publishes version 1 once every organisation is settled, and marks the year published', async () => {
    await database.db
      .insert(yearExclusions)
      .values({ year: 2021, organisationId: pendingOrganisationId, reason: 'Ophørt' });
    expect(await publishYear(database.db, { year: 2021, actorId: null })).toMatchObject({
      ok: true,
      value: { year: 2021, version: 1 },
    });
    const [year] = await database.db.select().from(reportingYears).where(eq(reportingYears.year, 2021));
    expect(must(year).state).toBe('published');
    const publication = await getPublication(database.db, 2021);
    expect(
      must(
        must(publication).snapshot.accounts.indicators.find((indicator) => indicator.key === 'participants'),
      ).national,
    ).toMatchObject({
      net: 3,
    });
    expect(must(publication).snapshot.accounts.excluded).toEqual([
      { slug: 'still-drafting', name: 'Drafting', reason: 'Ophørt' },
    ]);
    expect(must(publication).snapshot.methodology.da).toContain('netto');
  });

  it('requires a change note for a correction, then publishes version 2 and keeps version 1', async () => {
    const refused = await publishYear(database.db, { year: 2021, actorId: null, changeNote: '  ' });
    expect(refused).toMatchObject({
      ok: false,
      kind: 'invalid',
      message: 'admin.errors.change_note_required',
    });
    const corrected = await publishYear(database.db, {
      year: 2021,
      actorId: null,
      changeNote: 'Rettet tal for A',
    });
    expect(corrected).toMatchObject({ ok: true, value: { year: 2021, version: 2 } });
    const latest = await getPublication(database.db, 2021);
    expect(must(latest).version).toBe(2);
    expect(must(latest).history.map((entry) => [entry.version, entry.changeNote])).toEqual([
      [1, null],
      [2, 'Rettet tal for A'],
    ]);
    expect(must(await getPublication(database.db, 2021, 1)).version).toBe(1);
    expect(await listLatestPublications(database.db)).toMatchObject([{ year: 2021, version: 2 }]);
    expect((await getPublishedSeries(database.db)).map((publication) => publication.year)).toEqual([2021]);
  });

  it('records each publication as an audit event', async () => {
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'publication'));
    expect(events.map((event) => event.action)).toEqual(['publication.publish', 'publication.correct']);
  });

  it('answers null for a year never published', async () => {
    expect(await getPublication(database.db, 1999)).toBeNull();
  });
});
