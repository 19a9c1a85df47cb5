// Reads a year's approved submissions and computes its national accounts. No authorisation here:
// callers are the publication step and the secretariat's queries, which check the session first.
import { present } from '@/lib/invariant';
import 'server-only';
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import {
  indicators,
  indicatorYears,
  organisations,
  reportingYears,
  submissions,
  submissionValues,
  yearExclusions,
} from '@/db/schema';
import {
  type AccountsInput,
  assembleAccounts,
  type CompanyStats,
  emptyCompanyStats,
  emptyMeasureCounts,
  type IndicatorDefinition,
  type MeasureCounts,
  NATIONAL_SCOPE,
  type OrganisationInput,
} from './rules';
import type { NationalAccounts, OrganisationValue } from './types';

const MEASURE_COLUMNS = {
  all: sql`true`,
  dedicated: sql`dedicated`,
  under_50: sql`under_50`,
  new_ideas: sql`new_ideas`,
  new_competences: sql`new_competences`,
  new_products: sql`new_products`,
} as const;

type CountRow = Record<string, unknown>;

function countColumns() {
  const parts = Object.entries(MEASURE_COLUMNS).flatMap(([measure, condition]) => [
    sql`count(*) filter (where ${condition})::int as ${sql.identifier(`c_${measure}`)}`,
    sql`count(*) filter (where ${condition} and under_50)::int as ${sql.identifier(`u_${measure}`)}`,
  ]);
  return sql.join(parts, sql`, `);
}

function readCounts(row: CountRow): { counts: MeasureCounts; under50: MeasureCounts } {
  const counts = emptyMeasureCounts();
  const under50 = emptyMeasureCounts();
  for (const measure of Object.keys(MEASURE_COLUMNS) as (keyof MeasureCounts)[]) {
    counts[measure] = Number(row[`c_${measure}`] ?? 0);
    under50[measure] = Number(row[`u_${measure}`] ?? 0);
  }
  return { counts, under50 };
}

export async function loadIndicatorDefinitions(db: Database, year: number): Promise<IndicatorDefinition[]> {
  const rows = await db
    .select({
      id: indicators.id,
      key: indicators.key,
      kind: indicators.kind,
      groupKey: indicators.groupKey,
      sortOrder: indicators.sortOrder,
      parentId: indicators.parentId,
      participantFlag: indicators.participantFlag,
      labelDa: indicators.labelDa,
      labelEn: indicators.labelEn,
      helpDa: indicators.helpDa,
      helpEn: indicators.helpEn,
    })
    .from(indicators)
    .innerJoin(
      indicatorYears,
      and(eq(indicatorYears.indicatorId, indicators.id), eq(indicatorYears.year, year)),
    );
  const keyById = new Map(rows.map((row) => [row.id, row.key]));
  return rows.map(({ id: _id, parentId, ...row }) => ({
    ...row,
    parentKey: parentId == null ? null : (keyById.get(parentId) ?? null),
  }));
}

// an approved submission of an organisation not excluded from its year: what the accounts count
const approvedAndIncluded = and(
  eq(submissions.state, 'approved'),
  sql`not exists (select 1 from ${yearExclusions} where ${yearExclusions.year} = ${submissions.year}
                  and ${yearExclusions.organisationId} = ${submissions.organisationId})`,
);

/** The slugs of the organisations in `year`'s accounts now: approved and not excluded. */
export async function approvedOrganisationsOf(db: Database, year: number): Promise<string[]> {
  const rows = await db
    .select({ slug: organisations.slug })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(eq(submissions.year, year), approvedAndIncluded));
  return rows.map((row) => row.slug);
}

/**
 * The national accounts of `year` over its approved submissions, excluded organisations left
 * out. Distinct-company statistics for the nation and every breakdown group come from one query.
 * `onlyOrganisations` (slugs) restricts them to those organisations: the secretariat's
 * like-for-like comparison with another year.
 */
export async function computeNationalAccounts(
  db: Database,
  year: number,
  options: { onlyOrganisations?: string[] } = {},
): Promise<NationalAccounts | null> {
  const [yearRow] = await db.select().from(reportingYears).where(eq(reportingYears.year, year));
  if (!yearRow) return null;

  const definitions = await loadIndicatorDefinitions(db, year);
  const approved = await db
    .select({
      submissionId: submissions.id,
      hasCompanyList: submissions.hasCompanyList,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      field: organisations.field,
      region: organisations.region,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(
      and(
        eq(submissions.year, year),
        approvedAndIncluded,
        options.onlyOrganisations === undefined
          ? undefined
          : options.onlyOrganisations.length === 0
            ? sql`false`
            : inArray(organisations.slug, options.onlyOrganisations),
      ),
    );

  const submissionIds = approved.map((row) => row.submissionId);
  const idByKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const reported = new Map<number, Record<string, OrganisationValue>>();
  const listCounts = new Map<number, { counts: MeasureCounts; under50: MeasureCounts }>();
  const companyStats: Record<string, CompanyStats> = {};

  if (submissionIds.length > 0) {
    const valueRows = await db
      .select({
        submissionId: submissionValues.submissionId,
        key: indicators.key,
        value: submissionValues.value,
        denominator: submissionValues.denominator,
      })
      .from(submissionValues)
      .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
      .where(inArray(submissionValues.submissionId, submissionIds));
    for (const row of valueRows) {
      const definition = idByKey.get(row.key);
      if (!definition) continue;
      const values = reported.get(row.submissionId) ?? {};
      values[row.key] =
        definition.kind === 'share'
          ? { numerator: Number(row.value), denominator: Number(row.denominator ?? 0) }
          : Number(row.value);
      reported.set(row.submissionId, values);
    }

    const listed = approved.filter((row) => row.hasCompanyList);
    if (listed.length > 0) {
      const idList = sql.join(
        listed.map((row) => sql`${row.submissionId}`),
        sql`, `,
      );
      // two scans that do not depend on each other: on a connection pool they run side by side
      const [perSubmission, stats] = await Promise.all([
        queryRows<CountRow>(
          db,
          sql`select submission_id, ${countColumns()} from participants
              where submission_id in (${idList}) group by submission_id`,
        ),
        distinctCompanyStats(db, listed),
      ]);
      for (const row of perSubmission) listCounts.set(Number(row.submission_id), readCounts(row));
      Object.assign(companyStats, stats);
    }
  }

  const excludedRows = await db
    .select({ slug: organisations.slug, name: organisations.name, reason: yearExclusions.reason })
    .from(yearExclusions)
    .innerJoin(organisations, eq(organisations.id, yearExclusions.organisationId))
    .where(eq(yearExclusions.year, year));

  const organisationInputs: OrganisationInput[] = approved.map((row) => ({
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    field: row.field,
    region: row.region,
    hasCompanyList: row.hasCompanyList,
    reported: reported.get(row.submissionId) ?? {},
    listCounts: listCounts.get(row.submissionId),
  }));

  const input: AccountsInput = {
    year,
    edition: yearRow.edition,
    seriesBreak:
      yearRow.seriesBreakDa || yearRow.seriesBreakEn
        ? { da: yearRow.seriesBreakDa ?? '', en: yearRow.seriesBreakEn ?? yearRow.seriesBreakDa ?? '' }
        : null,
    indicators: definitions,
    organisations: organisationInputs,
    companyStats,
    excluded: excludedRows.sort((a, b) => a.name.localeCompare(b.name, 'da')),
  };
  return assembleAccounts(input);
}

/** Organisations active in `year` (for completeness checks before publishing). */
export async function organisationsActiveIn(db: Database, year: number) {
  return db
    .select()
    .from(organisations)
    .where(
      and(
        sql`${organisations.activeFrom} <= ${year}`,
        or(isNull(organisations.activeTo), sql`${organisations.activeTo} >= ${year}`),
      ),
    );
}

interface ListedSubmission {
  submissionId: number;
  kind: string;
  field: string;
  region: string;
}

const DIMENSION_ORDER = ['kind', 'region', 'field'] as const;

/**
 * Distinct-company statistics for the nation and every breakdown group in one pass over the
 * company lists: each company once (`group by cvr`, the same work as a count(DISTINCT cvr)),
 * carrying for every measure a bitmask of the groups in which some organisation reported it.
 * Up to 63 groups fit a bigint; beyond that the slower grouping-sets query is used.
 */
export async function distinctCompanyStats(
  db: Database,
  listed: ListedSubmission[],
  options: { forceGroupingSets?: boolean } = {},
): Promise<Record<string, CompanyStats>> {
  if (listed.length === 0) return {};
  const groups: { scope: string; bit: bigint }[] = [];
  const bitOf = new Map<string, bigint>();
  for (const dimension of DIMENSION_ORDER) {
    for (const value of [...new Set(listed.map((row) => row[dimension]))].sort()) {
      const scope = `${dimension}:${value}`;
      const bit = 1n << BigInt(groups.length);
      groups.push({ scope, bit });
      bitOf.set(scope, bit);
    }
  }
  if (options.forceGroupingSets || groups.length > 63) return distinctCompanyStatsByGroupingSets(db, listed);

  const maskOf = (row: ListedSubmission) =>
    DIMENSION_ORDER.reduce(
      (mask, dimension) => mask | present(bitOf.get(`${dimension}:${row[dimension]}`)),
      0n,
    );
  const ids = `{${listed.map((row) => row.submissionId).join(',')}}`;
  const masks = `{${listed.map((row) => maskOf(row).toString()).join(',')}}`;
  const measureMask = (condition: SQL) => sql`bit_or(case when ${condition} then b.groups else 0 end)`;
  // Companies with the same masks count the same way, so they come back as one row with their
  // number: some hundreds of rows instead of one per company. Turning a result row into a
  // JavaScript object costs more than the query itself (three times over on the embedded database).
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`select least(memberships, 3) as memberships, "all"::text, dedicated::text, under_50::text,
               new_ideas::text, new_competences::text, new_products::text, count(*)::int as companies
        from (
          select count(*)::int as memberships,
                 bit_or(b.groups) as all,
                 ${measureMask(sql`p.dedicated`)} as dedicated,
                 ${measureMask(sql`p.under_50`)} as under_50,
                 ${measureMask(sql`p.new_ideas`)} as new_ideas,
                 ${measureMask(sql`p.new_competences`)} as new_competences,
                 ${measureMask(sql`p.new_products`)} as new_products
          from participants p
          join unnest(${ids}::int[], ${masks}::bigint[]) as b(submission_id, groups) on b.submission_id = p.submission_id
          group by p.cvr
        ) as companies
        group by 1, 2, 3, 4, 5, 6, 7`,
  );

  const national = emptyCompanyStats();
  const byScope = new Map(groups.map((group) => [group.scope, emptyCompanyStats()]));
  const measures = Object.keys(MEASURE_COLUMNS) as (keyof MeasureCounts)[];
  for (const row of rows) {
    const companies = Number(row.companies);
    const under50Mask = BigInt(present(row.under_50));
    for (const measure of measures) {
      const mask = BigInt(present(row[measure]));
      if (mask === 0n) continue;
      national.counts[measure] += companies;
      if (under50Mask !== 0n) national.under50[measure] += companies;
      const bothMask = mask & under50Mask;
      for (const group of groups) {
        if ((mask & group.bit) === 0n) continue;
        const stats = present(byScope.get(group.scope));
        stats.counts[measure] += companies;
        if ((bothMask & group.bit) !== 0n) stats.under50[measure] += companies;
      }
    }
    const memberships = Number(row.memberships);
    if (memberships === 1) national.participation.one += companies;
    else if (memberships === 2) national.participation.two += companies;
    else national.participation.threePlus += companies;
  }
  return { [NATIONAL_SCOPE]: national, ...Object.fromEntries(byScope) };
}

/** The same statistics through grouping sets: no limit on groups, several times slower. */
async function distinctCompanyStatsByGroupingSets(
  db: Database,
  listed: ListedSubmission[],
): Promise<Record<string, CompanyStats>> {
  const idList = sql.join(
    listed.map((row) => sql`${row.submissionId}`),
    sql`, `,
  );
  const perScope = await queryRows<CountRow>(
    db,
    sql`with listed as (
          select p.cvr, p.dedicated, p.under_50, p.new_ideas, p.new_competences, p.new_products,
                 o.kind::text as kind, o.field, o.region::text as region
          from participants p
          join submissions s on s.id = p.submission_id
          join organisations o on o.id = s.organisation_id
          where p.submission_id in (${idList})
        ),
        companies as (
          select case when grouping(kind) = 0 then 'kind:' || kind
                      when grouping(field) = 0 then 'field:' || field
                      when grouping(region) = 0 then 'region:' || region
                      else ${NATIONAL_SCOPE} end as scope,
                 cvr,
                 count(*) as memberships,
                 bool_or(dedicated) as dedicated, bool_or(under_50) as under_50,
                 bool_or(new_ideas) as new_ideas, bool_or(new_competences) as new_competences,
                 bool_or(new_products) as new_products
          from listed
          group by grouping sets ((cvr), (cvr, kind), (cvr, field), (cvr, region))
        )
        select scope, ${countColumns()},
               count(*) filter (where memberships = 1)::int as in_one,
               count(*) filter (where memberships = 2)::int as in_two,
               count(*) filter (where memberships >= 3)::int as in_three_plus
        from companies group by scope`,
  );
  const stats: Record<string, CompanyStats> = {};
  for (const row of perScope) {
    const scope = String(row.scope);
    stats[scope] = {
      ...readCounts(row),
      participation:
        scope === NATIONAL_SCOPE
          ? { one: Number(row.in_one), two: Number(row.in_two), threePlus: Number(row.in_three_plus) }
          : emptyCompanyStats().participation,
    };
  }
  return stats;
}
