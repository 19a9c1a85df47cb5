// Reporting years: create (with the previous year's indicators), open, set the deadline, close,
// reopen with a reason; exclusions of organisations with a reason. Each change is audited.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { indicators, indicatorYears, organisations, reportingYears, yearExclusions } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { conflict, type FieldErrors, invalid, notFound, ok } from '@/lib/result';
import { isNull } from 'drizzle-orm';
import { isDatabaseId, isoDateSchema, isYearNumber } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';

const isoDate = isoDateSchema;

export const createYearSchema = z
  .object({
    year: z.coerce
      .number({ error: 'year_invalid' })
      .int({ error: 'year_invalid' })
      .min(2000, { error: 'year_invalid' })
      .max(2100, { error: 'year_invalid' }),
    opensOn: isoDate,
    deadline: isoDate,
  })
  .refine((value) => value.deadline >= value.opensOn, { path: ['deadline'], error: 'deadline_before_open' });

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}
export { fieldErrorsOf };

export async function listYears(db: Database, actor: Actor | null) {
  const denied = await checkAdmin(db, actor, 'year.read');
  if (denied) return denied;
  return ok(await db.select().from(reportingYears).orderBy(desc(reportingYears.year)));
}

export async function createReportingYear(
  db: Database,
  actor: Actor | null,
  input: { year: unknown; opensOn: unknown; deadline: unknown },
) {
  const denied = await checkAdmin(db, actor, 'year.create');
  if (denied) return denied;
  const parsed = createYearSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_input', fieldErrorsOf(parsed.error));
  const { year, opensOn, deadline } = parsed.data;
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year));
    if (existing) return invalid('invalid_input', { year: ['year_exists'] });
    await tx.insert(reportingYears).values({ year, edition: year + 1, opensOn, deadline, state: 'open' });
    // the new year uses what the latest earlier year used, retired indicators left out
    const [previous] = await tx
      .select({ year: reportingYears.year })
      .from(reportingYears)
      .where(and(eq(reportingYears.year, year - 1)));
    let copied = 0;
    if (previous) {
      const used = await tx
        .select({ indicatorId: indicatorYears.indicatorId })
        .from(indicatorYears)
        .innerJoin(indicators, eq(indicators.id, indicatorYears.indicatorId))
        .where(and(eq(indicatorYears.year, previous.year), isNull(indicators.retiredAt)));
      if (used.length > 0) {
        await tx.insert(indicatorYears).values(used.map((row) => ({ indicatorId: row.indicatorId, year })));
        copied = used.length;
      }
    }
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'year.create',
      entityType: 'reporting_year',
      entityId: year,
      after: { year, edition: year + 1, opensOn, deadline, state: 'open', indicators: copied },
      ip: actor!.ip,
    });
    return ok({ year, indicators: copied });
  });
}

type YearChange =
  | { kind: 'deadline'; deadline: string }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'reopen'; reason: string };

const YEAR_CHANGES = ['deadline', 'open', 'close', 'reopen'];

export async function changeYear(
  db: Database,
  actor: Actor | null,
  input: { year: number; change: YearChange },
) {
  // the kind names the audited action: only a known one gets that far
  const kind = (input?.change as { kind?: unknown } | null | undefined)?.kind;
  if (typeof kind !== 'string' || !YEAR_CHANGES.includes(kind)) return invalid('invalid_input');
  const denied = await checkAdmin(db, actor, `year.${kind}`);
  if (denied) return denied;
  if (!isYearNumber(input.year)) return invalid('invalid_input', { year: ['year_invalid'] });
  const change = input.change;
  if (change.kind === 'deadline' && !isoDate.safeParse(change.deadline).success) {
    return invalid('invalid_input', { deadline: ['date_invalid'] });
  }
  if (change.kind === 'reopen') {
    if (typeof change.reason !== 'string' || !change.reason.trim())
      return invalid('invalid_input', { reason: ['reason_required'] });
    const problem = textProblem(change.reason.trim(), 1000);
    if (problem)
      return invalid('invalid_input', {
        reason: [problem === 'too_long' ? 'reason_too_long' : 'invalid_characters'],
      });
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(reportingYears)
      .where(eq(reportingYears.year, input.year))
      .for('update');
    if (!before) return notFound('year_not_found');
    const today = new Date().toISOString().slice(0, 10);
    let patch: Partial<typeof reportingYears.$inferInsert>;
    switch (change.kind) {
      case 'deadline':
        if (change.deadline < before.opensOn)
          return invalid('invalid_input', { deadline: ['deadline_before_open'] });
        patch = { deadline: change.deadline };
        break;
      case 'open':
        // opening now: reporting starts today if it was planned for later
        if (before.state !== 'open') return conflict('year_not_open_state');
        if (before.opensOn <= today) return conflict('year_already_open');
        // biome-ignore lint/complexity/useMathMinMax: ISO date strings, which Math.max would turn into NaN
        patch = { opensOn: today, deadline: before.deadline < today ? today : before.deadline };
        break;
      case 'close':
        if (before.state !== 'open') return conflict('year_not_open');
        patch = { state: 'closed' };
        break;
      case 'reopen':
        if (before.state === 'open') return conflict('year_already_open');
        patch = { state: 'open' };
        break;
    }
    await tx.update(reportingYears).set(patch).where(eq(reportingYears.year, input.year));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: `year.${change.kind}`,
      entityType: 'reporting_year',
      entityId: input.year,
      before: { state: before.state, opensOn: before.opensOn, deadline: before.deadline },
      after: { ...patch, ...(change.kind === 'reopen' ? { reason: change.reason.trim() } : {}) },
      ip: actor!.ip,
    });
    return ok({ year: input.year });
  });
}

export async function excludeOrganisation(
  db: Database,
  actor: Actor | null,
  input: { year: number; organisationId: number; reason: string },
) {
  const denied = await checkAdmin(db, actor, 'year.exclude');
  if (denied) return denied;
  if (!isYearNumber(input.year) || !isDatabaseId(input.organisationId)) return invalid('invalid_input');
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) return invalid('invalid_input', { reason: ['reason_required'] });
  if (reason.length > 1000) return invalid('invalid_input', { reason: ['reason_too_long'] });
  if (textProblem(reason, 1000)) return invalid('invalid_input', { reason: ['invalid_characters'] });
  return db.transaction(async (tx) => {
    const [year] = await tx.select().from(reportingYears).where(eq(reportingYears.year, input.year));
    if (!year) return notFound('year_not_found');
    const [organisation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!organisation) return notFound('organisation_not_found');
    const [existing] = await tx
      .select()
      .from(yearExclusions)
      .where(
        and(eq(yearExclusions.year, input.year), eq(yearExclusions.organisationId, input.organisationId)),
      );
    if (existing) return conflict('already_excluded');
    await tx
      .insert(yearExclusions)
      .values({ year: input.year, organisationId: input.organisationId, reason, createdBy: actor!.userId });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'year.exclude',
      entityType: 'reporting_year',
      entityId: input.year,
      organisationId: input.organisationId,
      after: { reason },
      ip: actor!.ip,
    });
    return ok({ year: input.year });
  });
}

export async function includeOrganisation(
  db: Database,
  actor: Actor | null,
  input: { year: number; organisationId: number },
) {
  const denied = await checkAdmin(db, actor, 'year.include');
  if (denied) return denied;
  if (!isYearNumber(input.year) || !isDatabaseId(input.organisationId)) return invalid('invalid_input');
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(yearExclusions)
      .where(
        and(eq(yearExclusions.year, input.year), eq(yearExclusions.organisationId, input.organisationId)),
      );
    if (!existing) return notFound('exclusion_not_found');
    await tx
      .delete(yearExclusions)
      .where(
        and(eq(yearExclusions.year, input.year), eq(yearExclusions.organisationId, input.organisationId)),
      );
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'year.include',
      entityType: 'reporting_year',
      entityId: input.year,
      organisationId: input.organisationId,
      before: { reason: existing.reason },
      ip: actor!.ip,
    });
    return ok({ year: input.year });
  });
}
