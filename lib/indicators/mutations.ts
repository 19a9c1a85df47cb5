// The indicator catalogue is data: add an indicator for a year, edit labels and help texts,
// retire one; delete only one that no submission has used. Each is an adminAction (lib/actions).
import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { indicators, indicatorYears, reportingYears, submissionValues } from '@/db/schema';
import { adminAction } from '@/lib/actions/define';
import { INDICATOR_GROUPS, INDICATOR_KINDS } from '@/lib/domain';
import { conflict, invalid, notFound, ok } from '@/lib/result';
import { databaseId, yearNumber } from '@/lib/validation/input';
import { storableText } from '@/lib/validation/text';

const label = () => storableText({ max: 200, required: true });
const help = () => storableText({ max: 2000 }).default('');

const textsSchema = z.object({ labelDa: label(), labelEn: label(), helpDa: help(), helpEn: help() });

export const newIndicatorSchema = textsSchema.extend({
  key: z
    .string({ error: 'key_invalid' })
    .trim()
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'key_invalid' })
    .max(60, { error: 'key_invalid' }),
  kind: z.enum(INDICATOR_KINDS, { error: 'kind_invalid' }),
  groupKey: z.enum(INDICATOR_GROUPS, { error: 'group_invalid' }),
  year: yearNumber(),
});

export const addIndicator = adminAction(
  newIndicatorSchema,
  async ({ tx, audit }, { year, ...values }) => {
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
      if (!row) return conflict('key_taken');
      id = row.id;
    }
    await tx.insert(indicatorYears).values({ indicatorId: id, year });
    await audit({
      action: 'indicator.add',
      entityType: 'indicator',
      entityId: id,
      after: { ...values, year },
    });
    return ok({ id });
  },
  { name: 'indicator.create' },
);

const byId = z.object({ id: databaseId('indicator_not_found') });

async function indicatorById(tx: Database, id: number) {
  const [row] = await tx.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

export const updateIndicatorTexts = adminAction(
  textsSchema.extend(byId.shape),
  async ({ tx, audit }, { id, ...texts }) => {
    const before = await indicatorById(tx, id);
    if (!before) return notFound('indicator_not_found');
    await tx.update(indicators).set(texts).where(eq(indicators.id, id));
    await audit({
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: id,
      before: {
        labelDa: before.labelDa,
        labelEn: before.labelEn,
        helpDa: before.helpDa,
        helpEn: before.helpEn,
      },
      after: texts,
    });
    return ok({ id });
  },
  { name: 'indicator.update' },
);

/** Retired: kept for the years that used it, offered to no new year. */
export const retireIndicator = adminAction(
  byId,
  async ({ tx, audit }, { id }) => {
    const before = await indicatorById(tx, id);
    if (!before) return notFound('indicator_not_found');
    if (before.retiredAt) return conflict('already_retired');
    const retiredAt = new Date();
    await tx.update(indicators).set({ retiredAt }).where(eq(indicators.id, id));
    await audit({
      action: 'indicator.retire',
      entityType: 'indicator',
      entityId: id,
      before: { retiredAt: null },
      after: { retiredAt: retiredAt.toISOString() },
    });
    return ok({ id });
  },
  { name: 'indicator.retire' },
);

/** Deletes an indicator no submission has a value for; a used one can only be retired. */
export const deleteIndicator = adminAction(
  byId,
  async ({ tx, audit }, { id }) => {
    const before = await indicatorById(tx, id);
    if (!before) return notFound('indicator_not_found');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(submissionValues)
      .where(eq(submissionValues.indicatorId, id));
    if (Number(n) > 0) return conflict('indicator_in_use');
    const [{ children } = { children: 0 }] = await tx
      .select({ children: count() })
      .from(indicators)
      .where(eq(indicators.parentId, id));
    if (Number(children) > 0) return conflict('indicator_has_children');
    await tx.delete(indicatorYears).where(eq(indicatorYears.indicatorId, id));
    await tx.delete(indicators).where(eq(indicators.id, id));
    await audit({
      action: 'indicator.delete',
      entityType: 'indicator',
      entityId: id,
      before: { key: before.key, labelDa: before.labelDa, labelEn: before.labelEn },
    });
    return ok({ id });
  },
  { name: 'indicator.delete' },
);
