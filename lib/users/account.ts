// "My account": what every signed-in user may do for themselves — change the password, enrol a
// second factor (admins must before anything else), renew recovery codes, log out everywhere.
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { recoveryCodes, users } from '@/db/schema';
import { translate } from '@/i18n/messages';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { commonPasswords, passwordProblem, passwordRefusal } from '@/lib/auth/password-policy';
import { denyAccess } from '@/lib/auth/permissions';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpQrDataUrl,
  verifyTotp,
} from '@/lib/auth/totp';
import type { Locale } from '@/lib/format';
import { conflict, type Failure, invalid, ok, type Result } from '@/lib/result';
import { hashPassword, verifyPassword } from './password';

async function signedIn(db: Database, actor: Actor | null, what: string): Promise<Failure | null> {
  if (actor) return null;
  return denyAccess(db, actor, what, { entityType: 'account' });
}

export interface AccountOverview {
  email: string;
  name: string;
  role: 'admin' | 'staff';
  totpEnabled: boolean;
  /** an enrolment started but not confirmed: the QR code and the secret to type in by hand */
  pendingEnrolment: { secret: string; qrDataUrl: string } | null;
  recoveryCodesLeft: number;
  hasPassword: boolean;
}

export async function getAccountOverview(
  db: Database,
  actor: Actor | null,
): Promise<Result<AccountOverview>> {
  const denied = await signedIn(db, actor, 'account.read');
  if (denied) return denied;
  const [user] = await db.select().from(users).where(eq(users.id, actor!.userId));
  if (!user) return invalid('no user');
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  const pending = !user.totpEnabledAt && user.totpSecret ? user.totpSecret : null;
  return ok({
    email: user.email,
    name: user.name,
    role: user.role,
    totpEnabled: user.totpEnabledAt != null,
    pendingEnrolment: pending
      ? { secret: pending, qrDataUrl: await totpQrDataUrl(pending, user.email) }
      : null,
    recoveryCodesLeft: left?.n ?? 0,
    hasPassword: user.passwordHash != null,
  });
}

export async function changePassword(
  db: Database,
  actor: Actor | null,
  input: { current: string; password: string; confirmation: string },
  locale: Locale = 'da',
): Promise<Result> {
  const denied = await signedIn(db, actor, 'account.change_password');
  if (denied) return denied;
  const current = typeof input?.current === 'string' ? input.current : '';
  const password = typeof input?.password === 'string' ? input.password : '';
  const confirmation = typeof input?.confirmation === 'string' ? input.confirmation : '';
  const [user] = await db.select().from(users).where(eq(users.id, actor!.userId));
  if (!user?.passwordHash || !current || !(await verifyPassword(user.passwordHash, current))) {
    return invalid(translate(locale, 'auth.setPassword.errors.summary'), {
      current: [translate(locale, 'auth.account.errors.current')],
    });
  }
  const problem = passwordProblem(password, confirmation, {
    email: user.email,
    common: commonPasswords(),
  });
  if (problem) return passwordRefusal(problem, locale);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await recordAuditEvent(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      ip: actor!.ip ?? null,
    });
  });
  return ok(undefined);
}

/** Bumps the session version: every session of the user, this one included, ends on its next request. */
export async function logOutEverywhere(db: Database, actor: Actor | null): Promise<Result> {
  const denied = await signedIn(db, actor, 'account.log_out_everywhere');
  if (denied) return denied;
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor!.userId))
      .returning({ sessionVersion: users.sessionVersion });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'auth.logged_out_everywhere',
      entityType: 'user',
      entityId: actor!.userId,
      after,
      ip: actor!.ip ?? null,
    });
  });
  return ok(undefined);
}

/** Stores a fresh secret, not yet active: the user scans it and confirms with a code. */
export async function startTotpEnrolment(
  db: Database,
  actor: Actor | null,
  locale: Locale = 'da',
): Promise<Result> {
  const denied = await signedIn(db, actor, 'account.totp_start');
  if (denied) return denied;
  if (actor!.totpEnabled) return conflict(translate(locale, 'auth.account.errors.alreadyEnrolled'));
  await db
    .update(users)
    .set({ totpSecret: newTotpSecret() })
    .where(and(eq(users.id, actor!.userId), isNull(users.totpEnabledAt)));
  return ok(undefined);
}

async function replaceRecoveryCodes(tx: Database, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** Activates the pending secret when the code matches; returns the recovery codes, shown once. */
export async function confirmTotpEnrolment(
  db: Database,
  actor: Actor | null,
  input: { code: string },
  locale: Locale = 'da',
): Promise<Result<{ recoveryCodes: string[] }>> {
  const denied = await signedIn(db, actor, 'account.totp_confirm');
  if (denied) return denied;
  const [user] = await db.select().from(users).where(eq(users.id, actor!.userId));
  if (!user?.totpSecret || user.totpEnabledAt)
    return conflict(translate(locale, 'auth.account.errors.noEnrolment'));
  if (typeof input?.code !== 'string' || !(await verifyTotp(user.totpSecret, input.code))) {
    return invalid(translate(locale, 'auth.setPassword.errors.summary'), {
      code: [translate(locale, 'auth.account.errors.code')],
    });
  }
  const codes = await db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAuditEvent(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.totp_enrolled',
      entityType: 'user',
      entityId: user.id,
      ip: actor!.ip ?? null,
    });
    return codes;
  });
  return ok({ recoveryCodes: codes });
}

/** New recovery codes (the old ones stop working), after a fresh code from the authenticator. */
export async function regenerateRecoveryCodes(
  db: Database,
  actor: Actor | null,
  input: { code: string },
  locale: Locale = 'da',
): Promise<Result<{ recoveryCodes: string[] }>> {
  const denied = await signedIn(db, actor, 'account.recovery_codes');
  if (denied) return denied;
  const [user] = await db.select().from(users).where(eq(users.id, actor!.userId));
  if (!user?.totpSecret || !user.totpEnabledAt)
    return conflict(translate(locale, 'auth.account.errors.noEnrolment'));
  if (typeof input?.code !== 'string' || !(await verifyTotp(user.totpSecret, input.code))) {
    return invalid(translate(locale, 'auth.setPassword.errors.summary'), {
      code: [translate(locale, 'auth.account.errors.code')],
    });
  }
  const codes = await db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAuditEvent(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.recovery_codes_renewed',
      entityType: 'user',
      entityId: user.id,
      ip: actor!.ip ?? null,
    });
    return codes;
  });
  return ok({ recoveryCodes: codes });
}
