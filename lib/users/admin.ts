// The secretariat's user administration: listing and changing users and memberships. A new person
// is made by issue 3's invitePerson (lib/users/invitations.ts), which also issues the one-time link.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, organisations, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { conflict, invalid, notFound, ok } from '@/lib/result';
import { isDatabaseId } from '@/lib/validation/input';

const USER_CHANGES = ['role', 'disable', 'enable', 'logout_everywhere', 'memberships'];

export async function listUsers(db: Database, actor: Actor | null) {
  const denied = await checkAdmin(db, actor, 'user.read');
  if (denied) return denied;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      lastLoginAt: users.lastLoginAt,
      invited: sql<boolean>`${users.passwordHash} is null`,
    })
    .from(users)
    .orderBy(asc(users.email));
  const links = await db
    .select({ userId: memberships.userId, id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId));
  return ok(
    rows.map((row) => ({
      ...row,
      organisations: links.filter((link) => link.userId === row.id).map(({ id, name }) => ({ id, name })),
    })),
  );
}

type UserChange =
  | { kind: 'role'; role: 'admin' | 'staff' }
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'logout_everywhere' }
  | { kind: 'memberships'; organisationIds: number[] };

export async function changeUser(
  db: Database,
  actor: Actor | null,
  input: { userId: number; change: UserChange },
) {
  // the kind names the audited action: only a known one gets that far
  const kind = (input?.change as { kind?: unknown } | null | undefined)?.kind;
  if (typeof kind !== 'string' || !USER_CHANGES.includes(kind)) return invalid('invalid_input');
  const denied = await checkAdmin(db, actor, `user.${kind}`);
  if (denied) return denied;
  if (!isDatabaseId(input.userId)) return notFound('user_not_found');
  const change = input.change;
  if (change.kind === 'role' && !['admin', 'staff'].includes(change.role)) {
    return invalid('invalid_input', { role: ['role_invalid'] });
  }
  if (
    change.kind === 'memberships' &&
    (!Array.isArray(change.organisationIds) || !change.organisationIds.every(isDatabaseId))
  ) {
    return invalid('invalid_input', { organisationIds: ['organisation_invalid'] });
  }
  // the secretariat cannot lock itself out by accident
  if (input.userId === actor!.userId && (change.kind === 'disable' || change.kind === 'role')) {
    return conflict('cannot_change_self');
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!before) return notFound('user_not_found');
    const beforeMemberships = (
      await tx
        .select({ id: memberships.organisationId })
        .from(memberships)
        .where(eq(memberships.userId, input.userId))
    ).map((row) => row.id);
    let after: Record<string, unknown>;
    const bump = sql`${users.sessionVersion} + 1`;
    switch (change.kind) {
      case 'role':
        // a new role takes effect at once: old sessions end
        await tx
          .update(users)
          .set({ role: change.role, sessionVersion: bump })
          .where(eq(users.id, input.userId));
        after = { role: change.role };
        break;
      case 'disable':
        await tx
          .update(users)
          .set({ disabled: true, sessionVersion: bump })
          .where(eq(users.id, input.userId));
        after = { disabled: true };
        break;
      case 'enable':
        await tx.update(users).set({ disabled: false }).where(eq(users.id, input.userId));
        after = { disabled: false };
        break;
      case 'logout_everywhere':
        await tx.update(users).set({ sessionVersion: bump }).where(eq(users.id, input.userId));
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
        await tx.delete(memberships).where(eq(memberships.userId, input.userId));
        if (ids.length)
          await tx
            .insert(memberships)
            .values(ids.map((organisationId) => ({ userId: input.userId, organisationId })));
        after = { organisationIds: ids };
        break;
      }
    }
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: `user.${change.kind}`,
      entityType: 'user',
      entityId: input.userId,
      before: {
        role: before.role,
        disabled: before.disabled,
        sessionVersion: before.sessionVersion,
        organisationIds: beforeMemberships,
      },
      after,
      ip: actor!.ip,
    });
    return ok({ userId: input.userId });
  });
}

export async function userMemberships(db: Database, userId: number) {
  return db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId)));
}
