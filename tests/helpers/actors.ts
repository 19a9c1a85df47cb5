// Actors for integration tests, built from user rows the way the session layer would.
import { must } from './must';
import type { Database } from '@/db/client';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/actor';
import { createUser } from './fixtures';

export async function adminActor(db: Database): Promise<Actor> {
  const user = await createUser(db, { role: 'admin', totpEnabledAt: new Date() });
  return must(await loadActor(db, user.id, user.sessionVersion));
}

export async function staffActor(db: Database, organisationIds: number[]): Promise<Actor> {
  const user = await createUser(db, { role: 'staff', organisationIds });
  return must(await loadActor(db, user.id, user.sessionVersion));
}
