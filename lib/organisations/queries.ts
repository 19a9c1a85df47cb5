// Reads of the organisations, for the secretariat (the public catalogue reads publications).
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { fieldNames, organisations } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { notFound, ok } from '@/lib/result';
import { isDatabaseId } from '@/lib/validation/input';

export type OrganisationRow = typeof organisations.$inferSelect;

export const listOrganisations = adminQuery('organisation.read', async ({ db }, _input?: undefined) => {
  const rows = await db
    .select({ organisation: organisations, fieldEn: fieldNames.nameEn })
    .from(organisations)
    .leftJoin(fieldNames, eq(fieldNames.nameDa, organisations.field))
    .orderBy(asc(organisations.name));
  return ok(rows.map((row) => ({ ...row.organisation, fieldEn: row.fieldEn })));
});

export const getOrganisation = adminQuery('organisation.read', async ({ db }, id: number) => {
  if (!isDatabaseId(id)) return notFound('organisation_not_found');
  const [row] = await db
    .select({ organisation: organisations, fieldEn: fieldNames.nameEn })
    .from(organisations)
    .leftJoin(fieldNames, eq(fieldNames.nameDa, organisations.field))
    .where(eq(organisations.id, id));
  return row ? ok({ ...row.organisation, fieldEn: row.fieldEn }) : notFound('organisation_not_found');
});

// ---- for the pages: this request's database and actor ----

export const readOrganisations = forRequest(listOrganisations);
export const readOrganisation = forRequest(getOrganisation);
