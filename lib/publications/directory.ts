// The public description of organisations (website, description): public information kept on the
// organisation record, read without a session. Figures never come from here, only from publications.
import { asc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { organisations } from '@/db/schema';
import type { OrganisationDetails } from './open-data';

export async function listOrganisationDetails(
  db: Database,
): Promise<({ slug: string } & OrganisationDetails)[]> {
  return db
    .select({
      slug: organisations.slug,
      website: organisations.website,
      description: organisations.description,
    })
    .from(organisations)
    .orderBy(asc(organisations.slug));
}
