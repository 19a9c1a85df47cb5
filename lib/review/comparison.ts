// The review page's comparisons, for the secretariat: the submission's figures beside the version
// it was last returned at and beside last year's approved figures, and its company list itself —
// searchable, and set against last year's list or the returned one (companies added, gone, with
// other flags). Each read is an adminQuery (lib/actions).
import 'server-only';
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { reportingYears, submissions } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { COMPANY_FLAGS, type CompanyFlag } from '@/lib/domain';
import { combine, notFound, ok, type Result } from '@/lib/result';
import { param, type SearchParams } from '@/lib/search-params';
import { isDatabaseId } from '@/lib/validation/input';
import {
  COMPANY_BASES,
  COMPANY_PAGE_SIZE,
  COMPANY_PARAMS,
  COMPANY_VIEWS,
  type CompanyBase,
  type CompanyFlags,
  type CompanyStatus,
  type CompanyView,
  type ComparedIndicator,
  compareFigures,
  cvrSearchDigits,
} from './compare';
import { effectiveValues, indicatorsOfYear, lastYearApproved } from './queries';
import { returnNeedsDeadline } from './rules';
import { latestReturnSnapshot, type ReturnSnapshot } from './snapshots';
import { present } from '@/lib/invariant';

interface Subject {
  id: number;
  organisationId: number;
  year: number;
  hasCompanyList: boolean;
  deadlineOverride: string | null;
  yearState: 'open' | 'closed' | 'published';
  yearDeadline: string;
}

async function loadSubject(db: Database, submissionId: number): Promise<Subject | null> {
  if (!isDatabaseId(submissionId)) return null;
  const [row] = await db
    .select({
      id: submissions.id,
      organisationId: submissions.organisationId,
      year: submissions.year,
      hasCompanyList: submissions.hasCompanyList,
      deadlineOverride: submissions.deadlineOverride,
      yearState: reportingYears.state,
      yearDeadline: reportingYears.deadline,
    })
    .from(submissions)
    .innerJoin(reportingYears, eq(reportingYears.year, submissions.year))
    .where(eq(submissions.id, submissionId));
  return row ?? null;
}

export interface ComparisonRow extends ComparedIndicator {
  kind: string;
  labelDa: string;
  labelEn: string;
}

export interface SubmissionComparison {
  year: number;
  /** the version it was last returned at; null when it never was */
  returned: Pick<ReturnSnapshot, 'version' | 'fromState' | 'takenAt'> | null;
  lastYearAvailable: boolean;
  rows: ComparisonRow[];
  changedSinceReturn: number;
  /** a return today must set a new deadline for the organisation (lib/review/rules.ts) */
  returnNeedsDeadline: boolean;
  yearState: 'open' | 'closed' | 'published';
}

/** The submission's figures beside the returned version and last year's, indicator by indicator. */
export const getSubmissionComparison = adminQuery(
  'review.compare.read',
  async ({ db }, submissionId: number): Promise<Result<SubmissionComparison>> => {
    const subject = await loadSubject(db, submissionId);
    if (!subject) return notFound('submission_not_found');
    const [previous, snapshot, catalogue] = await Promise.all([
      lastYearApproved(db, subject),
      latestReturnSnapshot(db, subject.id),
      indicatorsOfYear(db, subject.year),
    ]);
    const values = await effectiveValues(db, [subject, ...(previous ? [previous] : [])]);
    const compared = compareFigures(
      catalogue.map((indicator) => indicator.key),
      values.get(subject.id) ?? {},
      snapshot?.values ?? null,
      previous ? (values.get(previous.id) ?? {}) : {},
    );
    const rows = compared.map((row, index) => ({ ...row, ...present(catalogue[index]) }));
    return ok({
      year: subject.year,
      returned: snapshot
        ? { version: snapshot.version, fromState: snapshot.fromState, takenAt: snapshot.takenAt }
        : null,
      lastYearAvailable: Boolean(previous),
      rows,
      changedSinceReturn: rows.filter((row) => row.changedSinceReturn).length,
      returnNeedsDeadline: returnNeedsDeadline(
        { state: subject.yearState, deadline: subject.yearDeadline },
        subject.deadlineOverride,
        new Date(),
      ),
      yearState: subject.yearState,
    });
  },
);

// ---- the company list ----

export interface CompanyRow {
  cvr: string;
  /** the flags in this list; null for a company that is gone */
  flags: CompanyFlags | null;
  /** the flags in the base list; null for a company that is new, or without a base */
  baseFlags: CompanyFlags | null;
  /** null without a base to compare with */
  status: CompanyStatus | null;
}

export interface CompanyListQuery {
  submissionId: number;
  base?: string;
  view?: string;
  search?: string;
  flag?: string;
  page?: number;
}

export interface CompanyListView {
  hasList: boolean;
  /** companies in this list */
  total: number;
  lastYear: { year: number; available: boolean; hasList: boolean };
  returned: { available: boolean; takenAt: Date | null; hasList: boolean };
  /** the base in effect: null when neither is there to compare with */
  base: CompanyBase | null;
  counts: Record<CompanyStatus, number>;
  filters: { base: CompanyBase; view: CompanyView; search: string; flag: CompanyFlag | ''; page: number };
  /** the search held something other than a CVR number's digits */
  searchInvalid: boolean;
  rows: CompanyRow[];
  matching: number;
  pageCount: number;
}

const pick = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback;

function flagsOf(row: Record<string, unknown>, prefix: 'c' | 'b'): CompanyFlags | null {
  if (row[`${prefix}_present`] !== true) return null;
  return Object.fromEntries(
    COMPANY_FLAGS.map((column) => [column, row[`${prefix}_${column}`] === true]),
  ) as CompanyFlags;
}

/** This list full-outer-joined with the base list, one row per CVR, with its status. */
function joinedLists(current: SQL, base: SQL): SQL {
  const columns = (alias: string) =>
    sql.raw(COMPANY_FLAGS.map((column) => `${alias}.${column} as ${alias}_${column}`).join(', '));
  const tuple = (alias: string) =>
    sql.raw(`(${COMPANY_FLAGS.map((column) => `${alias}.${column}`).join(', ')})`);
  return sql`with c as (${current}), b as (${base}), joined as (
      select coalesce(c.cvr, b.cvr) as cvr,
        c.cvr is not null as c_present, b.cvr is not null as b_present,
        ${columns('c')}, ${columns('b')},
        case when b.cvr is null then 'added' when c.cvr is null then 'gone'
             when ${tuple('c')} is distinct from ${tuple('b')} then 'changed' else 'kept' end as status
      from c full outer join b on b.cvr = c.cvr)`;
}

const listColumns = sql.raw(`cvr, ${COMPANY_FLAGS.join(', ')}`);

/** The submission's company list, searched and set against last year's or the returned one. */
export const getCompanyList = adminQuery(
  'review.companies.read',
  async ({ db }, input: CompanyListQuery): Promise<Result<CompanyListView>> => {
    const subject = await loadSubject(db, input.submissionId);
    if (!subject) return notFound('submission_not_found');
    const [previous, snapshot] = await Promise.all([
      lastYearApproved(db, subject),
      latestReturnSnapshot(db, subject.id),
    ]);
    const lastYear = {
      year: subject.year - 1,
      available: Boolean(previous),
      hasList: previous?.hasCompanyList ?? false,
    };
    const returned = {
      available: Boolean(snapshot),
      takenAt: snapshot?.takenAt ?? null,
      hasList: snapshot?.hasCompanyList ?? false,
    };
    const asked = pick(COMPANY_BASES, input.base, 'last_year');
    // a base without a list of its own has nothing to compare with: the other one, if it has
    const usable = (base: CompanyBase) => (base === 'last_year' ? lastYear.hasList : returned.hasList);
    const base: CompanyBase | null = usable(asked)
      ? asked
      : (COMPANY_BASES.find((candidate) => usable(candidate)) ?? null);
    const view = base ? pick(COMPANY_VIEWS, input.view, 'all') : 'all';
    const digits = cvrSearchDigits(typeof input.search === 'string' ? input.search : '');
    const flag = pick(COMPANY_FLAGS, input.flag, '' as CompanyFlag) as CompanyFlag | '';
    const page = Number.isInteger(input.page) && (input.page as number) > 0 ? (input.page as number) : 1;

    const current = subject.hasCompanyList
      ? sql`select ${listColumns} from participants where submission_id = ${subject.id}`
      : sql`select ${listColumns} from participants where false`;
    const baseList =
      base === 'last_year' && previous
        ? sql`select ${listColumns} from participants where submission_id = ${previous.id}`
        : base === 'returned' && snapshot
          ? sql`select ${listColumns} from snapshot_participants where snapshot_id = ${snapshot.id}`
          : sql`select ${listColumns} from participants where false`;
    const conditions: SQL[] = [
      view === 'all' ? sql`c_present` : sql`status = ${view}`,
      ...(digits ? [sql`cvr like ${`${digits}%`}`] : []),
      ...(digits === null ? [sql`false`] : []),
      ...(flag ? [sql`coalesce(${sql.raw(`c_${flag}`)}, ${sql.raw(`b_${flag}`)})`] : []),
    ];
    const where = sql.join(conditions, sql` and `);
    const joined = joinedLists(current, baseList);
    const [countRow] = await queryRows<Record<string, unknown>>(
      db,
      sql`${joined} select
          count(*) filter (where c_present)::int as total,
          count(*) filter (where status = 'added')::int as added,
          count(*) filter (where status = 'gone')::int as gone,
          count(*) filter (where status = 'changed')::int as changed,
          count(*) filter (where status = 'kept')::int as kept,
          count(*) filter (where ${where})::int as matching
        from joined`,
    );
    const matching = Number(countRow?.matching ?? 0);
    const pageCount = Math.max(1, Math.ceil(matching / COMPANY_PAGE_SIZE));
    const shownPage = Math.min(page, pageCount);
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`${joined} select * from joined where ${where} order by cvr
          limit ${COMPANY_PAGE_SIZE} offset ${(shownPage - 1) * COMPANY_PAGE_SIZE}`,
    );
    return ok({
      hasList: subject.hasCompanyList,
      total: Number(countRow?.total ?? 0),
      lastYear,
      returned,
      base,
      counts: {
        added: Number(countRow?.added ?? 0),
        gone: Number(countRow?.gone ?? 0),
        changed: Number(countRow?.changed ?? 0),
        kept: Number(countRow?.kept ?? 0),
      },
      filters: {
        base: base ?? asked,
        view,
        search: digits ?? String(input.search ?? ''),
        flag,
        page: shownPage,
      },
      searchInvalid: digits === null,
      rows: rows.map((row) => ({
        cvr: String(row.cvr),
        flags: flagsOf(row, 'c'),
        baseFlags: base ? flagsOf(row, 'b') : null,
        status: base ? (String(row.status) as CompanyStatus) : null,
      })),
      matching,
      pageCount,
    });
  },
);

// ---- for the review page: this request's database and actor ----

export const readReviewComparisons = forRequest(
  async (db, actor, submissionId: number, query: SearchParams) => {
    const result = combine({
      comparison: await getSubmissionComparison(db, actor, submissionId),
      companies: await getCompanyList(db, actor, {
        submissionId,
        base: param(query, COMPANY_PARAMS.base),
        view: param(query, COMPANY_PARAMS.view),
        search: param(query, COMPANY_PARAMS.search),
        flag: param(query, COMPANY_PARAMS.flag),
        page: Number(param(query, COMPANY_PARAMS.page)) || 1,
      }),
    });
    return result;
  },
);
