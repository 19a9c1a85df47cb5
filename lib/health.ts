import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export interface Health {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  checkedAt: string;
}

/** Readiness: the app is healthy when the database answers. */
export async function checkHealth(): Promise<Health> {
  const checkedAt = new Date().toISOString();
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return { status: 'ok', database: 'up', checkedAt };
  } catch {
    return { status: 'unavailable', database: 'down', checkedAt };
  }
}
