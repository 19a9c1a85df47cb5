// The large synthetic data set of the performance issue, generated in the database itself
// (generate_series) so that loading it takes seconds: 60 organisations, 15 years, 30,000
// distinct companies and 200,000 company rows in the latest year. Deterministic.
import { must } from '../tests/helpers/must';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { ensureCatalogue } from '@/db/seed/catalogue';
import { memberships, reportingYears, users } from '@/db/schema';
import { hashPassword } from '@/lib/users/password';

export const LARGE = {
  organisations: 60,
  firstYear: 2010,
  lastYear: 2024,
  companies: 30_000,
  latestYearRows: 200_000,
  earlierYearRows: 20_000,
} as const;

export async function loadLargeDataset(db: Database): Promise<void> {
  const years = Array.from(
    { length: LARGE.lastYear - LARGE.firstYear + 1 },
    (_, index) => LARGE.firstYear + index,
  );
  await db.execute(sql`
    insert into organisations (slug, name, kind, field, region, active_from)
    select 'bench-' || n, 'Benchmark organisation ' || n,
           (case when n % 3 = 0 then 'innovation_network' else 'cluster' end)::organisation_kind,
           'Field ' || (n % 12),
           (array['hovedstaden','sjaelland','syddanmark','midtjylland','nordjylland'])[1 + n % 5]::region,
           ${LARGE.firstYear}
    from generate_series(1, ${LARGE.organisations}::int) as n`);
  for (const year of years) {
    await db.execute(sql`
      insert into reporting_years (year, edition, opens_on, deadline, state)
      values (${year}, ${year + 1}, ${`${year + 1}-01-01`}, ${`${year + 1}-03-01`}, 'closed')`);
  }
  await ensureCatalogue(db, years);
  await db.execute(sql`
    insert into submissions (organisation_id, year, state, has_company_list)
    select o.id, y, 'approved', true from organisations o cross join generate_series(${LARGE.firstYear}::int, ${LARGE.lastYear}::int) as y`);
  // Company c is 10000000 + c·11 (the 8-digit shape the database checks; the modulus-11 rule is not
  // what is measured). Row r is company r mod 30,000 in organisation (13c + 7·⌊r/30,000⌋) mod 60:
  // a company appears in up to 7 distinct organisations, so every (organisation, company) pair is new.
  for (const year of years) {
    const rows = year === LARGE.lastYear ? LARGE.latestYearRows : LARGE.earlierYearRows;
    await db.execute(sql`
      insert into participants (submission_id, cvr, dedicated, under_50, new_ideas, new_competences, new_products)
      select s.id, (10000000 + (r % ${LARGE.companies}) * 11)::text,
             r % 4 = 0, r % 5 <> 0, r % 4 = 1, r % 3 = 0, r % 11 = 0
      from generate_series(0, ${rows - 1}::int) as r
      join submissions s on s.year = ${year}
        and s.organisation_id = (select id from organisations order by id
                                 offset ((13 * (r % ${LARGE.companies}) + 7 * (r / ${LARGE.companies})) % ${LARGE.organisations}) limit 1)
      on conflict do nothing`);
  }
  await db.execute(sql`
    insert into submission_values (submission_id, indicator_id, value, denominator)
    select s.id, i.id, 10 + (s.id * 31 + i.id * 17) % 500,
           case when i.kind = 'share' then 600 else null end
    from submissions s cross join indicators i where i.kind in ('count', 'amount_dkk', 'share')`);
  await db.execute(sql`analyze`);
}

/** the year the staff of the load test save drafts for: open, after the published ones */
export const BENCH_OPEN_YEAR = LARGE.lastYear + 1;

/**
 * Opens BENCH_OPEN_YEAR and gives the first `count` organisations a staff user each
 * (`bench-N@example.org`, the demo password), so staff can sign in and save drafts over HTTP.
 * Returns their organisation slugs. Run it after publishing the closed years.
 */
export async function addBenchStaff(db: Database, count: number, password: string): Promise<string[]> {
  const today = new Date().toISOString().slice(0, 10);
  const deadline = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await db
    .insert(reportingYears)
    .values({ year: BENCH_OPEN_YEAR, edition: BENCH_OPEN_YEAR + 1, opensOn: today, deadline, state: 'open' });
  await ensureCatalogue(db, [BENCH_OPEN_YEAR]);
  const passwordHash = await hashPassword(password);
  const slugs = Array.from({ length: count }, (_, index) => `bench-${index + 1}`);
  for (const slug of slugs) {
    const [user] = await db
      .insert(users)
      .values({ email: `${slug}@example.org`, name: `Staff of ${slug}`, role: 'staff', passwordHash })
      .returning({ id: users.id });
    await db.execute(sql`
      insert into ${memberships} (user_id, organisation_id)
      select ${must(user).id}, id from organisations where slug = ${slug}`);
  }
  return slugs;
}
