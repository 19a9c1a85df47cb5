// The documentation of an edition: the secretariat's texts (admins only, validated, audited) and
// the facts generated from the data, frozen with each publication; a correction keeps the
// earlier version's text.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, documentationTexts, indicators, indicatorYears, siteProfile } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { saveDocumentationTexts } from '@/lib/documentation/mutations';
import { documentationOf } from '@/lib/documentation/read';
import { DOCUMENTATION_SECTIONS } from '@/lib/documentation/sections';
import { publishYear } from '@/lib/publications/publish';
import { getPublication } from '@/lib/publications/read';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';
import { must } from '../helpers/must';

let database: TestDatabase;
let admin: Actor;
let staff: Actor;

function texts(overrides: Record<string, string> = {}) {
  const input: Record<string, string> = { year: '2041' };
  for (const section of DOCUMENTATION_SECTIONS) {
    input[`${section}_da`] = '';
    input[`${section}_en`] = '';
  }
  return { ...input, ...overrides };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  admin = await adminActor(db);
  await createYear(db, 2040, 'closed');
  await createYear(db, 2041, 'closed');
  const listed = await createOrganisation(db, { slug: 'med-liste', name: 'Med liste' });
  const counted = await createOrganisation(db, { slug: 'uden-liste', name: 'Uden liste' });
  staff = await staffActor(db, [listed.id]);
  for (const year of [2040, 2041]) {
    await createSubmission(db, {
      organisationId: listed.id,
      year,
      state: 'approved',
      companies: validCvrs(5).map((cvr, index) => ({ cvr, newIdeas: index < 2 })),
    });
    await createSubmission(db, {
      organisationId: counted.id,
      year,
      state: 'approved',
      values: { participants: 7 },
    });
  }
  // 2041 drops one indicator that 2040 used: the documentation must say so
  const [dropped] = await db.select().from(indicators).where(eq(indicators.key, 'new_products'));
  if (dropped) {
    await db
      .delete(indicatorYears)
      .where(and(eq(indicatorYears.indicatorId, dropped.id), eq(indicatorYears.year, 2041)));
  }
  await db.insert(siteProfile).values({
    publisherDa: 'Sekretariatet',
    publisherEn: 'The secretariat',
    contactEmail: 'kontakt@example.org',
  });
});
afterAll(async () => {
  await database.destroy();
});

describe('the secretariat’s texts', () => {
  it('[staff] cannot write them, and nothing is stored', async () => {
    const result = await saveDocumentationTexts(database.db, staff, texts({ content_da: 'Formål' }));
    expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await database.db.select().from(documentationTexts)).toEqual([]);
  });

  it('refuses text that cannot be stored, storing nothing', async () => {
    const result = await saveDocumentationTexts(
      database.db,
      admin,
      texts({ content_da: 'ok', accuracy_en: 'NUL \u0000 here', contact_da: 'x'.repeat(8001) }),
    );
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    const { fieldErrors } = result as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(fieldErrors).sort()).toEqual(['accuracy_en', 'contact_da']);
    expect(fieldErrors.contact_da?.[0]).toBe('statistics.errors.too_long');
    expect(await database.db.select().from(documentationTexts)).toEqual([]);
  });

  it('saves the changed headings and audits them', async () => {
    const result = await saveDocumentationTexts(
      database.db,
      admin,
      texts({ content_da: 'Formålet er …', content_en: 'The purpose is …' }),
    );
    expect(result).toMatchObject({ ok: true, value: { year: 2041, changed: ['content'] } });
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'documentation.save'));
    expect(event).toMatchObject({
      actorId: admin.userId,
      after: { content: { da: 'Formålet er …', en: 'The purpose is …' } },
    });
  });
});

describe('the frozen documentation', () => {
  it('states the data of the edition: round, indicators, counts, double counting, catalogue changes, publisher', async () => {
    await publishYear(database.db, { year: 2040, actorId: null });
    const published = await publishYear(database.db, { year: 2041, actorId: null });
    expect(published).toMatchObject({ ok: true });
    const publication = must(await getPublication(database.db, 2041));
    const { facts, texts: frozen } = documentationOf(publication);
    const { accounts } = publication.snapshot;
    expect(facts.round).toEqual({ opensOn: expect.any(String), deadline: expect.any(String) });
    expect(facts.indicators.map((indicator) => indicator.key).sort()).toEqual(
      accounts.indicators.map((indicator) => indicator.key).sort(),
    );
    expect(facts.organisations).toEqual({ total: 2, withCompanyList: 1, withoutCompanyList: 1, excluded: 0 });
    expect(facts.possiblyDoubleCounted).toContain('participants');
    expect(facts.catalogueChanges).toMatchObject({
      previousYear: 2040,
      removed: ['new_products'],
      added: [],
    });
    expect(facts.publisher).toMatchObject({ email: 'kontakt@example.org' });
    expect(facts.publishedAt).toBe(publication.publishedAt);
    expect(frozen.content).toEqual({ da: 'Formålet er …', en: 'The purpose is …' });
  });

  it('keeps version 1’s text when the text changes and a correction is published', async () => {
    await saveDocumentationTexts(
      database.db,
      admin,
      texts({ content_da: 'Ny tekst', content_en: 'New text' }),
    );
    expect(await publishYear(database.db, { year: 2041, actorId: null, changeNote: 'Rettet' })).toMatchObject(
      { ok: true },
    );
    expect(documentationOf(must(await getPublication(database.db, 2041, 1))).texts.content.da).toBe(
      'Formålet er …',
    );
    expect(documentationOf(must(await getPublication(database.db, 2041, 2))).texts.content.da).toBe(
      'Ny tekst',
    );
  });
});
