// The secretariat keeps the year's evidence statements: add, edit, remove. Each is an adminAction
// (lib/actions): authorised, zod-parsed, one transaction, audited. The public sees them only through
// a publication, which freezes the year's statements as they are at that moment.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { evidenceStatements, reportingYears } from '@/db/schema';
import { adminAction } from '@/lib/actions/define';
import { invalid, notFound, ok } from '@/lib/result';
import { digitsToNumber, isDatabaseId, wholeNumber as wholeNumberField } from '@/lib/validation/input';
import { storableText } from '@/lib/validation/text';
import { EVIDENCE_UNITS } from './types';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
// Danish forms write 3,6 for 3.6
const decimalComma = (value: unknown) => {
  const blank = blankToNull(value);
  return typeof blank === 'string' ? numberText(blank.trim().replace(',', '.')) : blank;
};

// a number typed into a form: digits (with a decimal comma or point) become a number; anything
// else stays as it is, for the schema to refuse
const numberText = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
const wholeNumber = (value: unknown) => {
  const blank = blankToNull(value);
  return typeof blank === 'string' ? numberText(blank.trim()) : blank;
};

/** A field that may be left empty: blank, null or left out of the input all read as null. */
function optional<T extends z.ZodType>(prepare: (value: unknown) => unknown, schema: T) {
  return z
    .preprocess(prepare, schema.nullish())
    .optional()
    .transform((value) => value ?? null);
}

export const evidenceSchema = z
  .object({
    key: z
      .string({ error: 'key_invalid' })
      .trim()
      .regex(/^[a-z][a-z0-9_]*$/, { error: 'key_invalid' })
      .max(60, { error: 'key_invalid' }),
    sortOrder: z.coerce
      .number({ error: 'sort_order_invalid' })
      .int({ error: 'sort_order_invalid' })
      .min(0, { error: 'sort_order_invalid' })
      .max(100_000, { error: 'sort_order_invalid' }),
    value: optional(
      decimalComma,
      z
        .number({ error: 'value_invalid' })
        .refine(Number.isFinite, { error: 'value_invalid' })
        .refine((n) => Math.abs(n) <= 1_000_000_000, { error: 'value_invalid' }),
    ),
    unit: optional(blankToNull, z.enum(EVIDENCE_UNITS, { error: 'unit_invalid' })),
    textDa: storableText({ max: 1000, required: true }),
    textEn: storableText({ max: 1000, required: true }),
    sourceTitle: storableText({ max: 300, required: true }),
    sourcePublisher: storableText({ max: 300, required: true }),
    sourceYear: optional(
      wholeNumber,
      z
        .number({ error: 'year_invalid' })
        .int({ error: 'year_invalid' })
        .min(1900, { error: 'year_invalid' })
        .max(2100, { error: 'year_invalid' }),
    ),
    sourceUrl: optional(
      blankToNull,
      z
        .url({ protocol: /^https?$/, error: 'url_invalid' })
        .max(500, { error: 'url_invalid' })
        .refine((text) => storableText({ max: 500 }).safeParse(text).success, { error: 'url_invalid' }),
    ),
  })
  .superRefine((statement, context) => {
    // a figure says nothing without its unit, and a unit nothing without a figure
    if (statement.value !== null && statement.unit === null)
      context.addIssue({ code: 'custom', path: ['unit'], message: 'unit_required' });
    if (statement.value === null && statement.unit !== null)
      context.addIssue({ code: 'custom', path: ['value'], message: 'value_required' });
  });

export type EvidenceInput = z.infer<typeof evidenceSchema>;

const toColumns = (data: EvidenceInput) => ({
  key: data.key,
  sortOrder: data.sortOrder,
  value: data.value,
  unit: data.unit,
  textDa: data.textDa,
  textEn: data.textEn,
  sourceTitle: data.sourceTitle,
  sourcePublisher: data.sourcePublisher,
  sourceYear: data.sourceYear,
  sourceUrl: data.sourceUrl,
});

/** The row behind an id from a form, locked for the change; none for an id that names no statement. */
async function statementFor(tx: Database, id: unknown) {
  if (!isDatabaseId(id)) return undefined;
  const [row] = await tx.select().from(evidenceStatements).where(eq(evidenceStatements.id, id)).for('update');
  return row;
}

async function keyTaken(tx: Database, year: number, key: string, exceptId?: number) {
  const [taken] = await tx
    .select({ id: evidenceStatements.id })
    .from(evidenceStatements)
    .where(and(eq(evidenceStatements.year, year), eq(evidenceStatements.key, key)));
  return taken !== undefined && taken.id !== exceptId;
}

export const createEvidence = adminAction(
  evidenceSchema.and(z.object({ year: wholeNumberField('year_invalid', { min: 1, max: 9999 }) })),
  async ({ tx, actor, audit }, { year, ...statement }) => {
    const [yearRow] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year));
    if (!yearRow) return invalid('invalid_input', { year: ['year_not_found'] });
    if (await keyTaken(tx, year, statement.key))
      return invalid('invalid_input', { key: ['evidence_key_taken'] });
    const [row] = await tx
      .insert(evidenceStatements)
      .values({ year, ...toColumns(statement), updatedBy: actor.userId })
      .returning({ id: evidenceStatements.id });
    if (!row) return notFound('evidence_not_found');
    await audit({
      action: 'evidence.create',
      entityType: 'evidence_statement',
      entityId: row.id,
      after: { year, ...toColumns(statement) },
    });
    return ok({ id: row.id });
  },
  { name: 'evidence.create' },
);

// an id that is not one (from a form or a URL) names no statement: not found, like a deleted one;
// a form posts the id as digits
const anyId = z.object({ id: z.preprocess(digitsToNumber, z.unknown()) });

export const updateEvidence = adminAction(
  evidenceSchema.and(anyId),
  async ({ tx, actor, audit }, { id, ...statement }) => {
    const before = await statementFor(tx, id);
    if (!before) return notFound('evidence_not_found');
    if (await keyTaken(tx, before.year, statement.key, before.id))
      return invalid('invalid_input', { key: ['evidence_key_taken'] });
    const columns = toColumns(statement);
    await tx
      .update(evidenceStatements)
      .set({ ...columns, updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(evidenceStatements.id, before.id));
    await audit({
      action: 'evidence.update',
      entityType: 'evidence_statement',
      entityId: before.id,
      before: { year: before.year, ...toColumns({ ...before } as EvidenceInput) },
      after: { year: before.year, ...columns },
    });
    return ok({ id: before.id, year: before.year });
  },
  { name: 'evidence.update' },
);

export const deleteEvidence = adminAction(
  anyId,
  async ({ tx, audit }, { id }) => {
    const before = await statementFor(tx, id);
    if (!before) return notFound('evidence_not_found');
    await tx.delete(evidenceStatements).where(eq(evidenceStatements.id, before.id));
    await audit({
      action: 'evidence.delete',
      entityType: 'evidence_statement',
      entityId: before.id,
      before: { year: before.year, ...toColumns({ ...before } as EvidenceInput) },
    });
    return ok({ id: before.id, year: before.year });
  },
  { name: 'evidence.delete' },
);
