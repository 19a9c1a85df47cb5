// The secretariat invites a person (the admin's invite form, lib/admin/actions.ts): a user without a
// password, their memberships (staff only, at least one), and a one-time
// link (7 days) to set one. The link is mailed when SMTP_URL is set and always returned, so the
// secretariat can copy it when mail is not configured.
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { memberships, organisations, users } from '@/db/schema';
import { translate } from '@/i18n/messages';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { issueToken } from '@/lib/auth/tokens';
import type { Locale } from '@/lib/format';
import { sendMail } from '@/lib/mail/send';
import { conflict, invalid, notFound, ok, type Result } from '@/lib/result';
import { INT4_MAX, isDatabaseId } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';

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
  role: z.enum(['admin', 'staff'], { error: 'role' }),
  organisationIds: z
    .array(z.coerce.number().int().positive().max(INT4_MAX), { error: 'organisationIds' })
    .max(100)
    .default([]),
});
export type InvitePersonInput = z.input<typeof invitePersonSchema>;

export interface LinkOptions {
  /** the site's address as people reach it, e.g. https://klyngeregnskab.dk (defaults to AUTH_URL) */
  baseUrl?: string;
  locale?: Locale;
}

export interface SentLink {
  userId: number;
  email: string;
  link: string;
  expiresAt: Date;
  /** false: SMTP_URL is not set (or sending failed): show the link for copying */
  delivered: boolean;
}

export function siteBaseUrl(explicit?: string): string {
  const base = explicit || process.env.AUTH_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
  return base.replace(/\/api\/auth\/?$/, '').replace(/\/$/, '');
}

export function linkPath(locale: Locale, kind: 'invitation' | 'password_reset', token: string): string {
  const prefix = locale === 'en' ? '/en' : '';
  return kind === 'invitation' ? `${prefix}/invitation/${token}` : `${prefix}/login/nulstil/${token}`;
}

export async function invitePerson(
  db: Database,
  actor: Actor | null,
  input: InvitePersonInput,
  options: LinkOptions = {},
): Promise<Result<SentLink>> {
  const locale = options.locale ?? 'da';
  const parsed = invitePersonSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      fieldErrors[field] = [translate(locale, `auth.invite.errors.${field}`)];
    }
    return invalid(translate(locale, 'auth.invite.errors.summary'), fieldErrors);
  }
  const denied = await checkAdmin(db, actor, 'user.invite');
  if (denied) return denied;
  const data = parsed.data;
  // staff report for organisations: they need at least one; the secretariat belongs to none
  const organisationIds = data.role === 'staff' ? [...new Set(data.organisationIds)] : [];
  if (data.role === 'staff' && organisationIds.length === 0) {
    return invalid(translate(locale, 'auth.invite.errors.summary'), {
      organisationIds: [translate(locale, 'auth.invite.errors.organisationRequired')],
    });
  }
  if (organisationIds.length > 0) {
    const found = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(inArray(organisations.id, organisationIds));
    if (found.length !== organisationIds.length) {
      return invalid(translate(locale, 'auth.invite.errors.summary'), {
        organisationIds: [translate(locale, 'auth.invite.errors.organisationIds')],
      });
    }
  }
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${data.email}`);
  if (existing) return conflict(translate(locale, 'auth.invite.errors.taken'));

  const { user, token, expiresAt } = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, role: data.role })
      .returning();
    if (organisationIds.length > 0) {
      await tx
        .insert(memberships)
        .values(organisationIds.map((organisationId) => ({ userId: user!.id, organisationId })));
    }
    const issued = await issueToken(tx, {
      userId: user!.id,
      purpose: 'invitation',
      createdBy: actor!.userId,
    });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'user.invited',
      entityType: 'user',
      entityId: user!.id,
      after: { email: data.email, name: data.name, role: data.role, organisationIds },
      ip: actor!.ip ?? null,
    });
    return { user: user!, ...issued };
  });

  const link = `${siteBaseUrl(options.baseUrl)}${linkPath(locale, 'invitation', token)}`;
  const { delivered } = await sendMail({
    to: user.email,
    subject: translate(locale, 'auth.invite.mailSubject'),
    text: translate(locale, 'auth.invite.mailBody', { name: user.name, link, days: 7 }),
  });
  return ok({ userId: user.id, email: user.email, link, expiresAt, delivered });
}

/**
 * A new invitation link for someone who has not set a password yet (the old link stops working).
 * Returns the link like invitePerson does, mailed when SMTP_URL is set.
 */
export async function resendInvitation(
  db: Database,
  actor: Actor | null,
  input: { userId: number },
  options: LinkOptions = {},
): Promise<Result<SentLink>> {
  const locale = options.locale ?? 'da';
  const denied = await checkAdmin(db, actor, 'user.reinvite');
  if (denied) return denied;
  if (!isDatabaseId(input.userId)) return notFound();
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.disabled) return notFound();
  if (user.passwordHash) return conflict(translate(locale, 'auth.invite.errors.accepted'));
  const { token, expiresAt } = await db.transaction(async (tx) => {
    const issued = await issueToken(tx, { userId: user.id, purpose: 'invitation', createdBy: actor!.userId });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'user.reinvited',
      entityType: 'user',
      entityId: user.id,
      ip: actor!.ip ?? null,
    });
    return issued;
  });
  const link = `${siteBaseUrl(options.baseUrl)}${linkPath(locale, 'invitation', token)}`;
  const { delivered } = await sendMail({
    to: user.email,
    subject: translate(locale, 'auth.invite.mailSubject'),
    text: translate(locale, 'auth.invite.mailBody', { name: user.name, link, days: 7 }),
  });
  return ok({ userId: user.id, email: user.email, link, expiresAt, delivered });
}

/** For a user row made elsewhere (e.g. the secretariat's user form): mail its first invitation link. */
export const sendInvitation = resendInvitation;
