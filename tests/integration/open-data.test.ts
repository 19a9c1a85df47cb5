// The open-data functions against a real database: publications made by publishYear, read back
// the way the API and the public pages read them. Company lists must never leak.
import { must } from '../helpers/must';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { evidenceStatements, fieldNames, organisations, participants, yearExclusions } from '@/db/schema';
import { listPublicNames } from '@/lib/publications/directory';
import {
  accountsCsvForApi,
  accountsCsvForDownload,
  toOpenAccountsYear,
  toOrganisationDetail,
  toOrganisationDirectory,
  toPublicationList,
} from '@/lib/publications/open-data';
import { publishYear } from '@/lib/publications/publish';
import {
  getPublication,
  getPublishedSeries,
  getSeriesAsOf,
  listLatestPublications,
} from '@/lib/publications/read';
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
        { cvr: must(cvrs[0]), under50: true, newIdeas: true },
        { cvr: must(cvrs[1]), newProducts: true },
        { cvr: must(cvrs[2]) },
      ],
    });
    const submission = await createSubmission(db, {
      organisationId: health.id,
      year,
      state: 'approved',
      values: { innovation_projects: 1 },
      companies: [
        { cvr: must(cvrs[0]), newCompetences: true },
        { cvr: must(cvrs[3]), under50: true },
      ],
    });
    if (year === 2020) health2020 = submission.id;
  }
  await db.insert(fieldNames).values({ nameDa: 'Miljø og vand', nameEn: 'Environment and water' });
  await db
    .update(organisations)
    .set({ description: 'Klyngen for vand.', descriptionEn: 'The water cluster.' })
    .where(eq(organisations.id, water.id));
  await db.insert(evidenceStatements).values({
    year: 2020,
    key: 'productivity_growth',
    sortOrder: 10,
    value: 3.6,
    unit: 'percentage_points',
    textDa: 'højere produktivitetsvækst',
    textEn: 'higher productivity growth',
    sourceTitle: 'En analyse',
    sourcePublisher: 'Et institut',
    sourceYear: 2014,
    sourceUrl: 'https://example.org/analyse',
  });
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
    const publication = must(await getPublication(database.db, 2020));
    const open = toOpenAccountsYear(publication, await listPublicNames(database.db));
    expect(Object.keys(open)).toEqual([
      'year',
      'version',
      'publishedAt',
      'licence',
      'indicators',
      'organisations',
      'evidence',
    ]);
    const byKey = Object.fromEntries(open.indicators.map((indicator) => [indicator.key, indicator.national]));
    // company 0 takes part in both: 4 distinct companies, 5 counted by the organisations; every
    // organisation listed its companies, so nothing may be double counted
    expect(byKey.participants).toEqual({ net: 4, gross: 5, under50: 2, possiblyDoubleCounted: false });
    expect(byKey.new_ideas).toMatchObject({ net: 1 });
    expect(byKey.innovation_projects).toEqual({ net: 5 });
    expect(byKey.survey_new_knowledge).toEqual({ numerator: 6, denominator: 10 });
    expect(open.organisations.map((o) => o.slug)).toEqual(['sundhed', 'vand']);
    expect(must(open.organisations[1]).values.participants).toBe(3);
    // the English names the secretariat keeps; the Danish name stands in where there is none
    expect(open.organisations[1]).toMatchObject({
      field: 'Miljø og vand',
      fieldLabel: { da: 'Miljø og vand', en: 'Environment and water' },
      description: { da: 'Klyngen for vand.', en: 'The water cluster.' },
    });
    expect(open.organisations[0]).toMatchObject({
      fieldLabel: { da: 'Sundhed', en: 'Sundhed' },
      description: { da: null, en: null },
    });
    // the evidence statement kept for 2020, frozen into its publication
    expect(open.evidence).toEqual([
      {
        key: 'productivity_growth',
        value: 3.6,
        unit: 'percentage_points',
        text: { da: 'højere produktivitetsvækst', en: 'higher productivity growth' },
        source: {
          title: 'En analyse',
          publisher: 'Et institut',
          year: 2014,
          url: 'https://example.org/analyse',
        },
      },
    ]);
    expect(toOpenAccountsYear(must(await getPublication(database.db, 2019))).evidence).toEqual([]);
  });

  it('marks a company figure that adds counts reported without a company list, in JSON and both CSVs', async () => {
    const { db } = database;
    await createYear(db, 2018, 'closed');
    const counted = await createOrganisation(db, {
      slug: 'taelling',
      name: 'Tælleklyngen',
      activeFrom: 2018,
      activeTo: 2018,
    });
    await createSubmission(db, {
      organisationId: counted.id,
      year: 2018,
      state: 'approved',
      values: { participants: 12, new_ideas: 3 },
    });
    for (const other of await db.select().from(organisations))
      if (other.id !== counted.id)
        await db.insert(yearExclusions).values({ year: 2018, organisationId: other.id, reason: 'Ikke med' });
    expect((await publishYear(db, { year: 2018, actorId: null })).ok).toBe(true);
    const publication = must(await getPublication(db, 2018));
    const national = must(
      toOpenAccountsYear(publication).indicators.find((i) => i.key === 'participants'),
    ).national;
    expect(national).toMatchObject({ net: 12, possiblyDoubleCounted: true });
    const api = accountsCsvForApi(publication).trim().split('\r\n');
    const header = must(api[0]).split(',');
    const flags = must(api.find((line) => line.startsWith('national_possibly_double_counted,'))).split(',');
    expect(flags[header.indexOf('participants')]).toBe('1');
    const download = accountsCsvForDownload(publication, 'en').trim().split('\r\n');
    const englishHeader = must(download[0])
      .replace(/^\uFEFF/, '')
      .split(';');
    const englishFlags = must(
      download.find((line) => line.startsWith('National, possibly double counted')),
    ).split(';');
    expect(englishFlags[englishHeader.indexOf('Participating companies')]).toBe('1');
  });

  it('never publishes a CVR number, in JSON or CSV', async () => {
    const publication = must(await getPublication(database.db, 2020));
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
    await db.insert(participants).values({ submissionId: health2020, cvr: must(cvrs[4]), newIdeas: true });
    const corrected = await publishYear(db, {
      year: 2020,
      actorId: null,
      changeNote: 'Manglende virksomhed tilføjet',
    });
    expect(corrected).toMatchObject({ ok: true, value: { year: 2020, version: 2 } });

    const latest = toOpenAccountsYear(must(await getPublication(db, 2020)));
    const first = toOpenAccountsYear(must(await getPublication(db, 2020, 1)));
    expect(latest.version).toBe(2);
    expect(first.version).toBe(1);
    const participantsOf = (open: typeof latest) =>
      must(open.indicators.find((i) => i.key === 'participants')).national;
    expect(participantsOf(latest)).toMatchObject({ net: 5 });
    expect(participantsOf(first)).toMatchObject({ net: 4 });
    expect(must(await getPublication(db, 2020)).history.map((h) => h.changeNote)).toEqual([
      null,
      'Manglende virksomhed tilføjet',
    ]);
    expect(await getPublication(db, 2020, 3)).toBeNull();
  });

  it('builds the organisation directory and one organisation year by year with its website', async () => {
    const series = (await getPublishedSeries(database.db)).filter((p) => p.year >= 2019);
    const names = await listPublicNames(database.db);
    const directory = toOrganisationDirectory(series, names);
    expect(directory).toEqual([
      {
        slug: 'sundhed',
        name: 'Sundhedsnetværket',
        kind: 'innovation_network',
        field: 'Sundhed',
        fieldLabel: { da: 'Sundhed', en: 'Sundhed' },
        description: { da: null, en: null },
        region: 'hovedstaden',
      },
      {
        slug: 'vand',
        name: 'Vandklyngen',
        kind: 'cluster',
        field: 'Miljø og vand',
        fieldLabel: { da: 'Miljø og vand', en: 'Environment and water' },
        description: { da: 'Klyngen for vand.', en: 'The water cluster.' },
        region: 'syddanmark',
      },
    ]);
    const detail = must(toOrganisationDetail(series, 'vand', names));
    expect(detail.website).toBe('https://vand.example.org');
    expect(detail.description).toEqual({ da: 'Klyngen for vand.', en: 'The water cluster.' });
    expect(detail.years.map((y) => [y.year, y.values.participants])).toEqual([
      [2019, 3],
      [2020, 3],
    ]);
    expect(toOrganisationDetail(series, 'findes-ikke')).toBeNull();
  });

  it('ties a trend to one publication: later years and corrections leave it as it was', async () => {
    const { db } = database;
    const asOf2019 = must(await getSeriesAsOf(db, 2019, 1));
    // 2018 was published after 2019 in this file, so it was not out yet
    expect(asOf2019.map((p) => [p.year, p.version])).toEqual([[2019, 1]]);
    const asOf2020v1 = must(await getSeriesAsOf(db, 2020, 1));
    expect(asOf2020v1.map((p) => [p.year, p.version])).toEqual([
      [2019, 1],
      [2020, 1],
    ]);
    expect(await getSeriesAsOf(db, 2020, 9)).toBeNull();
  });

  it('freezes the evidence with the publication: a later edit shows only with a correction', async () => {
    const { db } = database;
    await db.update(evidenceStatements).set({ value: 4 }).where(eq(evidenceStatements.year, 2020));
    const before = must(await getPublication(db, 2020));
    expect(must(must(before.snapshot.evidence)[0]).value).toBe(3.6);
    expect((await publishYear(db, { year: 2020, actorId: null, changeNote: 'Evidens rettet' })).ok).toBe(
      true,
    );
    const after = must(await getPublication(db, 2020));
    expect(must(must(after.snapshot.evidence)[0]).value).toBe(4);
    expect(must(must(must(await getPublication(db, 2020, before.version)).snapshot.evidence)[0]).value).toBe(
      3.6,
    );
  });
});
