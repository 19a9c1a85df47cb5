// The secretariat's reads of a reporting round: the round overview (every organisation, where it
// stands, late or not), a submission's review beside last year's approved one, the flagged values.
// Each is an adminQuery (lib/actions): only the secretariat gets an answer, a refusal is audited.
import 'server-only';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import {
  indicators,
  indicatorYears,
  memberships,
  organisations,
  reportingYears,
  submissions,
  submissionValues,
  users,
  yearExclusions,
} from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { COMPANY_FLAGS, ROUND_STATES, type RoundState } from '@/lib/domain';
import { combine, notFound, ok, type Result } from '@/lib/result';
import { param, type SearchParams } from '@/lib/search-params';
import { valuesAtLastApproval } from '@/lib/submissions/approval';
import { storedValuesOf } from '@/lib/submissions/stored-values';
import { isDatabaseId, isYearNumber } from '@/lib/validation/input';
import { danishDate } from '@/lib/time-zone';
import { chooseYear, listYears, type ReportingYear } from '@/lib/years/queries';
import {
  changesSinceApproval,
  effectiveDeadline,
  isLate,
  type ReviewWarning,
  reviewWarnings,
  type StoredValue,
  type ValueChange,
} from './rules';

export { ROUND_STATES, type RoundState };

type Values = Record<string, StoredValue>;

/** Values derived from the company list count like typed ones for comparisons. */
async function listDerived(db: Database, submissionIds: number[]): Promise<Map<number, Values>> {
  const result = new Map<number, Values>();
  if (submissionIds.length === 0) return result;
  const ids = sql.join(
    submissionIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select submission_id, count(*)::int as participants,
          count(*) filter (where dedicated)::int as dedicated,
          count(*) filter (where under_50)::int as under_50,
          count(*) filter (where new_ideas)::int as new_ideas,
          count(*) filter (where new_competences)::int as new_competences,
          count(*) filter (where new_products)::int as new_products
        from participants where submission_id in (${ids}) group by submission_id`,
  );
  for (const row of rows) {
    const values: Values = {};
    for (const key of ['participants', ...COMPANY_FLAGS]) {
      values[key] = { value: Number(row[key] ?? 0), denominator: null, comment: null };
    }
    result.set(Number(row.submission_id), values);
  }
  return result;
}

/** Last year's approved submission of the same organisation, if any: what a review compares with. */
export async function lastYearApproved(db: Database, subject: { organisationId: number; year: number }) {
  const [row] = await db
    .select({ id: submissions.id, hasCompanyList: submissions.hasCompanyList })
    .from(submissions)
    .where(
      and(
        eq(submissions.organisationId, subject.organisationId),
        eq(submissions.year, subject.year - 1),
        eq(submissions.state, 'approved'),
      ),
    );
  return row ?? null;
}

/** The indicators a year asks for, in the form's order, with their labels. */
export function indicatorsOfYear(db: Database, year: number) {
  return db
    .select({
      id: indicators.id,
      key: indicators.key,
      kind: indicators.kind,
      labelDa: indicators.labelDa,
      labelEn: indicators.labelEn,
    })
    .from(indicators)
    .innerJoin(
      indicatorYears,
      and(eq(indicatorYears.indicatorId, indicators.id), eq(indicatorYears.year, year)),
    )
    .orderBy(asc(indicators.sortOrder), asc(indicators.key));
}

/** Typed values, with company-list counts taking the place of company indicators when listed. */
export async function effectiveValues(
  db: Database,
  rows: { id: number; hasCompanyList: boolean }[],
): Promise<Map<number, Values>> {
  const typed = await storedValuesOf(
    db,
    rows.map((row) => row.id),
  );
  const derived = await listDerived(
    db,
    rows.filter((row) => row.hasCompanyList).map((row) => row.id),
  );
  const result = new Map<number, Values>();
  for (const row of rows) {
    const own = { ...(typed.get(row.id) ?? {}) };
    for (const [key, value] of Object.entries(derived.get(row.id) ?? {})) {
      own[key] = { ...value, comment: own[key]?.comment ?? null };
    }
    result.set(row.id, own);
  }
  return result;
}

export interface ReviewIndicatorRow {
  key: string;
  kind: string;
  labelDa: string;
  labelEn: string;
  current: StoredValue | null;
  lastYear: StoredValue | null;
  /** a typed value exists (derived company counts have no row to flag) */
  stored: boolean;
  flagged: boolean;
  flagNote: string | null;
}

export interface ReviewView {
  submission: {
    id: number;
    year: number;
    state: string;
    version: number;
    remark: string | null;
    hasCompanyList: boolean;
    deadlineOverride: string | null;
    submittedAt: Date | null;
    approvedAt: Date | null;
    updatedAt: Date;
    submittedByEmail: string | null;
  };
  organisation: { id: number; slug: string; name: string };
  deadline: string;
  rows: ReviewIndicatorRow[];
  warnings: ReviewWarning[];
  /** null when the submission was never approved; otherwise what changed since the last approval */
  changesSinceApproval: ValueChange[] | null;
  lastYearAvailable: boolean;
}

/** The review page: the submission beside last year's approved one, its warnings and flags. */
export const getReview = adminQuery(
  'review.read',
  async ({ db }, submissionId: number): Promise<Result<ReviewView>> => {
    if (!isDatabaseId(submissionId)) return notFound('submission_not_found');
    const [row] = await db
      .select({
        submission: submissions,
        organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name },
        yearDeadline: reportingYears.deadline,
        submittedByEmail: users.email,
      })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .innerJoin(reportingYears, eq(reportingYears.year, submissions.year))
      .leftJoin(users, eq(users.id, submissions.submittedBy))
      .where(eq(submissions.id, submissionId));
    if (!row) return notFound('submission_not_found');
    const s = row.submission;

    const previous = await lastYearApproved(db, s);
    const values = await effectiveValues(db, [s, ...(previous ? [previous] : [])]);
    const current = values.get(s.id) ?? {};
    const lastYear = previous ? (values.get(previous.id) ?? {}) : {};

    const catalogue = await indicatorsOfYear(db, s.year);
    const flags = await db
      .select({
        indicatorId: submissionValues.indicatorId,
        flagged: submissionValues.flagged,
        note: submissionValues.flagNote,
      })
      .from(submissionValues)
      .where(eq(submissionValues.submissionId, s.id));
    const flagById = new Map(flags.map((flag) => [flag.indicatorId, flag]));

    const approvedValues = await valuesAtLastApproval(db, s.id);

    return ok({
      submission: {
        id: s.id,
        year: s.year,
        state: s.state,
        version: s.version,
        remark: s.remark,
        hasCompanyList: s.hasCompanyList,
        deadlineOverride: s.deadlineOverride,
        submittedAt: s.submittedAt,
        approvedAt: s.approvedAt,
        updatedAt: s.updatedAt,
        submittedByEmail: row.submittedByEmail,
      },
      organisation: row.organisation,
      deadline: effectiveDeadline(row.yearDeadline, s.deadlineOverride),
      rows: catalogue.map((indicator) => ({
        key: indicator.key,
        kind: indicator.kind,
        labelDa: indicator.labelDa,
        labelEn: indicator.labelEn,
        current: current[indicator.key] ?? null,
        lastYear: lastYear[indicator.key] ?? null,
        stored: flagById.has(indicator.id),
        flagged: flagById.get(indicator.id)?.flagged ?? false,
        flagNote: flagById.get(indicator.id)?.note ?? null,
      })),
      warnings: reviewWarnings(current, lastYear, approvedValues),
      changesSinceApproval: approvedValues ? changesSinceApproval(approvedValues, current) : null,
      lastYearAvailable: Boolean(previous),
    });
  },
);

/** The values the secretariat flagged for follow-up in a year. */
export const listFlaggedValues = adminQuery(
  'submission.flagged.read',
  async ({ db }, input: { year: number }) => {
    const rows = await db
      .select({
        submissionId: submissions.id,
        organisation: organisations.name,
        slug: organisations.slug,
        key: indicators.key,
        labelDa: indicators.labelDa,
        labelEn: indicators.labelEn,
        value: submissionValues.value,
        note: submissionValues.flagNote,
      })
      .from(submissionValues)
      .innerJoin(submissions, eq(submissions.id, submissionValues.submissionId))
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
      .where(and(eq(submissions.year, input.year), eq(submissionValues.flagged, true)))
      .orderBy(asc(organisations.name), asc(indicators.sortOrder));
    return ok(rows.map((row) => ({ ...row, value: Number(row.value) })));
  },
);

export interface RoundFilters {
  kind?: string;
  field?: string;
  region?: string;
  state?: string;
}

export interface RoundRow {
  organisationId: number;
  slug: string;
  name: string;
  kind: string;
  field: string;
  region: string;
  state: RoundState;
  submissionId: number | null;
  version: number | null;
  lastChange: Date | null;
  submittedAt: Date | null;
  deadline: string;
  extended: boolean;
  late: boolean;
  exclusionReason: string | null;
}

export interface RoundOverview {
  year: { year: number; edition: number; state: string; opensOn: string; deadline: string };
  rows: RoundRow[];
  counts: Record<RoundState, number>;
  late: number;
  fields: string[];
}

/** Today as a Danish calendar day: a deadline day ends at Danish midnight. */
export function todayIso(now = new Date()): string {
  return danishDate(now);
}

/** Every organisation active in the year with where it stands, filtered as the page asks. */
export const getRoundOverview = adminQuery(
  'round.read',
  ({ db }, input: { year: number; filters?: RoundFilters; today?: string }) => roundOverview(db, input),
);

/** The round overview without the check: for steps that already hold the secretariat's authority. */
export async function roundOverview(
  db: Database,
  input: { year: number; filters?: RoundFilters; today?: string },
): Promise<Result<RoundOverview>> {
  if (!isYearNumber(input.year)) return notFound('year_not_found');
  const [year] = await db.select().from(reportingYears).where(eq(reportingYears.year, input.year));
  if (!year) return notFound('year_not_found');
  const today = input.today ?? todayIso();
  const rows = await db
    .select({
      organisation: organisations,
      submissionId: submissions.id,
      state: submissions.state,
      version: submissions.version,
      updatedAt: submissions.updatedAt,
      submittedAt: submissions.submittedAt,
      deadlineOverride: submissions.deadlineOverride,
      exclusionReason: yearExclusions.reason,
    })
    .from(organisations)
    .leftJoin(
      submissions,
      and(eq(submissions.organisationId, organisations.id), eq(submissions.year, input.year)),
    )
    .leftJoin(
      yearExclusions,
      and(eq(yearExclusions.organisationId, organisations.id), eq(yearExclusions.year, input.year)),
    )
    .where(
      and(
        sql`${organisations.activeFrom} <= ${input.year}`,
        or(isNull(organisations.activeTo), sql`${organisations.activeTo} >= ${input.year}`),
      ),
    )
    .orderBy(asc(organisations.name));

  const all: RoundRow[] = rows.map((row) => {
    const state: RoundState = row.exclusionReason ? 'excluded' : (row.state ?? 'not_started');
    const deadline = effectiveDeadline(year.deadline, row.deadlineOverride);
    return {
      organisationId: row.organisation.id,
      slug: row.organisation.slug,
      name: row.organisation.name,
      kind: row.organisation.kind,
      field: row.organisation.field,
      region: row.organisation.region,
      state,
      submissionId: row.submissionId,
      version: row.version,
      lastChange: row.updatedAt,
      submittedAt: row.submittedAt,
      deadline,
      extended: deadline !== year.deadline,
      late:
        state !== 'excluded' && isLate({ deadline, submittedAt: row.submittedAt, state: row.state, today }),
      exclusionReason: row.exclusionReason,
    };
  });
  const filters = input.filters ?? {};
  const filtered = all.filter(
    (row) =>
      (!filters.kind || row.kind === filters.kind) &&
      (!filters.field || row.field === filters.field) &&
      (!filters.region || row.region === filters.region) &&
      (!filters.state || row.state === filters.state),
  );
  const counts = Object.fromEntries(ROUND_STATES.map((state) => [state, 0])) as Record<RoundState, number>;
  for (const row of filtered) counts[row.state]++;
  return ok({
    year: {
      year: year.year,
      edition: year.edition,
      state: year.state,
      opensOn: year.opensOn,
      deadline: year.deadline,
    },
    rows: filtered,
    counts,
    late: filtered.filter((row) => row.late).length,
    fields: [...new Set(all.map((row) => row.field))].sort((a, b) => a.localeCompare(b, 'da')),
  });
}

/** The staff to remind: members who can sign in, of the organisations given (those that have not submitted); for the reminder sent by hand and the automatic ones. */
export async function reminderRecipients(db: Database, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      organisation: organisations.name,
      organisationId: organisations.id,
      slug: organisations.slug,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        inArray(memberships.organisationId, organisationIds),
        eq(users.disabled, false),
        eq(users.role, 'staff'),
      ),
    )
    .orderBy(asc(organisations.name), asc(users.email));
}

// ---- for the pages: this request's database and actor ----

export interface RoundPage {
  years: ReportingYear[];
  /** the year shown: asked for in the address, else the open one, else the newest */
  year: ReportingYear;
  filters: RoundFilters;
  overview: RoundOverview;
  flagged: FlaggedValue[];
}

export type FlaggedValue = Extract<
  Awaited<ReturnType<typeof listFlaggedValues>>,
  { ok: true }
>['value'][number];

/** The round overview page; `null` when there are no reporting years yet. */
export const readRoundPage = forRequest(
  async (db, actor, query: SearchParams): Promise<Result<RoundPage | null>> => {
    const years = await listYears(db, actor);
    if (!years.ok) return years;
    const year = chooseYear(years.value, param(query, 'year'), { preferOpen: true });
    if (!year) return ok(null);
    const filters: RoundFilters = {
      kind: param(query, 'kind') || undefined,
      field: param(query, 'field') || undefined,
      region: param(query, 'region') || undefined,
      state: param(query, 'state') || undefined,
    };
    const page = combine({
      overview: await getRoundOverview(db, actor, { year: year.year, filters }),
      flagged: await listFlaggedValues(db, actor, { year: year.year }),
    });
    return page.ok ? ok({ years: years.value, year, filters, ...page.value }) : page;
  },
);

export const readReview = forRequest(getReview);
