import 'server-only';
// Reads for pages and route handlers, which never see the database or decide who is asking:
// forRequest(read) is `read` with this request's database and signed-in actor filled in. The read
// itself authorises (lib/actions/define.ts's adminQuery, or its own check), as every lib/ read does.
import type { Database } from '@/db/client';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';

/**
 * The signed-in actor of this request. Loaded when first asked for, not when a feature's queries
 * module is: those are imported by tests and scripts too, where Auth.js's request runtime is not.
 */
async function requestActor(): Promise<Actor | null> {
  const { getActor } = await import('@/lib/auth/session');
  return getActor();
}

export function forRequest<Args extends unknown[], T>(
  read: (db: Database, actor: Actor | null, ...args: Args) => Promise<T>,
): (...args: Args) => Promise<T> {
  return async (...args) => {
    const [db, actor] = await Promise.all([getDb(), requestActor()]);
    return read(db, actor, ...args);
  };
}

/** For reads that need no actor (the sign-in pages' link check): the database. */
export function withDatabase<Args extends unknown[], T>(
  read: (db: Database, ...args: Args) => Promise<T>,
): (...args: Args) => Promise<T> {
  return async (...args) => read(await getDb(), ...args);
}
