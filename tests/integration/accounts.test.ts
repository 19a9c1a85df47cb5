import { must } from '../helpers/must';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { computeNationalAccounts, distinctCompanyStats } from '@/lib/accounts/compute';
import type { NationalAccounts, TotalFigure } from '@/lib/accounts/types';
import { yearExclusions } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';

// Hand-computed case (see the expectations): companies X and Y each take part in two
// organisations, D reports counts without a list, E is only a draft and F is excluded.
let database: TestDatabase;
let accounts: NationalAccounts;
const [X, Y, Z, W] = validCvrs(4);

const national = (key: string) =>
  must(accounts.indicators.find((indicator) => indicator.key === key)).national as TotalFigure;
const group = (dimension: 'kind' | 'field' | 'region', name: string) =>
  must(accounts.breakdowns[dimension].find((entry) => entry.group === name));

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, 2020, 'closed');
  const a = await createOrganisation(db, { slug: 'a', name: 'A', field: 'Energi', region: 'hovedstaden' });
  const b = await createOrganisation(db, { slug: 'b', name: 'B', field: 'Energi', region: 'midtjylland' });
  const c = await createOrganisation(db, {
    slug: 'c',
    name: 'C',
    kind: 'innovation_network',
    field: 'Sundhed',
    region: 'hovedstaden',
  });
  const d = await createOrganisation(db, { slug: 'd', name: 'D', field: 'Sundhed', region: 'sjaelland' });
  const e = await createOrganisation(db, { slug: 'e', name: 'E' });
  const f = await createOrganisation(db, { slug: 'f', name: 'F' });

  await createSubmission(db, {
    organisationId: a.id,
    year: 2020,
    state: 'approved',
    values: { innovation_projects: 2, survey_new_knowledge: { numerator: 5, denominator: 10 } },
    companies: [
      { cvr: must(X), under50: true, newIdeas: true },
      { cvr: must(Y), newIdeas: true, dedicated: true },
      { cvr: must(Z), newProducts: true },
    ],
  });
  await createSubmission(db, {
    organisationId: b.id,
    year: 2020,
    state: 'approved',
    values: { innovation_projects: 3, survey_new_knowledge: { numerator: 3, denominator: 4 } },
    companies: [
      { cvr: must(X), newCompetences: true },
      { cvr: must(W), under50: true },
    ],
  });
  await createSubmission(db, {
    organisationId: c.id,
    year: 2020,
    state: 'approved',
    companies: [{ cvr: must(Y), newIdeas: true, under50: true }],
  });
  await createSubmission(db, {
    organisationId: d.id,
    year: 2020,
    state: 'approved',
    values: { participants: 10, under_50: 4, new_ideas: 3, innovation_projects: 5 },
  });
  await createSubmission(db, {
    organisationId: e.id,
    year: 2020,
    state: 'draft',
    values: { innovation_projects: 100 },
    companies: [{ cvr: must(Z), newIdeas: true }],
  });
  await createSubmission(db, {
    organisationId: f.id,
    year: 2020,
    state: 'approved',
    values: { innovation_projects: 1000 },
    companies: [{ cvr: must(validCvrs(1, 2000000)[0]) }],
  });
  await db
    .insert(yearExclusions)
    .values({ year: 2020, organisationId: f.id, reason: 'Lukket i løbet af året' });
  accounts = must(await computeNationalAccounts(db, 2020));
});

afterAll(async () => {
  await database.destroy();
});

describe('national accounts from approved submissions', () => {
  it('counts each company once across clusters, adds counts reported without a list', () => {
    // lists: X, Y, Z, W = 4 distinct; D reports 10 without a list
    expect(national('participants')).toEqual({
      net: 14,
      gross: 16,
      overlap: 2,
      under50: 7,
      possiblyDoubleCounted: true,
    });
  });

  it('counts a company as having new ideas when any cluster reports it so', () => {
    // X (A), Y (A and C) → 2 distinct; gross A 2 + C 1; D reports 3
    expect(national('new_ideas')).toMatchObject({ net: 5, gross: 6, overlap: 1 });
    // D reports new ideas without a list, so their under-50 split is unknown: no figure at all
    expect(national('new_ideas').under50).toBeUndefined();
    // where every organisation has a list, the split is net: X (A says under 50) only
    expect(national('new_products')).toMatchObject({ under50: 0 });
    expect(group('kind', 'innovation_network').values.new_ideas).toMatchObject({ net: 1, under50: 1 });
    expect(national('new_competences')).toMatchObject({ net: 1, gross: 1 });
    expect(national('new_products')).toMatchObject({ net: 1, gross: 1 });
  });

  it('leaves out drafts and excluded organisations', () => {
    expect(accounts.organisations.map((organisation) => organisation.slug)).toEqual(['a', 'b', 'c', 'd']);
    expect(national('innovation_projects')).toEqual({ net: 10 });
    expect(accounts.excluded).toEqual([{ slug: 'f', name: 'F', reason: 'Lukket i løbet af året' }]);
  });

  it('sums numerators over denominators for shares, never averages percentages', () => {
    expect(
      must(accounts.indicators.find((indicator) => indicator.key === 'survey_new_knowledge')).national,
    ).toEqual({
      numerator: 8,
      denominator: 14,
    });
  });

  it('tells how many companies take part in one, two, three or more organisations', () => {
    expect(accounts.participation).toEqual({ one: 2, two: 2, threePlus: 0 });
  });

  it('breaks down by kind, field and region, net within each group', () => {
    expect(group('kind', 'cluster').values.participants).toMatchObject({ net: 14, gross: 15 });
    expect(group('kind', 'innovation_network').values.participants).toMatchObject({ net: 1, gross: 1 });
    // hovedstaden: A and C share Y → X, Y, Z
    expect(group('region', 'hovedstaden').values.participants).toMatchObject({
      net: 3,
      gross: 4,
      overlap: 1,
    });
    expect(group('region', 'sjaelland').values.participants).toMatchObject({
      net: 10,
      possiblyDoubleCounted: true,
    });
    expect(group('field', 'Energi').values.participants).toMatchObject({ net: 4, gross: 5 });
    expect(group('field', 'Sundhed').organisations).toBe(2);
  });

  it('gives each organisation its own figures, derived from its list when it has one', () => {
    const a = must(accounts.organisations.find((organisation) => organisation.slug === 'a'));
    expect(a.values).toMatchObject({
      participants: 3,
      new_ideas: 2,
      dedicated: 1,
      under_50: 1,
      innovation_projects: 2,
    });
    const d = must(accounts.organisations.find((organisation) => organisation.slug === 'd'));
    expect(d.hasCompanyList).toBe(false);
    expect(d.values).toMatchObject({ participants: 10, new_ideas: 3 });
    expect(accounts.organisationCounts).toEqual({ total: 4, cluster: 3, innovation_network: 1 });
  });

  it('gives the same distinct-company statistics through the bitmask pass and through grouping sets', async () => {
    const listed = await queryRows<{ submissionId: number; kind: string; field: string; region: string }>(
      database.db,
      sql`select s.id as "submissionId", o.kind::text as kind, o.field, o.region::text as region
          from submissions s join organisations o on o.id = s.organisation_id
          where s.year = 2020 and s.state = 'approved' and s.has_company_list`,
    );
    const fast = await distinctCompanyStats(database.db, listed);
    const reference = await distinctCompanyStats(database.db, listed, { forceGroupingSets: true });
    expect(Object.keys(fast).sort()).toEqual(Object.keys(reference).sort());
    for (const scope of Object.keys(reference)) {
      expect({ scope, counts: must(fast[scope]).counts, under50: must(fast[scope]).under50 }).toEqual({
        scope,
        counts: must(reference[scope]).counts,
        under50: must(reference[scope]).under50,
      });
    }
    expect(must(fast.national).participation).toEqual(must(reference.national).participation);
  });

  it('answers null for a year that does not exist', async () => {
    expect(await computeNationalAccounts(database.db, 1999)).toBeNull();
  });
});
