// The secretariat's review: read a submission beside last year's approved one, approve, return
// with a remark, flag values, bulk-approve the clean ones, extend one organisation's deadline.
// Every function checks checkAdmin itself, before any transaction (so refusals stay audited).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Database, queryRows } from '@/db/client';
import {
  auditEvents,
  indicators,
  indicatorYears,
  organisations,
  reportingYears,
  submissions,
  submissionValues,
  users,
} from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { conflict, type Failure, invalid, notFound, ok } from '@/lib/result';
import {
  changesSinceApproval,
  effectiveDeadline,
  type ReviewWarning,
  reviewWarnings,
  type StoredValue,
  type ValueChange,
} from './rules';
import { StaleVersionError, updateSubmissionState } from '@/lib/submissions/store';
import { INT4_MAX, isDatabaseId, isIsoDate, isYearNumber } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';

type Values = Record<string, StoredValue>;

async function valuesOf(db: Database, submissionIds: number[]): Promise<Map<number, Values>> {
  const result = new Map<number, Values>();
  if (submissionIds.length === 0) return result;
  const rows = await db
    .select({
      submissionId: submissionValues.submissionId,
      key: indicators.key,
      value: submissionValues.value,
      denominator: submissionValues.denominator,
      comment: submissionValues.comment,
    })
    .from(submissionValues)
    .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
    .where(inArray(submissionValues.submissionId, submissionIds));
  for (const row of rows) {
    const values = result.get(row.submissionId) ?? {};
    values[row.key] = {
      value: Number(row.value),
      denominator: row.denominator == null ? null : Number(row.denominator),
      comment: row.comment,
    };
    result.set(row.submissionId, values);
  }
  return result;
}

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
    for (const key of [
      'participants',
      'dedicated',
      'under_50',
      'new_ideas',
      'new_competences',
      'new_products',
    ]) {
      values[key] = { value: Number(row[key] ?? 0), denominator: null, comment: null };
    }
    result.set(Number(row.submission_id), values);
  }
  return result;
}

/** Typed values, with company-list counts taking the place of company indicators when listed. */
async function effectiveValues(
  db: Database,
  rows: { id: number; hasCompanyList: boolean }[],
): Promise<Map<number, Values>> {
  const typed = await valuesOf(
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

export async function getReview(
  db: Database,
  actor: Actor | null,
  submissionId: number,
): Promise<{ ok: true; value: ReviewView } | Failure> {
  const denied = await checkAdmin(db, actor, 'review.read');
  if (denied) return denied;
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

  const [previous] = await db
    .select({ id: submissions.id, hasCompanyList: submissions.hasCompanyList })
    .from(submissions)
    .where(
      and(
        eq(submissions.organisationId, s.organisationId),
        eq(submissions.year, s.year - 1),
        eq(submissions.state, 'approved'),
      ),
    );
  const values = await effectiveValues(db, [s, ...(previous ? [previous] : [])]);
  const current = values.get(s.id) ?? {};
  const lastYear = previous ? (values.get(previous.id) ?? {}) : {};

  const catalogue = await db
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
      and(eq(indicatorYears.indicatorId, indicators.id), eq(indicatorYears.year, s.year)),
    )
    .orderBy(asc(indicators.sortOrder));
  const flags = await db
    .select({
      indicatorId: submissionValues.indicatorId,
      flagged: submissionValues.flagged,
      note: submissionValues.flagNote,
    })
    .from(submissionValues)
    .where(eq(submissionValues.submissionId, s.id));
  const flagById = new Map(flags.map((flag) => [flag.indicatorId, flag]));

  const [approval] = await db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'submission'),
        eq(auditEvents.entityId, String(s.id)),
        inArray(auditEvents.action, ['submission.approve', 'import.figures']),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const approvedValues = (approval?.after as { values?: Values } | null)?.values;

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
    warnings: reviewWarnings(current, lastYear),
    changesSinceApproval: approvedValues ? changesSinceApproval(approvedValues, current) : null,
    lastYearAvailable: Boolean(previous),
  });
}

const versionedSchema = z.object({
  submissionId: z.coerce.number().int().positive().max(INT4_MAX),
  version: z.coerce.number().int().positive().max(INT4_MAX),
});

async function transition(
  db: Database,
  actor: Actor,
  input: { submissionId: number; version: number },
  allowedFrom: string[],
  action: string,
  patch: (now: Date) => Parameters<typeof updateSubmissionState>[3],
  extraAfter: (tx: Database) => Promise<Record<string, unknown>> = async () => ({}),
) {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(submissions).where(eq(submissions.id, input.submissionId));
      if (!before) return notFound('submission_not_found');
      if (before.version !== input.version) return conflict('stale_version', { version: before.version });
      if (!allowedFrom.includes(before.state)) return conflict('wrong_state', { state: before.state });
      const updated = await updateSubmissionState(tx, before.id, input.version, patch(new Date()));
      if (!updated) throw new StaleVersionError(null);
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        actorEmail: actor.email,
        action,
        entityType: 'submission',
        entityId: before.id,
        organisationId: before.organisationId,
        before: { state: before.state, version: before.version, remark: before.remark },
        after: {
          state: updated.state,
          version: updated.version,
          remark: updated.remark,
          ...(await extraAfter(tx)),
        },
        ip: actor.ip,
      });
      return ok({ version: updated.version, state: updated.state });
    });
  } catch (error) {
    if (error instanceof StaleVersionError) return conflict('stale_version');
    throw error;
  }
}

export async function approveSubmission(
  db: Database,
  actor: Actor | null,
  input: { submissionId: number; version: number },
) {
  const denied = await checkAdmin(db, actor, 'submission.approve');
  if (denied) return denied;
  const parsed = versionedSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_input');
  return transition(
    db,
    actor!,
    parsed.data,
    ['submitted'],
    'submission.approve',
    (now) => ({ state: 'approved', approvedAt: now, reviewedBy: actor!.userId, remark: null }),
    // the values as approved: the review page shows what changed since
    async (tx) => {
      const [row] = await tx
        .select({ id: submissions.id, hasCompanyList: submissions.hasCompanyList })
        .from(submissions)
        .where(eq(submissions.id, parsed.data.submissionId));
      const values = await effectiveValues(tx, row ? [row] : []);
      const plain = Object.fromEntries(
        Object.entries(values.get(parsed.data.submissionId) ?? {}).map(([key, value]) => [
          key,
          { value: value.value, denominator: value.denominator },
        ]),
      );
      return { values: plain };
    },
  );
}

export const remarkSchema = z
  .string({ error: 'remark_required' })
  .transform((text) => text.trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'remark_required' })
      .max(2000, { error: 'remark_too_long' })
      .refine((text) => textProblem(text, 2000) === null, { error: 'invalid_characters' }),
  );

export async function returnSubmission(
  db: Database,
  actor: Actor | null,
  input: { submissionId: number; version: number; remark: string },
) {
  const denied = await checkAdmin(db, actor, 'submission.return');
  if (denied) return denied;
  const parsed = versionedSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_input');
  const remark = remarkSchema.safeParse(input.remark ?? '');
  if (!remark.success) return invalid('invalid_input', { remark: [remark.error.issues[0]!.message] });
  return transition(db, actor!, parsed.data, ['submitted', 'approved'], 'submission.return', (now) => ({
    state: 'returned',
    returnedAt: now,
    reviewedBy: actor!.userId,
    remark: remark.data,
  }));
}

/** Approves every submitted submission of `year` with no ±50 % warnings; returns those approved. */
export async function bulkApproveWithoutWarnings(db: Database, actor: Actor | null, input: { year: number }) {
  const denied = await checkAdmin(db, actor, 'submission.bulk_approve');
  if (denied) return denied;
  if (!isYearNumber(input.year)) return invalid('invalid_input', { year: ['year_invalid'] });
  const candidates = await db
    .select({
      id: submissions.id,
      version: submissions.version,
      organisationId: submissions.organisationId,
      hasCompanyList: submissions.hasCompanyList,
    })
    .from(submissions)
    .where(and(eq(submissions.year, input.year), eq(submissions.state, 'submitted')));
  if (candidates.length === 0) return ok({ approved: [] as number[], skipped: [] as number[] });
  const previous = await db
    .select({
      id: submissions.id,
      organisationId: submissions.organisationId,
      hasCompanyList: submissions.hasCompanyList,
    })
    .from(submissions)
    .where(and(eq(submissions.year, input.year - 1), eq(submissions.state, 'approved')));
  const values = await effectiveValues(db, [...candidates, ...previous]);
  const previousByOrg = new Map(previous.map((row) => [row.organisationId, row.id]));
  const clean: typeof candidates = [];
  const skipped: number[] = [];
  for (const candidate of candidates) {
    const lastId = previousByOrg.get(candidate.organisationId);
    const warnings = reviewWarnings(values.get(candidate.id) ?? {}, lastId ? (values.get(lastId) ?? {}) : {});
    if (warnings.length === 0) clean.push(candidate);
    else skipped.push(candidate.id);
  }
  const approved: number[] = [];
  for (const candidate of clean) {
    const result = await approveSubmission(db, actor, {
      submissionId: candidate.id,
      version: candidate.version,
    });
    if (result.ok) approved.push(candidate.id);
    else skipped.push(candidate.id);
  }
  return ok({ approved, skipped });
}

export async function flagValue(
  db: Database,
  actor: Actor | null,
  input: { submissionId: number; indicatorKey: string; flagged: boolean; note?: string | null },
) {
  const denied = await checkAdmin(db, actor, 'submission.flag');
  if (denied) return denied;
  if (
    !isDatabaseId(input.submissionId) ||
    typeof input.indicatorKey !== 'string' ||
    textProblem(input.indicatorKey, 60) !== null ||
    typeof input.flagged !== 'boolean'
  )
    return invalid('invalid_input');
  if (input.note != null && typeof input.note !== 'string') return invalid('invalid_input');
  const note = input.note?.trim() || null;
  if (note && note.length > 1000) return invalid('invalid_input', { note: ['note_too_long'] });
  if (note && textProblem(note, 1000)) return invalid('invalid_input', { note: ['invalid_characters'] });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        indicatorId: submissionValues.indicatorId,
        flagged: submissionValues.flagged,
        flagNote: submissionValues.flagNote,
        organisationId: submissions.organisationId,
      })
      .from(submissionValues)
      .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
      .innerJoin(submissions, eq(submissions.id, submissionValues.submissionId))
      .where(
        and(eq(submissionValues.submissionId, input.submissionId), eq(indicators.key, input.indicatorKey)),
      );
    if (!row) return notFound('value_not_found');
    await tx
      .update(submissionValues)
      .set({ flagged: input.flagged, flagNote: input.flagged ? note : null })
      .where(
        and(
          eq(submissionValues.submissionId, input.submissionId),
          eq(submissionValues.indicatorId, row.indicatorId),
        ),
      );
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: input.flagged ? 'value.flag' : 'value.unflag',
      entityType: 'submission',
      entityId: input.submissionId,
      organisationId: row.organisationId,
      before: { indicator: input.indicatorKey, flagged: row.flagged, note: row.flagNote },
      after: { indicator: input.indicatorKey, flagged: input.flagged, note: input.flagged ? note : null },
      ip: actor!.ip,
    });
    return ok({ flagged: input.flagged });
  });
}

export async function listFlaggedValues(db: Database, actor: Actor | null, input: { year: number }) {
  const denied = await checkAdmin(db, actor, 'submission.flagged.read');
  if (denied) return denied;
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
}

/** An extended deadline for one organisation only; creates an empty draft if none exists yet. */
export async function extendDeadline(
  db: Database,
  actor: Actor | null,
  input: { organisationId: number; year: number; deadline: string | null },
) {
  const denied = await checkAdmin(db, actor, 'submission.extend_deadline');
  if (denied) return denied;
  if (!isDatabaseId(input.organisationId) || !isYearNumber(input.year)) return invalid('invalid_input');
  let deadline: string | null = null;
  if (input.deadline) {
    if (!isIsoDate(input.deadline)) return invalid('invalid_input', { deadline: ['date_invalid'] });
    deadline = input.deadline;
  }
  return db.transaction(async (tx) => {
    const [year] = await tx.select().from(reportingYears).where(eq(reportingYears.year, input.year));
    if (!year) return notFound('year_not_found');
    if (deadline && deadline <= year.deadline)
      return invalid('invalid_input', { deadline: ['deadline_not_later'] });
    const [organisation] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!organisation) return notFound('organisation_not_found');
    let [submission] = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, input.organisationId), eq(submissions.year, input.year)));
    const before = submission?.deadlineOverride ?? null;
    if (!submission) {
      [submission] = await tx
        .insert(submissions)
        .values({
          organisationId: input.organisationId,
          year: input.year,
          deadlineOverride: deadline,
          createdBy: actor!.userId,
          updatedBy: actor!.userId,
        })
        .returning();
    } else {
      const updated = await updateSubmissionState(tx, submission.id, submission.version, {
        deadlineOverride: deadline,
      });
      if (!updated) return conflict('stale_version');
    }
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'submission.extend_deadline',
      entityType: 'submission',
      entityId: submission!.id,
      organisationId: input.organisationId,
      before: { deadlineOverride: before },
      after: { deadlineOverride: deadline },
      ip: actor!.ip,
    });
    return ok({ deadline: deadline ?? year.deadline });
  });
}
