// The public description of organisations (website, description in Danish and English) and the
// English form of each field name: public information kept beside the organisation records, read
// without a session. Figures never come from here, only from publications.
import 'server-only';
import { asc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fieldNames, organisations } from '@/db/schema';
import type { PublicNames } from './open-data';

export async function listPublicNames(db: Database): Promise<PublicNames> {
  const [details, fields] = await Promise.all([
    db
      .select({
        slug: organisations.slug,
        website: organisations.website,
        descriptionDa: organisations.description,
        descriptionEn: organisations.descriptionEn,
      })
      .from(organisations)
      .orderBy(asc(organisations.slug)),
    db.select({ nameDa: fieldNames.nameDa, nameEn: fieldNames.nameEn }).from(fieldNames),
  ]);
  return {
    fields: Object.fromEntries(fields.map((row) => [row.nameDa, row.nameEn])),
    organisations: Object.fromEntries(
      details.map((row) => [
        row.slug,
        { website: row.website, description: { da: row.descriptionDa, en: row.descriptionEn } },
      ]),
    ),
  };
}
