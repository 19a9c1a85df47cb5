// How pg-boss reaches the app's database. PostgreSQL: pg-boss's own small pool (its tested path,
// and the app's pool of DATABASE_POOL_SIZE stays the app's). PGlite: one connection in one process,
// so pg-boss goes through the app's PGlite client. PGlite queues every statement behind a running
// transaction (query() and exec() take the same lock as transaction()), so pg-boss's statements
// never land inside one of the app's transactions; pg-boss sends each of its own transactions as
// one multi-statement text without parameters (BEGIN … COMMIT), which exec() runs as a whole.
import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseHandle } from '@/db/client';

/** pg-boss's `db` option: one function that runs a statement and returns its rows. */
export interface PgBossDatabase {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export type JobConnection =
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'pglite'; database: PgBossDatabase };

export function pgliteForPgBoss(client: PGlite): PgBossDatabase {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query(text, values);
        return { rows: result.rows };
      }
      // no parameters: possibly several statements (pg-boss's schema and its locked transactions)
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/** The connection the jobs of this database use. */
export function jobConnectionFor(handle: DatabaseHandle): JobConnection {
  if (handle.target.kind === 'postgres') {
    // a worker per queue polls on its own schedule; two connections keep them from queueing
    return { kind: 'postgres', url: handle.target.url, poolSize: 2 };
  }
  if (!handle.pglite) throw new Error('the embedded database handle carries no PGlite client');
  return { kind: 'pglite', database: pgliteForPgBoss(handle.pglite) };
}
