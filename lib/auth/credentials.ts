// Sign-in checks, step by step: throttling first (nothing is verified while a key waits), then the
// password, then the second factor for users who enrolled one. The same answer for a wrong email
// and a wrong password, and the same time: unknown emails are verified against a dummy hash.
import { and, eq, isNull, like, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loginThrottles, recoveryCodes, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import { dummyPasswordHash, verifyPassword } from '@/lib/users/password';
import { storableForm } from '@/lib/validation/text';
import { ADDRESS_POLICY, EMAIL_POLICY, SECOND_FACTOR_POLICY } from './throttle-rules';
import {
  addressKey,
  clearThrottle,
  emailKey,
  recordFailure,
  secondFactorKey,
  type ThrottleKey,
  throttleWait,
} from './throttle';
import type { TicketPayload } from './ticket';
import { hashRecoveryCode, looksLikeRecoveryCode, matchTotpStep } from './totp';

export interface VerifiedUser {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'staff';
  sessionVersion: number;
}

export type PasswordCheck =
  | { kind: 'ok'; user: VerifiedUser }
  | { kind: 'second_factor'; user: VerifiedUser }
  | { kind: 'failed' }
  | { kind: 'throttled'; seconds: number };

export type SecondFactorCheck =
  | { kind: 'ok'; user: VerifiedUser; method: 'password+totp' | 'password+recovery' }
  | { kind: 'failed' }
  | { kind: 'throttled'; seconds: number };

function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: emailKey(email), policy: EMAIL_POLICY }];
  if (ip) keys.push({ key: addressKey(ip), policy: ADDRESS_POLICY });
  return keys;
}

const toVerified = (user: typeof users.$inferSelect): VerifiedUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  sessionVersion: user.sessionVersion,
});

async function auditLocks(
  db: Database,
  locked: string[],
  email: string,
  userId: number | null,
  ip: string | null,
) {
  for (const key of locked) {
    await recordAuditEvent(db, {
      actorId: userId,
      actorEmail: email,
      action: 'auth.locked',
      entityType: 'login_throttle',
      entityId: key,
      ip,
    });
  }
}

export async function checkPassword(
  db: Database,
  input: { email: string; password: string; ip: string | null; now?: Date },
): Promise<PasswordCheck> {
  const now = input.now ?? new Date();
  // whatever was typed is looked up, audited and throttled as text the database can hold: an
  // email with NUL or a lone surrogate simply matches no user (no address may contain them)
  const email = storableForm(
    String(input.email ?? '')
      .trim()
      .toLowerCase(),
    320,
  );
  const password = typeof input.password === 'string' ? input.password : '';
  const ip = input.ip == null ? null : storableForm(String(input.ip), 100);
  const keys = throttleKeys(email, ip);
  const wait = await throttleWait(db, keys, now);
  if (wait > 0) {
    await recordAuditEvent(db, {
      actorEmail: email,
      action: 'auth.sign_in_throttled',
      entityType: 'user',
      after: { waitSeconds: wait },
      ip,
    });
    return { kind: 'throttled', seconds: wait };
  }
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user?.passwordHash || !passwordOk || user.disabled) {
    await recordAuditEvent(db, {
      actorId: user?.id ?? null,
      actorEmail: email,
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      ip,
    });
    const locked = await recordFailure(db, keys, now);
    await auditLocks(db, locked, email, user?.id ?? null, ip);
    return { kind: 'failed' };
  }
  await clearThrottle(db, [emailKey(email)]);
  if (user.totpEnabledAt && user.totpSecret) return { kind: 'second_factor', user: toVerified(user) };
  await recordSignIn(db, user.id, user.email, 'password', ip);
  return { kind: 'ok', user: toVerified(user) };
}

export async function checkSecondFactor(
  db: Database,
  input: { userId: number; sessionVersion: number; code: string; ip: string | null; now?: Date },
): Promise<SecondFactorCheck> {
  const now = input.now ?? new Date();
  const code = typeof input.code === 'string' ? input.code.slice(0, 100) : '';
  const ip = input.ip == null ? null : storableForm(String(input.ip), 100);
  const keys: ThrottleKey[] = [{ key: secondFactorKey(input.userId), policy: SECOND_FACTOR_POLICY }];
  const wait = await throttleWait(db, keys, now);
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.disabled || user.sessionVersion !== input.sessionVersion || !user.totpSecret) {
    return { kind: 'failed' };
  }
  if (wait > 0) {
    await recordAuditEvent(db, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.second_factor_throttled',
      entityType: 'user',
      entityId: user.id,
      after: { waitSeconds: wait },
      ip,
    });
    return { kind: 'throttled', seconds: wait };
  }
  let method: 'password+totp' | 'password+recovery' | null = null;
  const step = await matchTotpStep(user.totpSecret, code);
  if (step !== null && (await claimTotpStep(db, user.id, step, now))) method = 'password+totp';
  else if (looksLikeRecoveryCode(code) && (await claimRecoveryCode(db, user.id, code, now))) {
    method = 'password+recovery';
  }
  if (!method) {
    await recordAuditEvent(db, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.second_factor_failed',
      entityType: 'user',
      entityId: user.id,
      ip,
    });
    const locked = await recordFailure(db, keys, now);
    await auditLocks(db, locked, user.email, user.id, ip);
    return { kind: 'failed' };
  }
  await clearThrottle(db, [keys[0]!.key]);
  await recordSignIn(db, user.id, user.email, method, ip);
  return { kind: 'ok', user: toVerified(user), method };
}

/**
 * A TOTP code works once: the time step it matched is remembered for a few minutes (in the
 * login_throttles table, beside the counters) and a second use of the same step is refused.
 */
async function claimTotpStep(db: Database, userId: number, step: number, now: Date): Promise<boolean> {
  const prefix = `totp-step:${userId}:`;
  await db
    .delete(loginThrottles)
    .where(
      and(
        like(loginThrottles.key, `${prefix}%`),
        lt(loginThrottles.lastFailureAt, new Date(now.getTime() - 5 * 60_000)),
      ),
    );
  const claimed = await db
    .insert(loginThrottles)
    .values({ key: `${prefix}${step}`, failures: 0, firstFailureAt: now, lastFailureAt: now })
    .onConflictDoNothing()
    .returning({ key: loginThrottles.key });
  return claimed.length > 0;
}

/** Marks one unused recovery code used; false when there is none matching. */
async function claimRecoveryCode(db: Database, userId: number, code: string, now: Date): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

async function recordSignIn(db: Database, userId: number, email: string, method: string, ip: string | null) {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  await recordAuditEvent(db, {
    actorId: userId,
    actorEmail: email,
    action: 'auth.sign_in',
    entityType: 'user',
    entityId: userId,
    after: { method },
    ip,
  });
}

/** What the Credentials provider accepts: a sign-in ticket for a user still enabled at that version. */
export async function userForTicket(db: Database, ticket: TicketPayload): Promise<VerifiedUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, ticket.userId));
  if (!user || user.disabled || user.sessionVersion !== ticket.sessionVersion) return null;
  return toVerified(user);
}
