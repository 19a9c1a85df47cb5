// Password reset from /login and invitation acceptance: both are "set a password through a
// one-time link". The reset request answers the same whether or not the email is known, and in
// the same time: the form is answered first, and the lookup, the token and the mail follow after
// the response (acceptPasswordResetRequest), so a known address is not given away by a slower
// answer. All are publicActions (lib/actions): no session, the link's token (or the mailbox) is
// the authority.
import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { after } from 'next/server';
import { z } from 'zod';
import { authTokens, users } from '@/db/schema';
import { translate } from '@/i18n/messages';
import { publicAction } from '@/lib/actions/define';
import { sendMail } from '@/lib/mail/send';
import { notFound, ok, type Result } from '@/lib/result';
import { oneTimeLink } from '@/lib/site';
import { hashPassword } from '@/lib/users/password';
import { textProblem } from '@/lib/validation/text';
import { commonPasswords, passwordProblem, passwordRefusal } from './password-policy';
import { consumeToken, issueToken, peekToken } from './tokens';

const RESET_INTERVAL_MS = 2 * 60 * 1000;

/** Text a form posts; anything else counts as nothing typed. */
const typed = z.unknown().transform((value) => (typeof value === 'string' ? value : ''));

/** The reset form: an email address; something that is no address at all is the only refusal. */
const resetRequest = z.object({
  email: typed
    .transform((email) => email.trim().toLowerCase())
    .refine((email) => /^[^@\s]+@[^@\s]+$/.test(email) && textProblem(email, 320) === null, {
      error: 'email',
    }),
});

const RESET_MESSAGES = { messages: 'auth.reset.errors', invalid: 'summary', transaction: false } as const;

/** Sends a reset link to a known, enabled user with a password or pending invitation. Always "ok". */
export const requestPasswordReset = publicAction(
  resetRequest,
  async (ctx, { email }): Promise<Result<{ link: string | null }>> => {
    const [user] = await ctx.tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    if (!user || user.disabled) {
      await ctx.audit({
        actorEmail: email,
        action: 'auth.password_reset_requested',
        entityType: 'user',
        after: { known: false },
      });
      return ok({ link: null });
    }
    // one link per couple of minutes: a reset form must not become a mail cannon
    const [recent] = await ctx.tx
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
    const issued = await ctx.transaction(async ({ tx, audit }) => {
      const token = await issueToken(tx, { userId: user.id, purpose: 'password_reset', createdBy: null });
      await audit({
        actorId: user.id,
        actorEmail: user.email,
        action: 'auth.password_reset_requested',
        entityType: 'user',
        entityId: user.id,
        after: { known: true },
      });
      return ok(token);
    });
    if (!issued.ok) return issued;
    const link = oneTimeLink(ctx.locale, 'password_reset', issued.value.token, ctx.config);
    await sendMail(
      {
        to: user.email,
        subject: translate(ctx.locale, 'auth.reset.mailSubject'),
        text: translate(ctx.locale, 'auth.reset.mailBody', { name: user.name, link, days: 7 }),
      },
      ctx.config,
    );
    return ok({ link });
  },
  RESET_MESSAGES,
);

/**
 * The reset form's answer: refuses what is no email address, checks that the database answers
 * (so an outage is told, not hidden behind "a link is on its way"), and leaves the rest to
 * requestPasswordReset after the response has gone — the same answer in the same time whether
 * the address is known or not.
 */
export const acceptPasswordResetRequest = publicAction(
  resetRequest,
  async (ctx, input): Promise<Result> => {
    await ctx.tx.execute(sql`select 1`);
    const env = { locale: ctx.locale, ip: ctx.by.ip, config: ctx.config };
    after(async () => {
      try {
        await requestPasswordReset(ctx.tx, null, input, env);
      } catch (error) {
        console.error('[password-reset] the reset request could not be completed:', error);
      }
    });
    return ok(undefined);
  },
  RESET_MESSAGES,
);

export { peekToken };

/** Sets the password behind a one-time link; a reset also ends every existing session. */
export const setPasswordWithToken = publicAction(
  // the token and its purpose are checked against the database: any value is just not found
  z.object({ token: z.unknown(), purpose: z.unknown(), password: typed, confirmation: typed }),
  async (ctx, input) => {
    const holder = await peekToken(ctx.tx, input.token, input.purpose as never);
    if (!holder) return notFound('link');
    const problem = passwordProblem(input.password, input.confirmation, {
      email: holder.email,
      common: commonPasswords(),
    });
    if (problem) return passwordRefusal(problem);
    const passwordHash = await hashPassword(input.password);
    return ctx.transaction(async ({ tx, audit }) => {
      const claimed = await consumeToken(tx, input.token, input.purpose as never);
      if (!claimed) return notFound('link');
      await tx
        .update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, claimed.userId));
      await audit({
        actorId: claimed.userId,
        actorEmail: claimed.email,
        action: input.purpose === 'invitation' ? 'user.invitation_accepted' : 'auth.password_reset',
        entityType: 'user',
        entityId: claimed.userId,
      });
      return ok({ email: claimed.email });
    });
  },
  { messages: 'auth.setPassword.errors', invalid: 'summary', transaction: false },
);
