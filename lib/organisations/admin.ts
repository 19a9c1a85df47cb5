// Organisations: create, edit, deactivate (from a year on). Slug, kind, field, region.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { organisations } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { invalid, notFound, ok } from '@/lib/result';
import { isDatabaseId, isYearNumber } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';
import { fieldErrorsOf } from '@/lib/years/years';

const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const organisationSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'slug_invalid' })
    .max(80, { error: 'slug_invalid' }),
  name: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(200, { error: 'too_long' })
    .refine((text) => textProblem(text, 200) === null, { error: 'invalid_characters' }),
  kind: z.enum(['cluster', 'innovation_network'], { error: 'kind_invalid' }),
  field: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(100, { error: 'too_long' })
    .refine((text) => textProblem(text, 100) === null, { error: 'invalid_characters' }),
  region: z.enum(['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'], {
    error: 'region_invalid',
  }),
  website: z.preprocess(
    emptyToNull,
    z
      .url({ protocol: /^https?$/, error: 'url_invalid' })
      .max(300, { error: 'url_invalid' })
      .refine((text) => textProblem(text, 300) === null, { error: 'url_invalid' })
      .nullable(),
  ),
  activeFrom: z.coerce
    .number({ error: 'year_invalid' })
    .int({ error: 'year_invalid' })
    .min(2000, { error: 'year_invalid' })
    .max(2100, { error: 'year_invalid' }),
});

export async function listOrganisations(db: Database, actor: Actor | null) {
  const denied = await checkAdmin(db, actor, 'organisation.read');
  if (denied) return denied;
  return ok(await db.select().from(organisations).orderBy(asc(organisations.name)));
}

export async function getOrganisation(db: Database, actor: Actor | null, id: number) {
  const denied = await checkAdmin(db, actor, 'organisation.read');
  if (denied) return denied;
  if (!isDatabaseId(id)) return notFound('organisation_not_found');
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ? ok(row) : notFound('organisation_not_found');
}

async function slugTaken(db: Database, slug: string, exceptId?: number) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  return row !== undefined && row.id !== exceptId;
}

export async function createOrganisation(db: Database, actor: Actor | null, input: Record<string, unknown>) {
  const denied = await checkAdmin(db, actor, 'organisation.create');
  if (denied) return denied;
  const parsed = organisationSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_input', fieldErrorsOf(parsed.error));
  return db.transaction(async (tx) => {
    if (await slugTaken(tx, parsed.data.slug)) return invalid('invalid_input', { slug: ['slug_taken'] });
    const [row] = await tx.insert(organisations).values(parsed.data).returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: row!.id,
      organisationId: row!.id,
      after: parsed.data,
      ip: actor!.ip,
    });
    return ok({ id: row!.id, slug: row!.slug });
  });
}

export async function updateOrganisation(
  db: Database,
  actor: Actor | null,
  input: { id: number } & Record<string, unknown>,
) {
  const denied = await checkAdmin(db, actor, 'organisation.update');
  if (denied) return denied;
  if (!isDatabaseId(input.id)) return notFound('organisation_not_found');
  const parsed = organisationSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_input', fieldErrorsOf(parsed.error));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, input.id));
    if (!before) return notFound('organisation_not_found');
    if (await slugTaken(tx, parsed.data.slug, input.id))
      return invalid('invalid_input', { slug: ['slug_taken'] });
    if (before.activeTo != null && parsed.data.activeFrom > before.activeTo) {
      return invalid('invalid_input', { activeFrom: ['year_invalid'] });
    }
    await tx.update(organisations).set(parsed.data).where(eq(organisations.id, input.id));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: input.id,
      organisationId: input.id,
      before: pick(before, Object.keys(parsed.data)),
      after: parsed.data,
      ip: actor!.ip,
    });
    return ok({ id: input.id });
  });
}

/** Deactivate: the organisation reports for the last time in `lastYear` (null reactivates). */
export async function setOrganisationActiveTo(
  db: Database,
  actor: Actor | null,
  input: { id: number; lastYear: number | null },
) {
  const denied = await checkAdmin(db, actor, 'organisation.deactivate');
  if (denied) return denied;
  if (!isDatabaseId(input.id)) return notFound('organisation_not_found');
  if (input.lastYear != null && !isYearNumber(input.lastYear))
    return invalid('invalid_input', { lastYear: ['year_invalid'] });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, input.id));
    if (!before) return notFound('organisation_not_found');
    if (input.lastYear != null && (!Number.isInteger(input.lastYear) || input.lastYear < before.activeFrom)) {
      return invalid('invalid_input', { lastYear: ['year_before_active_from'] });
    }
    await tx.update(organisations).set({ activeTo: input.lastYear }).where(eq(organisations.id, input.id));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: input.lastYear == null ? 'organisation.reactivate' : 'organisation.deactivate',
      entityType: 'organisation',
      entityId: input.id,
      organisationId: input.id,
      before: { activeTo: before.activeTo },
      after: { activeTo: input.lastYear },
      ip: actor!.ip,
    });
    return ok({ id: input.id });
  });
}

function pick(row: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}
