import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { userIdentities, users } from '@/db/schema';

export async function findUserByIdentity(db: Database, provider: string, subject: string) {
  const [row] = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion, disabled: users.disabled })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
  return row && !row.disabled ? row : null;
}
