import 'server-only';
import { sql } from 'drizzle-orm';
import { type Database, getDb } from '@/db/client';
import { describeConnectionError } from '@/lib/database-unavailable';

export interface Health {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  /** round trip of `select 1`, when the database answered */
  databaseLatencyMs?: number;
  /** why the database is down (driver code and first line, never the connection URL) */
  databaseError?: string;
  checkedAt: string;
}

/** A health check must answer quickly even when connecting to the database would hang. */
export const HEALTH_TIMEOUT_MS = 3_000;

class HealthTimeout extends Error {
  code = 'HEALTH_TIMEOUT';
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** Readiness of one database handle: up when it answers `select 1` within the timeout. */
export async function checkDatabaseHealth(
  db: Database | Promise<Database>,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<Health> {
  const checkedAt = new Date().toISOString();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HealthTimeout(timeoutMs)), timeoutMs);
    });
    await Promise.race([(async () => (await db).execute(sql`select 1`))(), timeout]);
    return {
      status: 'ok',
      database: 'up',
      databaseLatencyMs: Math.round((performance.now() - started) * 10) / 10,
      checkedAt,
    };
  } catch (error) {
    return {
      status: 'unavailable',
      database: 'down',
      databaseError: describeConnectionError(error),
      checkedAt,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness of the app: healthy when its database answers. */
export function checkHealth(): Promise<Health> {
  return checkDatabaseHealth(getDb());
}
