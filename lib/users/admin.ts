// The secretariat's user administration: the user rows and memberships. Invitation mail (the
// one-time link) belongs to issue 3's invitePerson; createUser here makes the row it invites.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { memberships, organisations, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { conflict, invalid, notFound, ok } from '@/lib/result';
import { fieldErrorsOf } from '@/lib/years/years';

export const personSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'email_invalid' })),
  name: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'too_long' }),
  role: z.enum(['admin', 'staff'], { error: 'role_invalid' }),
  organisationIds: z.array(z.coerce.number().int().positive()).default([]),
});

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

/** Creates the user row and memberships; the caller sends the invitation (issue 3). */
export async function createUser(db: Database, actor: Actor | null, input: Record<string, unknown>) {
  const denied = await checkAdmin(db, actor, 'user.create');
  if (denied) return denied;
  const parsed = personSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_input', fieldErrorsOf(parsed.error));
  const { email, name, role, organisationIds } = parsed.data;
  if (role === 'staff' && organisationIds.length === 0) {
    return invalid('invalid_input', { organisationIds: ['organisation_required'] });
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (existing) return invalid('invalid_input', { email: ['email_taken'] });
    if (organisationIds.length > 0) {
      const found = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.id, organisationIds));
      if (found.length !== new Set(organisationIds).size)
        return invalid('invalid_input', { organisationIds: ['organisation_invalid'] });
    }
    const [row] = await tx.insert(users).values({ email, name, role }).returning({ id: users.id });
    const ids = role === 'staff' ? [...new Set(organisationIds)] : [];
    if (ids.length)
      await tx.insert(memberships).values(ids.map((organisationId) => ({ userId: row!.id, organisationId })));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      actorEmail: actor!.email,
      action: 'user.create',
      entityType: 'user',
      entityId: row!.id,
      after: { email, name, role, organisationIds: ids },
      ip: actor!.ip,
    });
    return ok({ id: row!.id });
  });
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
  const denied = await checkAdmin(db, actor, `user.${input.change.kind}`);
  if (denied) return denied;
  const change = input.change;
  if (change.kind === 'role' && !['admin', 'staff'].includes(change.role)) {
    return invalid('invalid_input', { role: ['role_invalid'] });
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
