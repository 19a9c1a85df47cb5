// What a database holds, in a form two snapshots can be compared by: every table's row count and
// an md5 over its rows in a stable order. "Refused and stored nothing" is then
// `expect(await databaseFingerprint(db)).toEqual(before)`. Works on PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';

export interface TableFingerprint {
  rows: number;
  md5: string;
}

export type DatabaseFingerprint = Record<string, TableFingerprint>;

/** The application's tables (schema public), sorted by name. */
export async function applicationTables(db: Database): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  return rows.map((row) => row.name);
}

/**
 * Row count and content checksum of every application table (or of `only`). Sequences are left
 * out on purpose: a rolled-back insert still uses up an id, which is harmless.
 */
export async function databaseFingerprint(db: Database, only?: string[]): Promise<DatabaseFingerprint> {
  const tables = only ?? (await applicationTables(db));
  const fingerprint: DatabaseFingerprint = {};
  for (const table of tables) {
    const [row] = await queryRows<{ rows: number; md5: string | null }>(
      db,
      sql`select count(*)::int as rows,
                 md5(coalesce(string_agg(t::text, E'\n' order by t::text collate "C"), '')) as md5
          from ${sql.identifier(table)} as t`,
    );
    fingerprint[table] = { rows: Number(row?.rows ?? 0), md5: String(row?.md5 ?? '') };
  }
  return fingerprint;
}

/** The tables whose content differs between two fingerprints (for a readable failure). */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => before[name]?.md5 !== after[name]?.md5 || before[name]?.rows !== after[name]?.rows)
    .sort();
}
