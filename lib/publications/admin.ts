// The secretariat's publishing step: the session check around publishYear, and the live
// accounts (with last year's for the change) before publishing.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { publications, users } from '@/db/schema';
import { computeNationalAccounts } from '@/lib/accounts/compute';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { invalid, notFound, ok } from '@/lib/result';
import { publishYear } from './publish';

export async function publishAccounts(
  db: Database,
  actor: Actor | null,
  input: { year: number; changeNote?: string | null },
) {
  const denied = await checkAdmin(db, actor, 'publication.publish');
  if (denied) return denied;
  if ((input.changeNote?.length ?? 0) > 4000)
    return invalid('invalid_input', { changeNote: ['note_too_long'] });
  return publishYear(db, {
    year: input.year,
    actorId: actor!.userId,
    actorEmail: actor!.email,
    changeNote: input.changeNote,
  });
}

export async function getLiveAccounts(db: Database, actor: Actor | null, input: { year: number }) {
  const denied = await checkAdmin(db, actor, 'accounts.live.read');
  if (denied) return denied;
  const [current, previous] = await Promise.all([
    computeNationalAccounts(db, input.year),
    computeNationalAccounts(db, input.year - 1),
  ]);
  if (!current) return notFound('year_not_found');
  return ok({ current, previous });
}

export async function listPublicationVersions(db: Database, actor: Actor | null, input: { year: number }) {
  const denied = await checkAdmin(db, actor, 'publication.read');
  if (denied) return denied;
  const rows = await db
    .select({
      version: publications.version,
      publishedAt: publications.publishedAt,
      changeNote: publications.changeNote,
      publishedBy: users.email,
    })
    .from(publications)
    .leftJoin(users, eq(users.id, publications.publishedBy))
    .where(eq(publications.year, input.year))
    .orderBy(asc(publications.version));
  return ok(rows);
}
