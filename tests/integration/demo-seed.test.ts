import { must } from '../helpers/must';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldNames, organisations, participants, reportingYears, submissions } from '@/db/schema';
import { DEMO_TARGETS, seedDemo } from '@/db/seed/demo';
import { netOf } from '@/lib/accounts/figures';
import type { TotalFigure } from '@/lib/accounts/types';
import { isValidCvr } from '@/lib/cvr';
import { formatEvidenceFigure } from '@/lib/evidence/format';
import { formatShare } from '@/lib/format';
import { listPublicNames } from '@/lib/publications/directory';
import { accountsCsvForApi, toOpenAccountsYear } from '@/lib/publications/open-data';
import { getPublication } from '@/lib/publications/read';
import { participationCoverage, roundedFraming, shareFigure } from '@/lib/publications/view';
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
    const accounts = must(publication).snapshot.accounts;
    expect(netOf(accounts, 'participants')).toBe(16_500);
    expect(netOf(accounts, 'new_ideas')).toBe(3_789);
    expect(netOf(accounts, 'new_competences')).toBe(4_832);
    expect(netOf(accounts, 'new_products')).toBe(1_524);
    const participantsFigure = must(accounts.indicators.find((indicator) => indicator.key === 'participants'))
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

  it('publishes the seed’s survey shares exactly: 56 %, 55 % and 40 % at every precision shown', async () => {
    const accounts = must(await getPublication(database.db, 2016)).snapshot.accounts;
    const expected = { survey_new_knowledge: 56, survey_innovation: 55, survey_competences: 40 };
    for (const [key, percent] of Object.entries(expected)) {
      const share = must(shareFigure(accounts, key));
      // a whole number of answers: exactly the share, not a rounding of it
      expect(share.numerator * 100, key).toBe(percent * share.denominator);
      expect(formatShare(share.numerator, share.denominator, 'da', 0)).toBe(`${percent}\u00a0%`);
      expect(formatShare(share.numerator, share.denominator, 'da', 1)).toBe(`${percent},0\u00a0%`);
      expect(formatShare(share.numerator, share.denominator, 'en', 1)).toBe(`${percent}.0%`);
    }
  });

  it('tells the seed’s framing: 29 clusters and 22 innovation networks, over 50, about 16,500 a year', async () => {
    const accounts = must(await getPublication(database.db, 2016)).snapshot.accounts;
    expect(accounts.organisationCounts).toEqual({ total: 51, cluster: 29, innovation_network: 22 });
    expect(roundedFraming(accounts.organisationCounts.total, must(netOf(accounts, 'participants')))).toEqual({
      over: true,
      organisations: 50,
      participants: 16_500,
    });
    // "in 2015 there were 22 innovation networks"
    const accounts2015 = must(await getPublication(database.db, 2015)).snapshot.accounts;
    expect(accounts2015.organisationCounts.innovation_network).toBe(22);
  });

  it('freezes the seed’s evidence into the 2016 accounts, in the seed’s order, with sources', async () => {
    const evidence = must(must(await getPublication(database.db, 2016)).snapshot.evidence);
    expect(evidence.map((statement) => statement.key)).toEqual([
      'company_survey',
      'innovation_likelihood',
      'productivity_growth',
    ]);
    const [survey, likelihood, productivity] = evidence;
    expect(must(survey).source).toMatchObject({
      title: 'Effekter af virksomheders deltagelse i klynger og innovationsnetværk',
      year: 2017,
    });
    expect(formatEvidenceFigure(must(likelihood).value, must(likelihood).unit, 'da')).toBe('4 gange');
    expect(formatEvidenceFigure(must(likelihood).value, must(likelihood).unit, 'en')).toBe('4 times');
    expect(formatEvidenceFigure(must(productivity).value, must(productivity).unit, 'da')).toBe(
      '3,6 procentpoint',
    );
    expect(formatEvidenceFigure(must(productivity).value, must(productivity).unit, 'en')).toBe(
      '3.6 percentage points',
    );
    for (const finding of [must(likelihood), must(productivity)]) {
      expect(finding.source.title).toBe(
        'The Short-run Impact on Total Factor Productivity Growth of the Danish Innovation and Research Support System',
      );
      expect(finding.source.publisher).toContain('Styrelsen for Forskning og Innovation');
      expect(finding.source.url).toMatch(/^https:\/\//);
    }
    // the other years carry no statements of their own
    expect(must(await getPublication(database.db, 2015)).snapshot.evidence).toEqual([]);
  });

  it('dates the published years historically, each in its edition year', async () => {
    for (const year of [2013, 2014, 2015, 2016]) {
      const publishedAt = new Date(must(await getPublication(database.db, year)).publishedAt);
      expect(publishedAt.getUTCFullYear()).toBe(year + 1);
      expect(publishedAt.getUTCMonth()).toBe(4);
    }
  });

  it('keeps an English form of every field name and organisation description', async () => {
    const names = await listPublicNames(database.db);
    const fields = await database.db.selectDistinct({ field: organisations.field }).from(organisations);
    for (const { field } of fields) expect(names.fields[field], field).toBeTruthy();
    expect(names.fields['Energi og klima']).toBe('Energy and climate');
    expect(await database.db.select().from(fieldNames)).toHaveLength(fields.length);
    for (const description of Object.values(names.organisations).map((o) => o.description)) {
      expect(description.da).toMatch(/^Syntetisk demo/);
      expect(description.en).toMatch(/^A synthetic demo/);
    }
  });

  it('marks 2013 and 2014 as possibly double counted in the open data, and their participation as unknown', async () => {
    for (const year of [2013, 2014]) {
      const publication = must(await getPublication(database.db, year));
      const open = toOpenAccountsYear(publication);
      for (const indicator of open.indicators.filter((i) => i.kind === 'companies'))
        expect(indicator.national, `${year} ${indicator.key}`).toMatchObject({ possiblyDoubleCounted: true });
      expect(accountsCsvForApi(publication)).toMatch(/\r\nnational_possibly_double_counted,,,,,,1,/);
      expect(participationCoverage(publication.snapshot.accounts)).toMatchObject({ known: false });
    }
    const open2016 = toOpenAccountsYear(must(await getPublication(database.db, 2016)));
    for (const indicator of open2016.indicators.filter((i) => i.kind === 'companies'))
      expect(indicator.national).toMatchObject({ possiblyDoubleCounted: false });
  });

  it('has about 50 organisations, 22 of them innovation networks', async () => {
    const rows = await database.db
      .select({ kind: organisations.kind, n: count() })
      .from(organisations)
      .groupBy(organisations.kind);
    const byKind = Object.fromEntries(rows.map((row) => [row.kind, row.n]));
    expect(byKind.innovation_network).toBe(22);
    expect(must(byKind.cluster) + must(byKind.innovation_network)).toBeGreaterThanOrEqual(50);
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
    expect(submitted2017).toBeLessThan(must(organisationCount).n);
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
      expect(must(second).snapshot.accounts).toEqual(must(first).snapshot.accounts);
    } finally {
      await again.destroy();
    }
  }, 180_000);
});
