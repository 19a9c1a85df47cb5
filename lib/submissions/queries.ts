// Reads of the reporting feature, authorised here (lib/auth/permissions): the portal overview,
// the entry form's context, the secretariat's review view, the timeline and value histories.
import { present } from '@/lib/invariant';
import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import {
  auditEvents,
  indicators,
  keptDrafts,
  organisations,
  participants,
  publications as publicationRows,
  reportingYears,
  type Submission,
  submissions,
  submissionValues,
  users,
} from '@/db/schema';
import { loadIndicatorDefinitions } from '@/lib/accounts/compute';
import { countCompanyList, measureOf } from '@/lib/accounts/rules';
import type { Actor } from '@/lib/auth/actor';
import { forRequest } from '@/lib/actions/request';
import { authoriseFor } from '@/lib/auth/permissions';
import { loadThreads, type Thread } from '@/lib/conversation/queries';
import { awaitingAnswers } from '@/lib/conversation/rules';
import { getPublication } from '@/lib/publications/read';
import { type Failure, forbidden, notFound, ok, type Result } from '@/lib/result';
import { isYearNumber } from '@/lib/validation/input';
import { valuesAtLastApproval } from './approval';
import { formFieldsOf } from './display';
import { type RestoredDraft, restoreKeptDraft } from './kept-draft-rules';
import {
  type ChangeWarning,
  type CompanyRow,
  changeWarning,
  daysLeft,
  type Entry,
  effectiveDeadline,
  type FormIndicator,
  isEditableState,
  isYearOpenForStaff,
  type LastYearValue,
  type SettledValue,
} from './rules';

export type SubmissionState = Submission['state'];

export interface TimelineEntry {
  at: string;
  action: string;
  actorEmail: string | null;
  actorName: string | null;
  state: SubmissionState | null;
  remark: string | null;
  detail: Record<string, unknown> | null;
}

export interface ValueChange {
  at: string;
  actorEmail: string | null;
  from: Entry | null;
  to: Entry | null;
}

export interface CompanyListSummary {
  rows: number;
  /** derived company indicators, by key */
  derived: Record<string, number>;
  under50: Record<string, number>;
}

export interface SubmissionView {
  organisation: { id: number; slug: string; name: string };
  year: {
    year: number;
    edition: number;
    opensOn: string;
    deadline: string;
    state: 'open' | 'closed' | 'published';
  };
  submission: Submission | null;
  /** the deadline that applies to this organisation, and the days left until it */
  deadline: string;
  daysLeft: number;
  /** staff may change it now: the year is open, the deadline not past, and it is a draft or returned */
  editable: boolean;
  closed: boolean;
  indicators: FormIndicator[];
  values: Record<string, Entry & { flagged: boolean; flagNote: string | null }>;
  lastYear: Record<string, LastYearValue>;
  companyList: CompanyListSummary | null;
  warnings: ChangeWarning[];
  /** the figures as last approved (null: never approved): their big changes were settled then */
  settled: Record<string, SettledValue> | null;
  /** the reader's own unsaved typing put back into the form, when there is any to put back */
  keptDraft: (RestoredDraft & { savedAt: string }) | null;
  /** the conversation with the secretariat: per value, and about the submission as a whole */
  threads: Thread[];
  timeline: TimelineEntry[];
  valueHistory: Record<string, ValueChange[]>;
}

export async function loadFormIndicators(db: Database, year: number): Promise<FormIndicator[]> {
  const [definitions, required] = await Promise.all([
    loadIndicatorDefinitions(db, year),
    db
      .select({ key: indicators.key, required: indicators.required, retiredAt: indicators.retiredAt })
      .from(indicators),
  ]);
  const byKey = new Map(required.map((row) => [row.key, row]));
  return definitions
    .filter((definition) => !byKey.get(definition.key)?.retiredAt)
    .map((definition) => ({ ...definition, required: byKey.get(definition.key)?.required ?? false }))
    .sort((a, b) => a.sortOrder - b.sortOrder);
}

/**
 * The organisation's published figures of `year` (the latest publication), by indicator key. Only
 * its own entry is read out of the snapshot: the form and every save ask for it, and the whole
 * snapshot of a large year is hundreds of kilobytes.
 */
export async function publishedValues(
  db: Database,
  slug: string,
  year: number,
): Promise<Record<string, LastYearValue>> {
  const [row] = await queryRows<{ values: unknown }>(
    db,
    sql`select organisation.value -> 'values' as values
        from (select ${publicationRows.snapshot} as snapshot from ${publicationRows}
              where ${publicationRows.year} = ${year}
              order by ${publicationRows.version} desc limit 1) latest,
             jsonb_array_elements(latest.snapshot -> 'accounts' -> 'organisations') organisation
        where organisation.value ->> 'slug' = ${slug}`,
  );
  const values = typeof row?.values === 'string' ? JSON.parse(row.values) : row?.values;
  return (values as Record<string, LastYearValue> | null | undefined) ?? {};
}

export async function loadCompanyRows(db: Database, submissionId: number): Promise<CompanyRow[]> {
  const rows = await db
    .select()
    .from(participants)
    .where(eq(participants.submissionId, submissionId))
    .orderBy(asc(participants.cvr));
  return rows.map((row) => ({
    cvr: row.cvr,
    dedicated: row.dedicated,
    under_50: row.under50,
    new_ideas: row.newIdeas,
    new_competences: row.newCompetences,
    new_products: row.newProducts,
  }));
}

/** The company indicators a list gives, e.g. { participants: 120, new_ideas: 31 }. */
export function deriveCompanyIndicators(
  indicatorList: FormIndicator[],
  rows: CompanyRow[],
): CompanyListSummary {
  const { counts, under50 } = countCompanyList(rows);
  const derived: Record<string, number> = {};
  const derivedUnder50: Record<string, number> = {};
  for (const indicator of indicatorList) {
    const measure = measureOf(indicator);
    if (!measure) continue;
    derived[indicator.key] = counts[measure];
    derivedUnder50[indicator.key] = under50[measure];
  }
  return { rows: rows.length, derived, under50: derivedUnder50 };
}

async function loadTimeline(db: Database, submission: Submission | null) {
  const timeline: TimelineEntry[] = [];
  const valueHistory: Record<string, ValueChange[]> = {};
  if (!submission) return { timeline, valueHistory };
  const events = await db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorEmail: auditEvents.actorEmail,
      actorName: users.name,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, 'submission'), eq(auditEvents.entityId, String(submission.id))))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  for (const event of events) {
    const after = (event.after ?? {}) as {
      state?: SubmissionState;
      remark?: string | null;
      values?: Record<string, Entry | null>;
    } & Record<string, unknown>;
    const before = (event.before ?? {}) as { values?: Record<string, Entry | null> };
    const at = event.at.toISOString();
    const { values: afterValues, ...rest } = after;
    timeline.push({
      at,
      action: event.action,
      actorEmail: event.actorEmail,
      actorName: event.actorName,
      state: after.state ?? null,
      remark: typeof after.remark === 'string' ? after.remark : null,
      detail: Object.keys(afterValues ?? {}).length
        ? { changed: Object.keys(afterValues ?? {}) }
        : (rest as Record<string, unknown>),
    });
    for (const [key, to] of Object.entries(afterValues ?? {})) {
      valueHistory[key] = valueHistory[key] ?? [];
      valueHistory[key].push({
        at,
        actorEmail: event.actorEmail,
        from: before.values?.[key] ?? null,
        to,
      });
    }
  }
  if (timeline.length === 0) {
    // submissions created before the audit trail (the demo seed): what the row itself tells
    const push = (at: Date | null, action: string, state: SubmissionState, remark: string | null = null) => {
      if (at)
        timeline.push({
          at: at.toISOString(),
          action,
          actorEmail: null,
          actorName: null,
          state,
          remark,
          detail: null,
        });
    };
    push(submission.createdAt, 'submission.created', 'draft');
    push(submission.submittedAt, 'submission.submitted', 'submitted');
    push(submission.returnedAt, 'submission.returned', 'returned', submission.remark);
    push(submission.approvedAt, 'submission.approved', 'approved');
    timeline.sort((a, b) => a.at.localeCompare(b.at));
  }
  return { timeline, valueHistory };
}

/** The reader's own kept draft of an organisation's year, if any (lib/submissions/kept-drafts.ts). */
export async function loadKeptDraft(
  db: Database,
  input: { userId: number; organisationId: number; year: number },
) {
  const [row] = await db
    .select()
    .from(keptDrafts)
    .where(
      and(
        eq(keptDrafts.userId, input.userId),
        eq(keptDrafts.organisationId, input.organisationId),
        eq(keptDrafts.year, input.year),
      ),
    );
  if (!row) return null;
  return {
    typed: row.typed as Record<string, string>,
    opened: row.opened as Record<string, string>,
    baseVersion: row.baseVersion,
    updatedAt: row.updatedAt,
  };
}

async function buildView(
  db: Database,
  organisation: { id: number; slug: string; name: string },
  year: number,
  now: Date,
  reader: { userId: number } | null = null,
): Promise<Result<SubmissionView>> {
  // independent reads at once: under load every sequential round trip waits a whole turn of the
  // server's event loop behind the public readers' requests
  const [[yearRow], [submission], indicatorList, lastYear] = await Promise.all([
    db.select().from(reportingYears).where(eq(reportingYears.year, year)),
    db
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, organisation.id), eq(submissions.year, year))),
    loadFormIndicators(db, year),
    publishedValues(db, organisation.slug, year - 1),
  ]);
  if (!yearRow) return notFound('portal.notFound');
  const values: SubmissionView['values'] = {};
  let companyList: CompanyListSummary | null = null;
  const [valueRows, companyRows, { timeline, valueHistory }, settled, kept, threads] = await Promise.all([
    submission
      ? db
          .select({
            key: indicators.key,
            value: submissionValues.value,
            denominator: submissionValues.denominator,
            comment: submissionValues.comment,
            flagged: submissionValues.flagged,
            flagNote: submissionValues.flagNote,
          })
          .from(submissionValues)
          .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
          .where(eq(submissionValues.submissionId, submission.id))
      : [],
    submission?.hasCompanyList ? loadCompanyRows(db, submission.id) : null,
    loadTimeline(db, submission ?? null),
    submission ? valuesAtLastApproval(db, submission.id) : null,
    reader ? loadKeptDraft(db, { userId: reader.userId, organisationId: organisation.id, year }) : null,
    submission
      ? loadThreads(
          db,
          [submission],
          indicatorList.map((indicator) => indicator.key),
        )
      : null,
  ]);
  for (const row of valueRows)
    values[row.key] = {
      value: Number(row.value),
      denominator: row.denominator == null ? null : Number(row.denominator),
      comment: row.comment,
      flagged: row.flagged,
      flagNote: row.flagNote,
    };
  if (companyRows) companyList = deriveCompanyIndicators(indicatorList, companyRows);
  const warnings: ChangeWarning[] = [];
  for (const indicator of indicatorList) {
    const current = companyList?.derived[indicator.key] ?? values[indicator.key];
    const warning = changeWarning(indicator.key, lastYear[indicator.key], current, settled?.[indicator.key]);
    if (warning) warnings.push(warning);
  }
  const deadline = effectiveDeadline(yearRow.deadline, submission?.deadlineOverride ?? null);
  const open = isYearOpenForStaff(yearRow, submission?.deadlineOverride ?? null, now);
  const editable = open && isEditableState(submission?.state ?? null);
  // what the reader typed and did not save, put back where nobody saved since (only while they may edit)
  const restored = kept && editable ? restoreKeptDraft(formFieldsOf(values), kept) : null;
  const keptDraft =
    kept && restored && (restored.restored.length > 0 || restored.conflicts.length > 0)
      ? { ...restored, savedAt: kept.updatedAt.toISOString() }
      : null;
  return ok({
    organisation,
    year: {
      year: yearRow.year,
      edition: yearRow.edition,
      opensOn: yearRow.opensOn,
      deadline: yearRow.deadline,
      state: yearRow.state,
    },
    submission: submission ?? null,
    deadline,
    daysLeft: daysLeft(deadline, now),
    editable,
    closed: !open,
    indicators: indicatorList,
    values,
    lastYear,
    companyList,
    warnings,
    settled,
    keptDraft,
    threads: submission ? (threads?.get(submission.id) ?? []) : [],
    timeline,
    valueHistory,
  });
}

export async function findOrganisationBySlug(db: Database, slug: string) {
  const [row] = await db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  return row ?? null;
}

/** The entry form's data for one organisation and year; staff of other organisations get 403. */
export async function loadSubmissionForm(
  db: Database,
  actor: Actor | null,
  input: { orgSlug: string; year: number },
  now = new Date(),
): Promise<Result<SubmissionView>> {
  const organisation = await findOrganisationBySlug(db, input.orgSlug);
  // an unknown organisation is refused like a foreign one, so slugs cannot be probed
  const allowed = organisation
    ? await authoriseFor(db, actor, organisation.id, `view submission ${input.year}`)
    : await authoriseFor(db, actor, -1, `view submission ${input.orgSlug}/${input.year}`);
  if (!allowed.ok) return allowed;
  if (!organisation) return notFound('portal.notFound');
  if (!isYearNumber(input.year)) return notFound('portal.notFound');
  return buildView(db, organisation, input.year, now, allowed.value);
}

/**
 * For the secretariat's review (lib/review): a submission with its values, last year's
 * published values, the big-change warnings with their explanations, and the timeline.
 */
export async function loadSubmissionForReview(
  db: Database,
  actor: Actor | null,
  submissionId: number,
  now = new Date(),
): Promise<Result<SubmissionView>> {
  const [row] = await db
    .select({
      organisationId: submissions.organisationId,
      year: submissions.year,
      slug: organisations.slug,
      name: organisations.name,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(eq(submissions.id, submissionId));
  if (!row) return notFound('portal.notFound');
  const allowed = await authoriseFor(db, actor, row.organisationId, `view submission ${submissionId}`);
  if (!allowed.ok) return allowed;
  return buildView(db, { id: row.organisationId, slug: row.slug, name: row.name }, row.year, now);
}

export interface PortalEntry {
  organisation: { id: number; slug: string; name: string };
  year: number;
  state: SubmissionState | null;
  remark: string | null;
  deadline: string;
  daysLeft: number;
  closed: boolean;
  lastYear: Record<string, LastYearValue>;
  /** the secretariat's questions (flagged values, a return's remark) waiting for an answer */
  openQuestions: number;
}

export interface PortalOverview {
  entries: PortalEntry[];
  headlineIndicators: FormIndicator[];
}

const HEADLINE_KEYS = ['participants', 'new_ideas', 'new_competences', 'new_products'];

/** The actor's organisations and every year open for reporting, with last year's published figures. */
export async function loadPortalOverview(
  db: Database,
  actor: Actor | null,
  now = new Date(),
): Promise<Result<PortalOverview> | Failure> {
  if (!actor) return forbidden('common.errors.forbidden');
  const organisationRows = actor.organisationIds.length
    ? await db
        .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, actor.organisationIds))
        .orderBy(asc(organisations.name))
    : [];
  const openYears = await db
    .select()
    .from(reportingYears)
    .where(eq(reportingYears.state, 'open'))
    .orderBy(asc(reportingYears.year));
  const entries: PortalEntry[] = [];
  const publications = new Map<number, Awaited<ReturnType<typeof getPublication>>>();
  for (const yearRow of openYears) {
    if (!publications.has(yearRow.year - 1))
      publications.set(yearRow.year - 1, await getPublication(db, yearRow.year - 1));
    const publication = publications.get(yearRow.year - 1);
    const submissionRows = organisationRows.length
      ? await db
          .select()
          .from(submissions)
          .where(
            and(
              eq(submissions.year, yearRow.year),
              inArray(
                submissions.organisationId,
                organisationRows.map((o) => o.id),
              ),
            ),
          )
      : [];
    const threads = await loadThreads(db, submissionRows);
    for (const organisation of organisationRows) {
      const submission = submissionRows.find((row) => row.organisationId === organisation.id);
      const deadline = effectiveDeadline(yearRow.deadline, submission?.deadlineOverride ?? null);
      entries.push({
        organisation,
        year: yearRow.year,
        state: submission?.state ?? null,
        remark: submission?.state === 'returned' ? submission.remark : null,
        deadline,
        daysLeft: daysLeft(deadline, now),
        closed: !isYearOpenForStaff(yearRow, submission?.deadlineOverride ?? null, now),
        lastYear:
          (publication?.snapshot.accounts.organisations.find((row) => row.slug === organisation.slug)
            ?.values as Record<string, LastYearValue> | undefined) ?? {},
        openQuestions: submission ? awaitingAnswers(threads.get(submission.id) ?? []) : 0,
      });
    }
  }
  const years = openYears.map((row) => row.year);
  const headlineIndicators = years.length
    ? (await loadFormIndicators(db, present(years[0]))).filter((indicator) =>
        HEADLINE_KEYS.includes(indicator.key),
      )
    : [];
  return ok({ entries, headlineIndicators });
}

/** The current company list, for the download. */
export async function loadCompanyListForDownload(
  db: Database,
  actor: Actor | null,
  input: { orgSlug: string; year: number },
): Promise<Result<{ filename: string; rows: CompanyRow[] }>> {
  const organisation = await findOrganisationBySlug(db, input.orgSlug);
  const allowed = await authoriseFor(
    db,
    actor,
    organisation?.id ?? -1,
    `download company list ${input.orgSlug}/${input.year}`,
  );
  if (!allowed.ok) return allowed;
  if (!organisation || !isYearNumber(input.year)) return notFound('portal.notFound');
  const [submission] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.organisationId, organisation.id), eq(submissions.year, input.year)));
  const rows = submission?.hasCompanyList ? await loadCompanyRows(db, submission.id) : [];
  return ok({ filename: `virksomheder-${organisation.slug}-${input.year}.csv`, rows });
}

// ---- for the portal's pages and downloads: this request's database and actor ----

export const portalOverviewForPage = forRequest(loadPortalOverview);
export const submissionFormForPage = forRequest(loadSubmissionForm);
export const companyListForDownload = forRequest(loadCompanyListForDownload);
