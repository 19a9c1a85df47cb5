// The secretariat's reads of users and their memberships.
import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { memberships, organisations, users } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { listOrganisations } from '@/lib/organisations/queries';
import { combine, notFound, ok } from '@/lib/result';

export const listUsers = adminQuery('user.read', async ({ db }, _input?: undefined) => {
  const [rows, links] = await Promise.all([
    db
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
      .orderBy(asc(users.email)),
    db
      .select({ userId: memberships.userId, id: organisations.id, name: organisations.name })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId)),
  ]);
  return ok(
    rows.map((row) => ({
      ...row,
      organisations: links.filter((link) => link.userId === row.id).map(({ id, name }) => ({ id, name })),
    })),
  );
});

export type UserListEntry = Extract<Awaited<ReturnType<typeof listUsers>>, { ok: true }>['value'][number];

// ---- for the pages: this request's database and actor ----

/** The users page: every user, and the organisations one can be made a member of. */
export const readUsersPage = forRequest(async (db, actor, _input?: undefined) =>
  combine({ users: await listUsers(db, actor), organisations: await listOrganisations(db, actor) }),
);

/** One user's page, with the organisations to choose memberships from. */
export const readUserPage = forRequest(async (db, actor, id: number) => {
  const page = combine({
    users: await listUsers(db, actor),
    organisations: await listOrganisations(db, actor),
  });
  if (!page.ok) return page;
  const user = page.value.users.find((entry) => entry.id === id);
  return user
    ? ok({ user, organisations: page.value.organisations })
    : notFound('admin.errors.user_not_found');
});
