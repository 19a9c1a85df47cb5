// Who is acting. Every lib/ function that touches non-public data takes an Actor and checks it
// itself (lib/auth/permissions.ts); the session layer (lib/auth/session.ts) only resolves it.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';

export interface Actor {
  userId: number;
  email: string;
  name: string;
  role: 'admin' | 'staff';
  organisationIds: number[];
  /** whether the user has a second factor enrolled (admins must, before anything else) */
  totpEnabled: boolean;
  ip?: string | null;
}

/**
 * Re-reads the user behind a session: a disabled user, or a session from before "log out
 * everywhere" (an older session version), has no actor.
 */
export async function loadActor(
  db: Database,
  userId: number,
  sessionVersion: number,
  ip?: string | null,
): Promise<Actor | null> {
  // both at once: every signed-in request starts here, and under load each round trip waits
  const [[user], rows] = await Promise.all([
    db
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.disabled, false))),
    db
      .select({ organisationId: memberships.organisationId })
      .from(memberships)
      .where(eq(memberships.userId, userId)),
  ]);
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationIds: rows.map((row) => row.organisationId),
    totpEnabled: user.totpEnabledAt != null,
    ip: ip ?? null,
  };
}
