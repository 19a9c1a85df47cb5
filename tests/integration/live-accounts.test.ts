// The secretariat's live accounts compare like with like: last year's figures over the same
// organisations, and how many of the year's organisations are in. Never "−100 %" because nothing
// is approved yet, nor "−99,9 %" because 2 of 51 are.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearExclusions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { netOf } from '@/lib/accounts/figures';
import { getLiveAccounts } from '@/lib/publications/queries';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';
import { must } from '../helpers/must';

let database: TestDatabase;
let admin: Actor;
const cvrs = validCvrs(12);
const organisations: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  admin = await adminActor(db);
  await createYear(db, 2019, 'closed');
  await createYear(db, 2020, 'open');
  for (const slug of ['a', 'b', 'c'])
    organisations[slug] = (await createOrganisation(db, { slug, activeFrom: 2019 })).id;
  // d starts in 2020; e is excluded from 2020
  organisations.d = (await createOrganisation(db, { slug: 'd', activeFrom: 2020 })).id;
  organisations.e = (await createOrganisation(db, { slug: 'e', activeFrom: 2019 })).id;
  const listOf = (from: number, to: number) => cvrs.slice(from, to).map((cvr) => ({ cvr }));
  // 2019: a 3 companies, b 4, c 2, e 1 (distinct: 10)
  await createSubmission(db, {
    organisationId: must(organisations.a),
    year: 2019,
    state: 'approved',
    companies: listOf(0, 3),
  });
  await createSubmission(db, {
    organisationId: must(organisations.b),
    year: 2019,
    state: 'approved',
    companies: listOf(3, 7),
  });
  await createSubmission(db, {
    organisationId: must(organisations.c),
    year: 2019,
    state: 'approved',
    companies: listOf(7, 9),
  });
  await createSubmission(db, {
    organisationId: must(organisations.e),
    year: 2019,
    state: 'approved',
    companies: listOf(9, 10),
  });
  await db
    .insert(yearExclusions)
    .values({ year: 2020, organisationId: must(organisations.e), reason: 'Ophørt' });
});

afterAll(async () => {
  await database?.destroy();
});

const participants = (accounts: Parameters<typeof netOf>[0] | null) =>
  accounts ? netOf(accounts, 'participants') : null;

describe('live accounts: the change against last year', () => {
  it('with nothing approved, compares nothing (no "−100 %") and says how many are in', async () => {
    const live = await getLiveAccounts(database.db, admin, { year: 2020 });
    if (!live.ok) throw new Error(live.message);
    expect(live.value.comparison).toEqual({
      previous: null,
      current: null,
      compared: 0,
      notInPrevious: 0,
      approved: 0,
      // a, b, c and d are active in 2020; e is excluded
      expected: 4,
    });
  });

  it('with one approved, compares that organisation with its own last year, not the whole nation', async () => {
    const { db } = database;
    await createSubmission(db, {
      organisationId: must(organisations.a),
      year: 2020,
      state: 'approved',
      companies: cvrs.slice(0, 4).map((cvr) => ({ cvr })),
    });
    const live = await getLiveAccounts(db, admin, { year: 2020 });
    if (!live.ok) throw new Error(live.message);
    const { comparison } = live.value;
    expect(comparison).toMatchObject({ compared: 1, notInPrevious: 0, approved: 1, expected: 4 });
    // a had 3 companies in 2019 and has 4 now: +33 %, where the whole 2019 (10) would say −60 %
    expect(participants(comparison.previous)).toBe(3);
    expect(participants(comparison.current)).toBe(4);
  });

  it('leaves an organisation that was not in last year out of the comparison, and says so', async () => {
    const { db } = database;
    await createSubmission(db, {
      organisationId: must(organisations.d),
      year: 2020,
      state: 'approved',
      companies: cvrs.slice(10, 12).map((cvr) => ({ cvr })),
    });
    const live = await getLiveAccounts(db, admin, { year: 2020 });
    if (!live.ok) throw new Error(live.message);
    const { current, comparison } = live.value;
    expect(participants(current)).toBe(6);
    expect(comparison).toMatchObject({ compared: 1, notInPrevious: 1, approved: 2, expected: 4 });
    expect(participants(comparison.previous)).toBe(3);
    // this year's side of the comparison is a alone, like last year's
    expect(participants(comparison.current)).toBe(4);
  });

  it('[staff] is refused', async () => {
    const staff = await staffActor(database.db, [must(organisations.a)]);
    expect(await getLiveAccounts(database.db, staff, { year: 2020 })).toMatchObject({ kind: 'forbidden' });
  });
});

describe('live accounts: remembered until what they are computed from changes', () => {
  const read = async () => {
    const live = await getLiveAccounts(database.db, admin, { year: 2020 });
    if (!live.ok) throw new Error(live.message);
    return live.value;
  };

  it('a second read with nothing changed is the same answer, not a new computation', async () => {
    const first = await read();
    expect(await read()).toBe(first);
  });

  it('a change to a year outside the comparison keeps the answer', async () => {
    const first = await read();
    await createYear(database.db, 2017, 'closed');
    await database.db.execute(sql`update reporting_years set edition = edition + 1 where year = 2017`);
    expect(await read()).toBe(first);
  });

  // each of the rows the accounts are computed from, changed behind the app's back (plain SQL)
  const changes: [string, () => Promise<unknown>][] = [
    [
      'the year',
      () => database.db.execute(sql`update reporting_years set edition = edition where year = 2020`),
    ],
    [
      'last year',
      () => database.db.execute(sql`update reporting_years set edition = edition where year = 2019`),
    ],
    ['an indicator', () => database.db.execute(sql`update indicators set label_en = label_en`)],
    [
      'an organisation',
      () => database.db.execute(sql`update organisations set name = name where slug = 'b'`),
    ],
    [
      'a submission of last year',
      () => database.db.execute(sql`update submissions set version = version where year = 2019`),
    ],
    [
      'an approved value',
      () =>
        database.db.execute(
          sql`update submission_values set value = value where submission_id in (select id from submissions where year = 2020 and state = 'approved')`,
        ),
    ],
  ];
  for (const [what, change] of changes) {
    it(`a change to ${what} computes again`, async () => {
      if (what === 'an approved value') {
        // a value to change: the approved submissions of the fixture have only company lists
        await database.db.execute(sql`insert into submission_values (submission_id, indicator_id, value)
          select s.id, i.id, 7 from submissions s, indicators i
          where s.year = 2020 and s.state = 'approved' and i.key = 'innovation_projects' limit 1`);
      }
      const first = await read();
      await change();
      const second = await read();
      expect(second).not.toBe(first);
      expect(second).toEqual(first);
    });
  }

  it('the answer follows an exclusion, its removal and an organisation renamed', async () => {
    const { db } = database;
    const before = await read();
    expect(before.current.organisations.map((o) => o.slug).sort()).toEqual(['a', 'd']);
    await db
      .insert(yearExclusions)
      .values({ year: 2020, organisationId: must(organisations.d), reason: 'Test' });
    const excluded = await read();
    expect(excluded.current.organisations.map((o) => o.slug)).toEqual(['a']);
    expect(excluded.comparison).toMatchObject({ approved: 1, expected: 3 });
    await db.execute(
      sql`delete from year_exclusions where year = 2020 and organisation_id = ${must(organisations.d)}`,
    );
    await db.execute(sql`update organisations set name = 'Omdøbt' where slug = 'a'`);
    const after = await read();
    expect(after.current.organisations.map((o) => o.slug).sort()).toEqual(['a', 'd']);
    expect(after.current.organisations.find((o) => o.slug === 'a')?.name).toBe('Omdøbt');
  });
});
