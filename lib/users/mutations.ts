// The secretariat's user administration: invite a person (a user without a password, their
// memberships and a one-time link to set one), a new link for one who has not accepted, and
// changes of role, access and memberships. Each is an adminAction (lib/actions).
import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { memberships, organisations, users } from '@/db/schema';
import { translate } from '@/i18n/messages';
import { adminAction, type StepContext } from '@/lib/actions/define';
import { issueToken } from '@/lib/auth/tokens';
import { USER_ROLES, type UserRole } from '@/lib/domain';
import { sendMail } from '@/lib/mail/send';
import { conflict, invalid, notFound, ok, type Result } from '@/lib/result';
import { oneTimeLink } from '@/lib/site';
import { databaseId } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';

// ---- invitations (their messages are the sign-in pages' own: auth.invite.errors) ----

/**
 * A person invited, in the step's transaction: the user without a password, their memberships, a
 * one-time invitation link and the audit event. Null when the address is taken: the unique index
 * decides, so two invitations racing for one address cannot both go out.
 */
export async function insertInvitedUser<A extends { userId: number }>(
  { tx, actor, audit }: StepContext<A>,
  person: { email: string; name: string; role: UserRole; organisationIds: number[] },
  by: { organisationId: number; invitedBy: 'organisation' } | null = null,
) {
  const { email, name, role, organisationIds } = person;
  const [user] = await tx.insert(users).values({ email, name, role }).onConflictDoNothing().returning();
  if (!user) return null;
  if (organisationIds.length > 0)
    await tx
      .insert(memberships)
      .values(organisationIds.map((organisationId) => ({ userId: user.id, organisationId })));
  const issued = await issueToken(tx, { userId: user.id, purpose: 'invitation', createdBy: actor.userId });
  await audit({
    action: 'user.invited',
    entityType: 'user',
    entityId: user.id,
    ...(by ? { organisationId: by.organisationId } : {}),
    after: { email, name, role, organisationIds, ...(by ? { invitedBy: by.invitedBy } : {}) },
  });
  return { user, issued };
}

const INVITE = { messages: 'auth.invite.errors', invalid: 'summary' } as const;

export const invitePersonSchema = z.object({
  email: z
    .string({ error: 'email' })
    .trim()
    .max(320, { error: 'email' })
    .pipe(z.email({ error: 'email' }))
    .refine((text) => textProblem(text, 320) === null, { error: 'email' })
    .transform((text) => text.toLowerCase()),
  name: z
    .string({ error: 'name' })
    .trim()
    .min(1, { error: 'name' })
    .max(200, { error: 'name' })
    .refine((text) => textProblem(text, 200) === null, { error: 'name' }),
  role: z.enum(USER_ROLES, { error: 'role' }),
  organisationIds: z
    .array(databaseId('organisationIds'), { error: 'organisationIds' })
    .max(100, { error: 'organisationIds' })
    .default([]),
});

export interface SentLink {
  userId: number;
  email: string;
  link: string;
  expiresAt: Date;
  /** false: SMTP_URL is not set (or sending failed): show the link for copying */
  delivered: boolean;
}

/**
 * Mails the link (when SMTP_URL is set) and returns it, so whoever invited can copy it otherwise.
 * The secretariat's invitations and staff's invitations of a colleague (colleagues.ts) alike.
 */
export async function sendInvitationLink<A>(
  ctx: StepContext<A>,
  user: { id: number; email: string; name: string },
  issued: { token: string; expiresAt: Date },
): Promise<Result<SentLink>> {
  const link = oneTimeLink(ctx.locale, 'invitation', issued.token, ctx.config);
  const { delivered } = await sendMail(
    {
      to: user.email,
      subject: translate(ctx.locale, 'auth.invite.mailSubject'),
      text: translate(ctx.locale, 'auth.invite.mailBody', { name: user.name, link, days: 7 }),
    },
    ctx.config,
  );
  return ok({ userId: user.id, email: user.email, link, expiresAt: issued.expiresAt, delivered });
}

export const invitePerson = adminAction(
  invitePersonSchema,
  async (ctx, data) => {
    // staff report for organisations: they need at least one; the secretariat belongs to none
    const postedIds = [...new Set(data.organisationIds)];
    const organisationIds = data.role === 'staff' ? postedIds : [];
    if (data.role === 'staff' && organisationIds.length === 0)
      return invalid('summary', { organisationIds: ['organisationRequired'] });
    // an organisation that does not exist is a bad form whatever the role (an admin's are ignored)
    if (postedIds.length > 0) {
      const found = await ctx.tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.id, postedIds));
      if (found.length !== postedIds.length)
        return invalid('summary', { organisationIds: ['organisationIds'] });
    }
    const [existing] = await ctx.tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${data.email}`);
    // a taken address is the email field's error
    if (existing) return { ...conflict('taken'), fieldErrors: { email: ['taken'] } };
    const created = await ctx.transaction(async (step) => {
      const invited = await insertInvitedUser(step, { ...data, organisationIds });
      return invited ? ok(invited) : conflict('taken');
    });
    if (!created.ok) return created;
    return sendInvitationLink(ctx, created.value.user, created.value.issued);
  },
  { name: 'user.invite', transaction: false, ...INVITE },
);

/**
 * A new invitation link for someone who has not set a password yet (the old link stops working),
 * mailed when SMTP_URL is set and returned like invitePerson's.
 */
export const resendInvitation = adminAction(
  z.object({ userId: databaseId('not_found') }),
  async (ctx, { userId }) => {
    const [user] = await ctx.tx.select().from(users).where(eq(users.id, userId));
    if (!user || user.disabled) return notFound('common.errors.notFound');
    if (user.passwordHash) return conflict('accepted');
    const issued = await ctx.transaction(async ({ tx, actor, audit }) => {
      const token = await issueToken(tx, { userId: user.id, purpose: 'invitation', createdBy: actor.userId });
      await audit({ action: 'user.reinvited', entityType: 'user', entityId: user.id });
      return ok(token);
    });
    if (!issued.ok) return issued;
    return sendInvitationLink(ctx, user, issued.value);
  },
  { name: 'user.reinvite', transaction: false, ...INVITE },
);

// ---- changes of an existing user ----

const USER_CHANGES = ['role', 'disable', 'enable', 'logout_everywhere', 'memberships'] as const;

const userChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: z.enum(USER_ROLES, { error: 'role_invalid' }) }),
  z.object({ kind: z.literal('disable') }),
  z.object({ kind: z.literal('enable') }),
  z.object({ kind: z.literal('logout_everywhere') }),
  z.object({
    kind: z.literal('memberships'),
    organisationIds: z.array(databaseId('organisation_invalid'), { error: 'organisation_invalid' }),
  }),
]);

async function organisationIdsOf(tx: Database, userId: number) {
  const rows = await tx
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((row) => row.id);
}

export const changeUser = adminAction(
  z.object({ userId: databaseId('user_not_found'), change: userChange }),
  async ({ tx, actor, audit }, { userId, change }) => {
    // the secretariat cannot lock itself out by accident
    if (userId === actor.userId && (change.kind === 'disable' || change.kind === 'role'))
      return conflict('cannot_change_self');
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before) return notFound('user_not_found');
    const beforeMemberships = await organisationIdsOf(tx, userId);
    const bump = sql`${users.sessionVersion} + 1`;
    const where = eq(users.id, userId);
    let after: Record<string, unknown>;
    switch (change.kind) {
      case 'role':
        // a new role takes effect at once: old sessions end
        await tx.update(users).set({ role: change.role, sessionVersion: bump }).where(where);
        after = { role: change.role };
        break;
      case 'disable':
        await tx.update(users).set({ disabled: true, sessionVersion: bump }).where(where);
        after = { disabled: true };
        break;
      case 'enable':
        await tx.update(users).set({ disabled: false }).where(where);
        after = { disabled: false };
        break;
      case 'logout_everywhere':
        await tx.update(users).set({ sessionVersion: bump }).where(where);
        after = { sessionVersion: before.sessionVersion + 1 };
        break;
      case 'memberships': {
        const ids = [...new Set(change.organisationIds)];
        if (ids.length) {
          const found = await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(inArray(organisations.id, ids));
          if (found.length !== ids.length)
            return invalid('invalid_input', { organisationIds: ['organisation_invalid'] });
        }
        await tx.delete(memberships).where(eq(memberships.userId, userId));
        if (ids.length)
          await tx.insert(memberships).values(ids.map((organisationId) => ({ userId, organisationId })));
        after = { organisationIds: ids };
        break;
      }
    }
    await audit({
      action: `user.${change.kind}`,
      entityType: 'user',
      entityId: userId,
      before: {
        role: before.role,
        disabled: before.disabled,
        sessionVersion: before.sessionVersion,
        organisationIds: beforeMemberships,
      },
      after,
    });
    return ok({ userId });
  },
  {
    // the kind names the audited action: only a known one gets that far
    name: (input) => {
      const kind = (input as { change?: { kind?: unknown } } | null)?.change?.kind;
      return typeof kind === 'string' && (USER_CHANGES as readonly string[]).includes(kind)
        ? `user.${kind}`
        : null;
    },
  },
);
