// Organisations: create, edit, deactivate (from a year on). Slug, kind, field, region. Each is an
// adminAction (lib/actions): authorised, zod-parsed, one transaction, audited.
import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { fieldNames, organisations } from '@/db/schema';
import { adminAction } from '@/lib/actions/define';
import { ORGANISATION_KINDS, REGIONS } from '@/lib/domain';
import { invalid, notFound, ok } from '@/lib/result';
import { databaseId, wholeNumber, yearNumber } from '@/lib/validation/input';
import { storableText, textProblem } from '@/lib/validation/text';

const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** An optional text: blank or left out of the input reads as not written (null). */
const optionalText = (max: number) =>
  z
    .preprocess(emptyToNull, storableText({ max }).nullish())
    .optional()
    .transform((text) => text ?? null);

export const organisationSchema = z
  .object({
    slug: z
      .string({ error: 'slug_invalid' })
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'slug_invalid' })
      .max(80, { error: 'slug_invalid' }),
    name: storableText({ max: 200, required: true }),
    kind: z.enum(ORGANISATION_KINDS, { error: 'kind_invalid' }),
    field: storableText({ max: 100, required: true }),
    // the field's English form: kept once per field name, so it reads the same for every organisation
    fieldEn: storableText({ max: 100, required: true }),
    description: optionalText(1000),
    descriptionEn: optionalText(1000),
    region: z.enum(REGIONS, { error: 'region_invalid' }),
    website: z.preprocess(
      emptyToNull,
      z
        .url({ protocol: /^https?$/, error: 'url_invalid' })
        .max(300, { error: 'url_invalid' })
        .refine((text) => textProblem(text, 300) === null, { error: 'url_invalid' })
        .nullable(),
    ),
    activeFrom: wholeNumber('year_invalid', { min: 2000, max: 2100 }),
  })
  // a description the public reads in one language only is half a description
  .superRefine((organisation, context) => {
    if (organisation.description !== null && organisation.descriptionEn === null)
      context.addIssue({ code: 'custom', path: ['descriptionEn'], message: 'description_en_required' });
    if (organisation.description === null && organisation.descriptionEn !== null)
      context.addIssue({ code: 'custom', path: ['description'], message: 'description_da_required' });
  });

type OrganisationInput = z.infer<typeof organisationSchema>;

/** The organisation's own columns (the field's English form is kept in field_names). */
function organisationColumns({ fieldEn: _fieldEn, ...columns }: OrganisationInput) {
  return columns;
}

export async function englishFieldName(db: Database, field: string): Promise<string | null> {
  const [row] = await db
    .select({ nameEn: fieldNames.nameEn })
    .from(fieldNames)
    .where(eq(fieldNames.nameDa, field));
  return row?.nameEn ?? null;
}

/** Keeps the English form of a field name; every organisation of the field reads it. */
async function saveEnglishFieldName(db: Database, field: string, nameEn: string) {
  await db
    .insert(fieldNames)
    .values({ nameDa: field, nameEn })
    .onConflictDoUpdate({ target: fieldNames.nameDa, set: { nameEn, updatedAt: new Date() } });
}

async function slugTaken(db: Database, slug: string, exceptId?: number) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  return row !== undefined && row.id !== exceptId;
}

export const createOrganisation = adminAction(
  organisationSchema,
  async ({ tx, audit }, input) => {
    if (await slugTaken(tx, input.slug)) return invalid('invalid_input', { slug: ['slug_taken'] });
    const fieldEnBefore = await englishFieldName(tx, input.field);
    const [row] = await tx.insert(organisations).values(organisationColumns(input)).returning();
    if (!row) return notFound('organisation_not_found');
    await saveEnglishFieldName(tx, input.field, input.fieldEn);
    await audit({
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: row.id,
      organisationId: row.id,
      ...(fieldEnBefore !== null && fieldEnBefore !== input.fieldEn
        ? { before: { fieldEn: fieldEnBefore } }
        : {}),
      after: input,
    });
    return ok({ id: row.id, slug: row.slug });
  },
  { name: 'organisation.create' },
);

export const updateOrganisation = adminAction(
  organisationSchema.and(z.object({ id: databaseId('organisation_not_found') })),
  async ({ tx, audit }, { id, ...input }) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id));
    if (!before) return notFound('organisation_not_found');
    if (await slugTaken(tx, input.slug, id)) return invalid('invalid_input', { slug: ['slug_taken'] });
    if (before.activeTo != null && input.activeFrom > before.activeTo)
      return invalid('invalid_input', { activeFrom: ['year_invalid'] });
    const fieldEnBefore = await englishFieldName(tx, input.field);
    const columns = organisationColumns(input);
    await tx.update(organisations).set(columns).where(eq(organisations.id, id));
    await saveEnglishFieldName(tx, input.field, input.fieldEn);
    await audit({
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      before: {
        ...Object.fromEntries(Object.keys(columns).map((key) => [key, before[key as keyof typeof before]])),
        fieldEn: fieldEnBefore,
      },
      after: input,
    });
    return ok({ id });
  },
  { name: 'organisation.update' },
);

/** Deactivate: the organisation reports for the last time in `lastYear` (empty or null reactivates). */
export const setOrganisationActiveTo = adminAction(
  z.object({
    id: databaseId('organisation_not_found'),
    lastYear: z.preprocess((value) => (value === '' ? null : value), yearNumber().nullable()),
  }),
  async ({ tx, audit }, { id, lastYear }) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id));
    if (!before) return notFound('organisation_not_found');
    if (lastYear != null && lastYear < before.activeFrom)
      return invalid('invalid_input', { lastYear: ['year_before_active_from'] });
    await tx.update(organisations).set({ activeTo: lastYear }).where(eq(organisations.id, id));
    await audit({
      action: lastYear == null ? 'organisation.reactivate' : 'organisation.deactivate',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      before: { activeTo: before.activeTo },
      after: { activeTo: lastYear },
    });
    return ok({ id });
  },
  { name: 'organisation.deactivate' },
);
