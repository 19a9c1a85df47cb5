// Staff invite a colleague to their own organisation (issue 16), through the secretariat's own
// invitation path (mutations.ts: a user without a password, the membership, a one-time link by
// mail): only as staff, only to the organisation they act for, only for an address nobody uses
// yet, and a bounded number waiting at once. The secretariat sees each such invitation with who
// sent it and can revoke it until it is accepted (revokeInvitation).
import 'server-only';
import { and, asc, countDistinct, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { authTokens, memberships, organisations, userIdentities, users } from '@/db/schema';
import { adminAction, adminQuery, memberAction } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import type { Actor } from '@/lib/auth/actor';
import { authoriseFor } from '@/lib/auth/permissions';
import { conflict, invalid, notFound, ok, type Result } from '@/lib/result';
import { findOrganisationBySlug } from '@/lib/submissions/queries';
import { databaseId } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';
import { insertInvitedUser, invitePersonSchema, type SentLink, sendInvitationLink } from './mutations';

/** Invitations of one organisation waiting to be accepted at once: more is a mistake or abuse. */
export const MAX_PENDING_INVITATIONS = 10;

/** A user who has never been able to sign in: no password and no external identity. */
const neverSignedIn = sql`${users.passwordHash} is null and not exists (
  select 1 from ${userIdentities} where ${userIdentities.userId} = ${users.id})`;

/** The organisation's invitations whose link still works and nobody has used. */
async function pendingInvitations(db: Database, organisationId: number): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(users.id) })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(authTokens, eq(authTokens.userId, users.id))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(users.disabled, false),
        neverSignedIn,
        eq(authTokens.purpose, 'invitation'),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    );
  return row?.n ?? 0;
}

export const inviteColleague = memberAction(
  z.object({
    orgSlug: z.string().refine((slug) => textProblem(slug, 200) === null),
    locale: z.enum(['da', 'en']).catch('da'),
    email: invitePersonSchema.shape.email,
    name: invitePersonSchema.shape.name,
  }),
  async (ctx, input): Promise<Result<SentLink>> => {
    const [existing] = await ctx.tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    // whoever has the address already is the secretariat's to give access to
    if (existing) return invalid('summary', { email: ['taken'] });
    if ((await pendingInvitations(ctx.tx, ctx.organisation.id)) >= MAX_PENDING_INVITATIONS)
      return invalid('too_many', undefined, { values: { max: MAX_PENDING_INVITATIONS } });
    const created = await ctx.transaction(async (step) => {
      const invited = await insertInvitedUser(
        step,
        { email: input.email, name: input.name, role: 'staff', organisationIds: [ctx.organisation.id] },
        { organisationId: ctx.organisation.id, invitedBy: 'organisation' },
      );
      return invited ? ok(invited) : invalid('summary', { email: ['taken'] });
    });
    if (!created.ok) return created;
    return sendInvitationLink(ctx, created.value.user, created.value.issued);
  },
  {
    name: (input) => `invite colleague ${input.orgSlug}`,
    organisation: (db, input) => findOrganisationBySlug(db, input.orgSlug),
    messages: 'portal.colleagues.errors',
    invalid: 'summary',
    transaction: false,
  },
);

export interface Colleague {
  id: number;
  email: string;
  name: string;
  /** invited and not yet accepted */
  pending: boolean;
}

/** The people with access to an organisation's reports, for its staff: enabled members. */
export async function listColleagues(
  db: Database,
  actor: Actor | null,
  input: { organisationId: number },
): Promise<Result<Colleague[]>> {
  const allowed = await authoriseFor(db, actor, input.organisationId, 'colleagues.read');
  if (!allowed.ok) return allowed;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      pending: sql<boolean>`${neverSignedIn}`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, input.organisationId),
        eq(users.disabled, false),
        eq(users.role, 'staff'),
      ),
    )
    .orderBy(asc(users.name), asc(users.email));
  return ok(rows.map((row) => ({ ...row, pending: Boolean(row.pending) })));
}

export interface StaffInvitation {
  userId: number;
  email: string;
  name: string;
  organisations: string[];
  invitedByEmail: string;
  invitedAt: Date;
  expiresAt: Date;
}

/** Invitations staff sent to colleagues and nobody has accepted yet, for the secretariat. */
export const listStaffInvitations = adminQuery('user.staff_invitations.read', async ({ db }) => {
  const inviter = alias(users, 'inviter');
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      invitedByEmail: inviter.email,
      invitedAt: authTokens.createdAt,
      expiresAt: authTokens.expiresAt,
    })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .innerJoin(inviter, eq(inviter.id, authTokens.createdBy))
    .where(
      and(
        eq(authTokens.purpose, 'invitation'),
        isNull(authTokens.usedAt),
        eq(users.disabled, false),
        eq(inviter.role, 'staff'),
        neverSignedIn,
      ),
    )
    .orderBy(desc(authTokens.createdAt));
  const ids = rows.map((row) => row.userId);
  const links = ids.length
    ? await db
        .select({ userId: memberships.userId, name: organisations.name })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(inArray(memberships.userId, ids))
    : [];
  return ok(
    rows.map(
      (row): StaffInvitation => ({
        ...row,
        organisations: links.filter((link) => link.userId === row.userId).map((link) => link.name),
      }),
    ),
  );
});

/**
 * Revokes an invitation nobody has accepted: the invited user (who never signed in, so did
 * nothing) is removed with their membership and link, and the address can be invited again.
 * Once accepted, access is ended by disabling the user instead.
 */
export const revokeInvitation = adminAction(
  z.object({ userId: databaseId('user_not_found') }),
  async (ctx, { userId }) => {
    const [user] = await ctx.tx
      .select({ id: users.id, email: users.email, name: users.name, pending: sql<boolean>`${neverSignedIn}` })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) return notFound('user_not_found');
    if (!user.pending) return conflict('invitation_accepted');
    const organisationIds = (
      await ctx.tx
        .select({ id: memberships.organisationId })
        .from(memberships)
        .where(eq(memberships.userId, userId))
    ).map((row) => row.id);
    await ctx.tx.delete(users).where(eq(users.id, userId));
    await ctx.audit({
      action: 'user.invitation_revoked',
      entityType: 'user',
      entityId: userId,
      before: { email: user.email, name: user.name, organisationIds },
    });
    return ok({ email: user.email });
  },
  { name: 'user.revoke_invitation' },
);

// ---- for the pages: this request's database and actor ----

/** The portal's colleagues: each of the reader's organisations with the people who have access. */
export const readColleagues = forRequest(async (db, actor, _input?: undefined) => {
  const ids = actor?.organisationIds ?? [];
  const rows = ids.length
    ? await db
        .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids))
        .orderBy(asc(organisations.name))
    : [];
  const result: { organisation: (typeof rows)[number]; colleagues: Colleague[] }[] = [];
  for (const organisation of rows) {
    const colleagues = await listColleagues(db, actor, { organisationId: organisation.id });
    if (colleagues.ok) result.push({ organisation, colleagues: colleagues.value });
  }
  return result;
});

export const readStaffInvitations = forRequest(listStaffInvitations);
