// "My account": what every signed-in user may do for themselves — change the password, enrol a
// second factor (admins must before anything else), renew recovery codes, log out everywhere.
// Each is a signedInAction (lib/actions): the actor is the one acting, on their own row.
import 'server-only';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { recoveryCodes, users } from '@/db/schema';
import { noInput, type QueryContext, signedInAction, signedInQuery } from '@/lib/actions/define';
import type { Actor } from '@/lib/auth/actor';
import { commonPasswords, passwordProblem, passwordRefusal } from '@/lib/auth/password-policy';
import { checkTotpCode } from '@/lib/auth/credentials';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpQrDataUrl } from '@/lib/auth/totp';
import { waitMessage } from '@/lib/auth/wait-message';
import { conflict, type Failure, invalid, notFound, ok, type Result } from '@/lib/result';
import { hashPassword, verifyPassword } from './password';

const ACCOUNT = { messages: 'auth.account.errors', invalid: 'auth.setPassword.errors.summary' } as const;

/** Text a form posts; anything else counts as nothing typed (a wrong password, not a crash). */
const typed = z.unknown().transform((value) => (typeof value === 'string' ? value : ''));

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

export const getAccountOverview = signedInQuery(
  'account.read',
  async ({ db, actor }: QueryContext<Actor>, _input?: undefined): Promise<Result<AccountOverview>> => {
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
    if (!user) return notFound('common.errors.notFound');
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
  },
);

/**
 * A new password ends every other session of the user (the session version is bumped); the form
 * keeps the session that made the change by re-issuing it at the new version
 * (lib/auth/keep-session.ts), which is why the new version is returned.
 */
export const changePassword = signedInAction(
  z.object({ current: typed, password: typed, confirmation: typed }),
  async ({ tx, actor, audit }, { current, password, confirmation }) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
    if (!user?.passwordHash || !current || !(await verifyPassword(user.passwordHash, current)))
      return invalid('auth.setPassword.errors.summary', { current: ['current'] });
    const problem = passwordProblem(password, confirmation, { email: user.email, common: commonPasswords() });
    if (problem) return passwordRefusal(problem);
    const [after] = await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    if (!after) return notFound('common.errors.notFound');
    await audit({ action: 'auth.password_changed', entityType: 'user', entityId: user.id, after });
    return ok({ sessionVersion: after.sessionVersion });
  },
  { name: 'account.change_password', ...ACCOUNT },
);

/** Bumps the session version: every session of the user, this one included, ends on its next request. */
export const logOutEverywhere = signedInAction(
  noInput,
  async ({ tx, actor, audit }) => {
    const [after] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId))
      .returning({ sessionVersion: users.sessionVersion });
    await audit({ action: 'auth.logged_out_everywhere', entityType: 'user', entityId: actor.userId, after });
    return ok(undefined);
  },
  { name: 'account.log_out_everywhere', ...ACCOUNT },
);

/**
 * A wrong, reused or too-often-guessed code from the authenticator, as the form's refusal. Checked
 * on the connection, not in a transaction the refusal rolls back: a failed guess is counted by the
 * second factor's throttle (lib/auth/credentials.ts), and a code is good once.
 */
async function refusedCode(
  db: Database,
  actor: Actor,
  secret: string,
  code: string,
): Promise<Failure | null> {
  const checked = await checkTotpCode(db, {
    userId: actor.userId,
    email: actor.email,
    secret,
    code,
    ip: actor.ip ?? null,
  });
  if (checked.kind === 'ok') return null;
  return invalid('auth.setPassword.errors.summary', {
    code: [checked.kind === 'throttled' ? waitMessage(checked.seconds) : 'code'],
  });
}

/** Stores a fresh secret, not yet active: the user scans it and confirms with a code. */
export const startTotpEnrolment = signedInAction(
  noInput,
  async ({ tx, actor }) => {
    if (actor.totpEnabled) return conflict('alreadyEnrolled');
    await tx
      .update(users)
      .set({ totpSecret: newTotpSecret(), totpLastStep: null })
      .where(and(eq(users.id, actor.userId), isNull(users.totpEnabledAt)));
    return ok(undefined);
  },
  { name: 'account.totp_start', ...ACCOUNT },
);

async function replaceRecoveryCodes(tx: Database, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

const codeInput = z.object({ code: typed });

/** The enrolled (or pending, with `enrolled: false`) secret of the actor, when `code` matches it. */
async function checkedSecret(db: Database, actor: Actor, code: string, enrolled: boolean) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.totpSecret || (user.totpEnabledAt != null) !== enrolled) return conflict('noEnrolment');
  const refused = await refusedCode(db, actor, user.totpSecret, code);
  return refused ?? ok(user);
}

/** Activates the pending secret when the code matches; returns the recovery codes, shown once. */
export const confirmTotpEnrolment = signedInAction(
  codeInput,
  async (ctx, { code }) => {
    const user = await checkedSecret(ctx.tx, ctx.actor, code, false);
    if (!user.ok) return user;
    return ctx.transaction(async ({ tx, actor, audit }) => {
      await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, actor.userId));
      const codes = await replaceRecoveryCodes(tx, actor.userId);
      await audit({ action: 'auth.totp_enrolled', entityType: 'user', entityId: actor.userId });
      return ok({ recoveryCodes: codes });
    });
  },
  // the code is checked (and a wrong one counted) before the writes' own transaction
  { name: 'account.totp_confirm', transaction: false, ...ACCOUNT },
);

/** New recovery codes (the old ones stop working), after a fresh code from the authenticator. */
export const regenerateRecoveryCodes = signedInAction(
  codeInput,
  async (ctx, { code }) => {
    const user = await checkedSecret(ctx.tx, ctx.actor, code, true);
    if (!user.ok) return user;
    return ctx.transaction(async ({ tx, actor, audit }) => {
      const codes = await replaceRecoveryCodes(tx, actor.userId);
      await audit({ action: 'auth.recovery_codes_renewed', entityType: 'user', entityId: actor.userId });
      return ok({ recoveryCodes: codes });
    });
  },
  { name: 'account.recovery_codes', transaction: false, ...ACCOUNT },
);
