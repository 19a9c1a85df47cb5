import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, participants, reportingYears, submissions } from '@/db/schema';
import { DEMO_TARGETS, seedDemo } from '@/db/seed/demo';
import { netOf } from '@/lib/accounts/figures';
import type { TotalFigure } from '@/lib/accounts/types';
import { isValidCvr } from '@/lib/cvr';
import { getPublication } from '@/lib/publications/read';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, new Date('2026-11-27T12:00:00Z'));
}, 180_000);
afterAll(async () => {
  await database.destroy();
});

describe('the demo data set', () => {
  it('publishes 2016 at exactly the 2017 edition’s figures, computed from the company lists', async () => {
    const publication = await getPublication(database.db, 2016);
    const accounts = publication!.snapshot.accounts;
    expect(netOf(accounts, 'participants')).toBe(16_500);
    expect(netOf(accounts, 'new_ideas')).toBe(3_789);
    expect(netOf(accounts, 'new_competences')).toBe(4_832);
    expect(netOf(accounts, 'new_products')).toBe(1_524);
    const participantsFigure = accounts.indicators.find((indicator) => indicator.key === 'participants')!
      .national as TotalFigure;
    // the lists overlap between clusters, so gross is above net and nothing is marked as double counting
    expect(participantsFigure.gross).toBeGreaterThan(16_500);
    expect(participantsFigure.possiblyDoubleCounted).toBeUndefined();
    expect(accounts.participation.two + accounts.participation.threePlus).toBeGreaterThan(0);
    expect(DEMO_TARGETS[2016]).toEqual({
      participants: 16_500,
      newIdeas: 3_789,
      newCompetences: 4_832,
      newProducts: 1_524,
    });
  });

  it('has about 50 organisations, 22 of them innovation networks', async () => {
    const rows = await database.db
      .select({ kind: organisations.kind, n: count() })
      .from(organisations)
      .groupBy(organisations.kind);
    const byKind = Object.fromEntries(rows.map((row) => [row.kind, row.n]));
    expect(byKind.innovation_network).toBe(22);
    expect(byKind.cluster! + byKind.innovation_network!).toBeGreaterThanOrEqual(50);
  });

  it('publishes 2013–2016 and leaves 2017 open with drafts and missing submissions', async () => {
    const years = await database.db.select().from(reportingYears).orderBy(reportingYears.year);
    expect(years.map((year) => [year.year, year.state])).toEqual([
      [2013, 'published'],
      [2014, 'published'],
      [2015, 'published'],
      [2016, 'published'],
      [2017, 'open'],
    ]);
    const states = await database.db
      .select({ state: submissions.state, n: count() })
      .from(submissions)
      .where(eq(submissions.year, 2017))
      .groupBy(submissions.state);
    expect(states.map((row) => row.state).sort()).toEqual(['draft', 'returned', 'submitted']);
    const [organisationCount] = await database.db.select({ n: count() }).from(organisations);
    const submitted2017 = states.reduce((total, row) => total + row.n, 0);
    expect(submitted2017).toBeLessThan(organisationCount!.n);
  });

  it('uses only valid CVR numbers', async () => {
    const rows = await database.db.selectDistinct({ cvr: participants.cvr }).from(participants);
    expect(rows.length).toBeGreaterThan(16_500);
    expect(rows.filter((row) => !isValidCvr(row.cvr))).toEqual([]);
  });

  it('is deterministic: the same seed gives the same figures', async () => {
    const again = await createTestDatabase();
    try {
      await seedDemo(again.db, new Date('2026-11-27T12:00:00Z'));
      const first = await getPublication(database.db, 2015);
      const second = await getPublication(again.db, 2015);
      expect(second!.snapshot.accounts).toEqual(first!.snapshot.accounts);
    } finally {
      await again.destroy();
    }
  }, 180_000);
});
