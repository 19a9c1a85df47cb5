// The one module that knows which PostgreSQL the app talks to. No DATABASE_URL: an embedded
// PGlite under .data/; otherwise PostgreSQL through the `postgres` driver. Everything else sees
// a drizzle `Database` and cannot tell them apart.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** A connection or a transaction: every lib/ function takes one of these. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  // loadDataDir: start from a dump of an already migrated database (tests)
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

export interface DatabaseHandle {
  db: Database;
  target: DatabaseTarget;
  /** the embedded database's one client, for what must share its one connection (lib/jobs) */
  pglite?: PGlite;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
export const defaultPgliteDir = path.join(process.cwd(), '.data', 'pglite');

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: env.PGLITE_DIR?.trim() || defaultPgliteDir };
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const client = postgres(target.url, {
      // Under a crowd of readers each query's answer waits a turn of the event loop, so the pool,
      // not PostgreSQL, limited staff saves: 10 connections gave 20 concurrent savers a median of
      // 20 s in a 200-reader load, 20 gave 12 s (bench/load.ts on the demo data).
      max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
      onnotice: () => {},
      connect_timeout: 10,
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    return {
      db,
      target,
      migrate: async () => {
        // one connection so the migrator's advisory lock and statements share a session
        const single = postgres(target.url, { max: 1, onnotice: () => {} });
        try {
          await migratePostgres(drizzlePostgres(single, { schema }), { migrationsFolder });
        } finally {
          await single.end();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = new PGlite(target.dataDir, target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    target,
    pglite: client,
    migrate: async () => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    close: () => client.close(),
  };
}

/** Rows of a raw query, whichever driver ran it. */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

type Shared = { handle?: Promise<DatabaseHandle> };
const shared = globalThis as typeof globalThis & { __klyngeregnskabDb?: Shared };

/**
 * The app's database, opened and migrated once per process. Kept on globalThis because Next
 * bundles each route separately, and two PGlite instances on one folder would corrupt it.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  shared.__klyngeregnskabDb ??= {};
  const state = shared.__klyngeregnskabDb;
  state.handle ??= (async () => {
    const handle = await openDatabase(targetFromEnv());
    await handle.migrate();
    return handle;
  })().catch((error) => {
    state.handle = undefined;
    throw error;
  });
  return state.handle;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

export { schema };

export interface DatabaseErrorInfo {
  /** SQLSTATE, e.g. 23505 unique violation, 23514 check violation, 23503 foreign key */
  code: string;
  constraint: string | null;
  message: string;
}

/**
 * The PostgreSQL error behind a failed query, the same for both drivers (PGlite says
 * `constraint`, postgres.js `constraint_name`; drizzle wraps either in `cause`).
 */
export function databaseErrorOf(error: unknown): DatabaseErrorInfo | null {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const candidate = current as {
      code?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
      message?: unknown;
    };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return {
        code: candidate.code,
        constraint: typeof constraint === 'string' ? constraint : null,
        message: String(candidate.message ?? ''),
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
