// Checks an email and password against the users table. The same answer for a wrong email and a
// wrong password, and the same time: unknown emails are verified against a dummy hash.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import { dummyPasswordHash, verifyPassword } from '@/lib/users/password';

export interface VerifiedUser {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'staff';
  sessionVersion: number;
}

export async function verifyCredentials(
  db: Database,
  email: string,
  password: string,
  ip: string | null,
): Promise<VerifiedUser | null> {
  const normalised = email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normalised}`);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !passwordOk || user.disabled) {
    await recordAuditEvent(db, {
      actorId: user?.id ?? null,
      actorEmail: normalised,
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      ip,
    });
    return null;
  }
  await db.update(users).set({ lastLoginAt: new Date() }).where(sql`${users.id} = ${user.id}`);
  await recordAuditEvent(db, {
    actorId: user.id,
    actorEmail: user.email,
    action: 'auth.sign_in',
    entityType: 'user',
    entityId: user.id,
    ip,
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
