// Sign-in checks, step by step: throttling first (nothing is verified while a key waits), then the
// password, then the second factor for users who enrolled one. The same answer for a wrong email
// and a wrong password, and the same time: unknown emails are verified against a dummy hash.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { present } from '@/lib/invariant';
import type { Database } from '@/db/client';
import { recoveryCodes, users } from '@/db/schema';
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
  /** `pending` names this sign-in in the pending cookie: the second factor consumes it, once */
  | { kind: 'second_factor'; user: VerifiedUser; pending: string }
  | { kind: 'failed' }
  | { kind: 'throttled'; seconds: number };

export type SecondFactorCheck =
  | { kind: 'ok'; user: VerifiedUser; method: 'password+totp' | 'password+recovery' }
  | { kind: 'failed' }
  /** the pending sign-in was used already or replaced by a newer one: start again with the password */
  | { kind: 'expired' }
  | { kind: 'throttled'; seconds: number };

export type CodeCheck = { kind: 'ok' } | { kind: 'failed' } | { kind: 'throttled'; seconds: number };

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
  if (user.totpEnabledAt && user.totpSecret) {
    const pending = randomBytes(18).toString('base64url');
    await db.update(users).set({ pendingSignIn: pending }).where(eq(users.id, user.id));
    return { kind: 'second_factor', user: toVerified(user), pending };
  }
  await recordSignIn(db, user.id, user.email, 'password', ip);
  return { kind: 'ok', user: toVerified(user) };
}

export async function checkSecondFactor(
  db: Database,
  input: {
    userId: number;
    sessionVersion: number;
    /** the pending sign-in the cookie names (checkPassword's `pending`) */
    pending: string;
    code: string;
    ip: string | null;
    now?: Date;
  },
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
  if (!user.pendingSignIn || typeof input.pending !== 'string' || user.pendingSignIn !== input.pending) {
    return { kind: 'expired' };
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
  if (step !== null && (await claimTotpStep(db, user.id, step))) method = 'password+totp';
  else if (looksLikeRecoveryCode(code) && (await claimRecoveryCode(db, user.id, code, now))) {
    method = 'password+recovery';
  }
  if (!method) {
    await recordSecondFactorFailure(db, user, keys, ip, 'auth.second_factor_failed', now);
    return { kind: 'failed' };
  }
  // the pending sign-in is good once: a copy of the cookie (or a second request racing this one)
  // finds it gone
  const consumed = await db
    .update(users)
    .set({ pendingSignIn: null })
    .where(and(eq(users.id, user.id), eq(users.pendingSignIn, input.pending)))
    .returning({ id: users.id });
  if (consumed.length === 0) return { kind: 'expired' };
  await clearThrottle(db, [present(keys[0]).key]);
  await recordSignIn(db, user.id, user.email, method, ip);
  return { kind: 'ok', user: toVerified(user), method };
}

async function recordSecondFactorFailure(
  db: Database,
  user: { id: number; email: string },
  keys: ThrottleKey[],
  ip: string | null,
  action: string,
  now: Date,
) {
  await recordAuditEvent(db, {
    actorId: user.id,
    actorEmail: user.email,
    action,
    entityType: 'user',
    entityId: user.id,
    ip,
  });
  const locked = await recordFailure(db, keys, now);
  await auditLocks(db, locked, user.email, user.id, ip);
}

/**
 * A code from the user's authenticator outside the sign-in (confirming an enrolment, renewing the
 * recovery codes): throttled on the same counter as the sign-in's second step, since it guesses at
 * the same secret, and good once, like every code.
 */
export async function checkTotpCode(
  db: Database,
  input: { userId: number; email: string; secret: string; code: unknown; ip: string | null; now?: Date },
): Promise<CodeCheck> {
  const now = input.now ?? new Date();
  const ip = input.ip == null ? null : storableForm(String(input.ip), 100);
  const keys: ThrottleKey[] = [{ key: secondFactorKey(input.userId), policy: SECOND_FACTOR_POLICY }];
  const wait = await throttleWait(db, keys, now);
  const user = { id: input.userId, email: input.email };
  if (wait > 0) {
    await recordAuditEvent(db, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.totp_code_throttled',
      entityType: 'user',
      entityId: user.id,
      after: { waitSeconds: wait },
      ip,
    });
    return { kind: 'throttled', seconds: wait };
  }
  const code = typeof input.code === 'string' ? input.code.slice(0, 100) : '';
  const step = await matchTotpStep(input.secret, code);
  if (step === null || !(await claimTotpStep(db, user.id, step))) {
    await recordSecondFactorFailure(db, user, keys, ip, 'auth.totp_code_failed', now);
    return { kind: 'failed' };
  }
  await clearThrottle(db, [present(keys[0]).key]);
  return { kind: 'ok' };
}

/**
 * A TOTP code works once, and no code older than one already used (RFC 6238 §5.2): the step of
 * the last accepted code is kept on the user's row, and a step is claimed by one conditional
 * UPDATE, so two instances (or two requests at once) cannot both accept it.
 */
async function claimTotpStep(db: Database, userId: number, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
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
