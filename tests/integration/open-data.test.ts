// The open-data functions against a real database: publications made by publishYear, read back
// the way the API and the public pages read them. Company lists must never leak.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participants } from '@/db/schema';
import { listOrganisationDetails } from '@/lib/publications/directory';
import {
  accountsCsvForApi,
  accountsCsvForDownload,
  toOpenAccountsYear,
  toOrganisationDetail,
  toOrganisationDirectory,
  toPublicationList,
} from '@/lib/publications/open-data';
import { publishYear } from '@/lib/publications/publish';
import { getPublication, getPublishedSeries, listLatestPublications } from '@/lib/publications/read';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';

let database: TestDatabase;
let health2020 = 0;
const cvrs = validCvrs(5);

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, 2019, 'closed');
  await createYear(db, 2020, 'closed');
  await createYear(db, 2021, 'open');
  const water = await createOrganisation(db, {
    slug: 'vand',
    name: 'Vandklyngen',
    field: 'Miljø og vand',
    region: 'syddanmark',
    website: 'https://vand.example.org',
  });
  const health = await createOrganisation(db, {
    slug: 'sundhed',
    name: 'Sundhedsnetværket',
    kind: 'innovation_network',
    field: 'Sundhed',
    region: 'hovedstaden',
  });
  for (const year of [2019, 2020]) {
    await createSubmission(db, {
      organisationId: water.id,
      year,
      state: 'approved',
      values: { innovation_projects: 4, survey_new_knowledge: { numerator: 6, denominator: 10 } },
      companies: [
        { cvr: cvrs[0]!, under50: true, newIdeas: true },
        { cvr: cvrs[1]!, newProducts: true },
        { cvr: cvrs[2]! },
      ],
    });
    const submission = await createSubmission(db, {
      organisationId: health.id,
      year,
      state: 'approved',
      values: { innovation_projects: 1 },
      companies: [
        { cvr: cvrs[0]!, newCompetences: true },
        { cvr: cvrs[3]!, under50: true },
      ],
    });
    if (year === 2020) health2020 = submission.id;
  }
  expect((await publishYear(db, { year: 2019, actorId: null })).ok).toBe(true);
  expect((await publishYear(db, { year: 2020, actorId: null })).ok).toBe(true);
});

afterAll(async () => {
  await database?.destroy();
});

describe('open data from real publications', () => {
  it('lists the published years only, newest first', async () => {
    const list = toPublicationList(await listLatestPublications(database.db));
    expect(list.map(({ year, version }) => ({ year, version }))).toEqual([
      { year: 2020, version: 1 },
      { year: 2019, version: 1 },
    ]);
    expect(await getPublication(database.db, 2021)).toBeNull();
  });

  it('shapes a year as the contract says, net of double counting', async () => {
    const publication = (await getPublication(database.db, 2020))!;
    const open = toOpenAccountsYear(publication);
    const byKey = Object.fromEntries(open.indicators.map((indicator) => [indicator.key, indicator.national]));
    // company 0 takes part in both: 4 distinct companies, 5 counted by the organisations
    expect(byKey.participants).toEqual({ net: 4, gross: 5, under50: 2 });
    expect(byKey.new_ideas).toMatchObject({ net: 1 });
    expect(byKey.innovation_projects).toEqual({ net: 5 });
    expect(byKey.survey_new_knowledge).toEqual({ numerator: 6, denominator: 10 });
    expect(open.organisations.map((o) => o.slug)).toEqual(['sundhed', 'vand']);
    expect(open.organisations[1]!.values.participants).toBe(3);
  });

  it('never publishes a CVR number, in JSON or CSV', async () => {
    const publication = (await getPublication(database.db, 2020))!;
    const outputs = [
      JSON.stringify(toOpenAccountsYear(publication)),
      accountsCsvForApi(publication),
      accountsCsvForDownload(publication, 'da'),
      JSON.stringify(toOrganisationDetail(await getPublishedSeries(database.db), 'vand')),
    ];
    for (const output of outputs) for (const cvr of cvrs.slice(0, 4)) expect(output).not.toContain(cvr);
  });

  it('keeps an earlier version readable after a correction', async () => {
    const { db } = database;
    await db.insert(participants).values({ submissionId: health2020, cvr: cvrs[4]!, newIdeas: true });
    const corrected = await publishYear(db, {
      year: 2020,
      actorId: null,
      changeNote: 'Manglende virksomhed tilføjet',
    });
    expect(corrected).toEqual({ ok: true, value: { year: 2020, version: 2 } });

    const latest = toOpenAccountsYear((await getPublication(db, 2020))!);
    const first = toOpenAccountsYear((await getPublication(db, 2020, 1))!);
    expect(latest.version).toBe(2);
    expect(first.version).toBe(1);
    const participantsOf = (open: typeof latest) =>
      open.indicators.find((i) => i.key === 'participants')!.national;
    expect(participantsOf(latest)).toMatchObject({ net: 5 });
    expect(participantsOf(first)).toMatchObject({ net: 4 });
    expect((await getPublication(db, 2020))!.history.map((h) => h.changeNote)).toEqual([
      null,
      'Manglende virksomhed tilføjet',
    ]);
    expect(await getPublication(db, 2020, 3)).toBeNull();
  });

  it('builds the organisation directory and one organisation year by year with its website', async () => {
    const series = await getPublishedSeries(database.db);
    const directory = toOrganisationDirectory(series);
    expect(directory).toEqual([
      {
        slug: 'sundhed',
        name: 'Sundhedsnetværket',
        kind: 'innovation_network',
        field: 'Sundhed',
        region: 'hovedstaden',
      },
      { slug: 'vand', name: 'Vandklyngen', kind: 'cluster', field: 'Miljø og vand', region: 'syddanmark' },
    ]);
    const details = await listOrganisationDetails(database.db);
    const detail = toOrganisationDetail(
      series,
      'vand',
      details.find((row) => row.slug === 'vand'),
    )!;
    expect(detail.website).toBe('https://vand.example.org');
    expect(detail.years.map((y) => [y.year, y.values.participants])).toEqual([
      [2019, 3],
      [2020, 3],
    ]);
    expect(toOrganisationDetail(series, 'findes-ikke')).toBeNull();
  });
});
