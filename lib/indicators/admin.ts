// The indicator catalogue is data: add an indicator for a year, edit labels and help texts,
// retire one; delete only one that no submission has used.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { indicators, indicatorYears, reportingYears, submissionValues } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { conflict, invalid, notFound, ok } from '@/lib/result';
import { isDatabaseId, isYearNumber } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';
import { fieldErrorsOf } from '@/lib/years/years';

const storable = (max: number) => (text: string) => textProblem(text, max) === null;

const label = () =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(200, { error: 'too_long' })
    .refine(storable(200), { error: 'invalid_characters' });
const help = () =>
  z
    .string({ error: 'invalid_characters' })
    .trim()
    .max(2000, { error: 'too_long' })
    .refine(storable(2000), { error: 'invalid_characters' })
    .default('');

const textsSchema = z.object({
  labelDa: label(),
  labelEn: label(),
  helpDa: help(),
  helpEn: help(),
});

export const newIndicatorSchema = textsSchema.extend({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'key_invalid' })
    .max(60, { error: 'key_invalid' }),
  kind: z.enum(['companies', 'count', 'amount_dkk', 'share'], { error: 'kind_invalid' }),
  groupKey: z.enum(['companies', 'knowledge_institutions', 'activities', 'resources', 'survey'], {
    error: 'group_invalid',
  }),
  year: z.coerce
    .number({ error: 'year_invalid' })
    .int({ error: 'year_invalid' })
    .refine(isYearNumber, { error: 'year_invalid' }),
});

export async function listIndicators(db: Database, actor: Actor | null) {
  const denied = await checkAdmin(db, actor, 'indicator.read');
  if (denied) return denied;
  const rows = await db.select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.key));
  const years = await db.select().from(indicatorYears);
  const used = await db
    .select({ indicatorId: submissionValues.indicatorId, n: count() })
    .from(submissionValues)
    .groupBy(submissionValues.indicatorId);
  const usedBy = new Map(used.map((row) => [row.indicatorId, Number(row.n)]));
  return ok(
    rows.map((row) => ({
      ...row,
      years: years
        .filter((entry) => entry.indicatorId === row.id)
        .map((entry) => entry.year)
        .sort(),
      usedValues: usedBy.get(row.id) ?? 0,
    })),
  );
}

export async function addIndicator(db: Database, actor: Actor | null, input: Record<string, unknown>) {
  const denied = await checkAdmin(db, actor, 'indicator.create');
  if (denied) return denied;
  const parsed = newIndicatorSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_input', fieldErrorsOf(parsed.error));
  const { year, ...values } = parsed.data;
  return db.transaction(async (tx) => {
    const [yearRow] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year));
    if (!yearRow) return invalid('invalid_input', { year: ['year_not_found'] });
    const [existing] = await tx.select().from(indicators).where(eq(indicators.key, values.key));
    let id: number;
    if (existing) {
      // an existing key is added to the year rather than created twice
      const [link] = await tx
        .select()
        .from(indicatorYears)
        .where(and(eq(indicatorYears.indicatorId, existing.id), eq(indicatorYears.year, year)));
      if (link) return invalid('invalid_input', { key: ['key_taken'] });
      if (existing.retiredAt) return invalid('invalid_input', { key: ['indicator_retired'] });
      id = existing.id;
    } else {
      const [{ max } = { max: 0 }] = await tx
        .select({ max: sql<number>`coalesce(max(${indicators.sortOrder}), 0)` })
        .from(indicators);
      const [row] = await tx
        .insert(indicators)
        .values({ ...values, sortOrder: Number(max) + 10 })
        .returning({ id: indicators.id });
      id = row!.id;
    }
    await tx.insert(indicatorYears).values({ indicatorId: id, year });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'indicator.add',
      entityType: 'indicator',
      entityId: id,
      after: { ...values, year },
      ip: actor!.ip,
    });
    return ok({ id });
  });
}

export async function updateIndicatorTexts(
  db: Database,
  actor: Actor | null,
  input: { id: number } & Record<string, unknown>,
) {
  const denied = await checkAdmin(db, actor, 'indicator.update');
  if (denied) return denied;
  if (!isDatabaseId(input.id)) return notFound('indicator_not_found');
  const parsed = textsSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_input', fieldErrorsOf(parsed.error));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicators).where(eq(indicators.id, input.id));
    if (!before) return notFound('indicator_not_found');
    await tx.update(indicators).set(parsed.data).where(eq(indicators.id, input.id));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: input.id,
      before: {
        labelDa: before.labelDa,
        labelEn: before.labelEn,
        helpDa: before.helpDa,
        helpEn: before.helpEn,
      },
      after: parsed.data,
      ip: actor!.ip,
    });
    return ok({ id: input.id });
  });
}

/** Retired: kept for the years that used it, offered to no new year. */
export async function retireIndicator(db: Database, actor: Actor | null, input: { id: number }) {
  const denied = await checkAdmin(db, actor, 'indicator.retire');
  if (denied) return denied;
  if (!isDatabaseId(input.id)) return notFound('indicator_not_found');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicators).where(eq(indicators.id, input.id));
    if (!before) return notFound('indicator_not_found');
    if (before.retiredAt) return conflict('already_retired');
    const retiredAt = new Date();
    await tx.update(indicators).set({ retiredAt }).where(eq(indicators.id, input.id));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'indicator.retire',
      entityType: 'indicator',
      entityId: input.id,
      before: { retiredAt: null },
      after: { retiredAt: retiredAt.toISOString() },
      ip: actor!.ip,
    });
    return ok({ id: input.id });
  });
}

/** Deletes an indicator no submission has a value for; a used one can only be retired. */
export async function deleteIndicator(db: Database, actor: Actor | null, input: { id: number }) {
  const denied = await checkAdmin(db, actor, 'indicator.delete');
  if (denied) return denied;
  if (!isDatabaseId(input.id)) return notFound('indicator_not_found');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicators).where(eq(indicators.id, input.id));
    if (!before) return notFound('indicator_not_found');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(submissionValues)
      .where(eq(submissionValues.indicatorId, input.id));
    if (Number(n) > 0) return conflict('indicator_in_use');
    const [{ children } = { children: 0 }] = await tx
      .select({ children: count() })
      .from(indicators)
      .where(eq(indicators.parentId, input.id));
    if (Number(children) > 0) return conflict('indicator_has_children');
    await tx.delete(indicatorYears).where(eq(indicatorYears.indicatorId, input.id));
    await tx.delete(indicators).where(eq(indicators.id, input.id));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'indicator.delete',
      entityType: 'indicator',
      entityId: input.id,
      before: { key: before.key, labelDa: before.labelDa, labelEn: before.labelEn },
      ip: actor!.ip,
    });
    return ok({ id: input.id });
  });
}
