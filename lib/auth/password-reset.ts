// Password reset from /login and invitation acceptance: both are "set a password through a
// one-time link". The reset request answers the same whether or not the email is known.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import { translate } from '@/i18n/messages';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Locale } from '@/lib/format';
import { sendMail } from '@/lib/mail/send';
import { invalid, notFound, ok, type Result } from '@/lib/result';
import { type LinkOptions, linkPath, siteBaseUrl } from '@/lib/users/invitations';
import { hashPassword } from '@/lib/users/password';
import { storableForm, textProblem } from '@/lib/validation/text';
import { commonPasswords, passwordProblem, passwordRefusal } from './password-policy';
import { consumeToken, issueToken, peekToken, type TokenPurpose } from './tokens';

const RESET_INTERVAL_MS = 2 * 60 * 1000;

/** Sends a reset link to a known, enabled user with a password or pending invitation. Always "ok". */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; ip: string | null },
  options: LinkOptions = {},
): Promise<Result<{ link: string | null }>> {
  const locale = options.locale ?? 'da';
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  const ip = input.ip == null ? null : storableForm(String(input.ip), 100);
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || textProblem(email, 320) !== null) {
    return invalid(translate(locale, 'auth.reset.errors.summary'), {
      email: [translate(locale, 'auth.reset.errors.email')],
    });
  }
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  if (!user || user.disabled) {
    await recordAuditEvent(db, {
      actorEmail: email,
      action: 'auth.password_reset_requested',
      entityType: 'user',
      after: { known: false },
      ip,
    });
    return ok({ link: null });
  }
  // one link per couple of minutes: a reset form must not become a mail cannon
  const [recent] = await db
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.userId, user.id),
        eq(authTokens.purpose, 'password_reset'),
        gt(authTokens.createdAt, new Date(Date.now() - RESET_INTERVAL_MS)),
      ),
    );
  if (recent) return ok({ link: null });
  const { token } = await db.transaction(async (tx) => {
    const issued = await issueToken(tx, { userId: user.id, purpose: 'password_reset', createdBy: null });
    await recordAuditEvent(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      after: { known: true },
      ip,
    });
    return issued;
  });
  const link = `${siteBaseUrl(options.baseUrl)}${linkPath(locale, 'password_reset', token)}`;
  await sendMail({
    to: user.email,
    subject: translate(locale, 'auth.reset.mailSubject'),
    text: translate(locale, 'auth.reset.mailBody', { name: user.name, link, days: 7 }),
  });
  return ok({ link });
}

export { peekToken };

export interface SetPasswordInput {
  token: string;
  password: string;
  confirmation: string;
  purpose: TokenPurpose;
  ip?: string | null;
}

/** Sets the password behind a one-time link; a reset also ends every existing session. */
export async function setPasswordWithToken(
  db: Database,
  input: SetPasswordInput,
  locale: Locale = 'da',
): Promise<Result<{ email: string }>> {
  const holder = await peekToken(db, input.token, input.purpose);
  if (!holder) return notFound(translate(locale, 'auth.setPassword.errors.link'));
  const password = typeof input.password === 'string' ? input.password : '';
  const confirmation = typeof input.confirmation === 'string' ? input.confirmation : '';
  const ip = input.ip == null ? null : storableForm(String(input.ip), 100);
  const problem = passwordProblem(password, confirmation, {
    email: holder.email,
    common: commonPasswords(),
  });
  if (problem) return passwordRefusal(problem, locale);
  const passwordHash = await hashPassword(password);
  const result = await db.transaction(async (tx) => {
    const claimed = await consumeToken(tx, input.token, input.purpose);
    if (!claimed) return null;
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, claimed.userId));
    await recordAuditEvent(tx, {
      actorId: claimed.userId,
      actorEmail: claimed.email,
      action: input.purpose === 'invitation' ? 'user.invitation_accepted' : 'auth.password_reset',
      entityType: 'user',
      entityId: claimed.userId,
      ip,
    });
    return claimed;
  });
  if (!result) return notFound(translate(locale, 'auth.setPassword.errors.link'));
  return ok({ email: result.email });
}
