// Finds PostgreSQL's programs (pg_dump, pg_restore, initdb …) the way scripts/with-postgres.sh
// does: the newest /usr/lib/postgresql/<version>/bin, or PG_BIN. pg_dump must be at least as new
// as the server it dumps, so the newest installed one is the right pick.
import fs from 'node:fs';
import path from 'node:path';

export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PG_BIN?.trim()) return env.PG_BIN.trim();
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'pg_dump')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

export function postgresTool(name: 'pg_dump' | 'pg_restore' | 'psql', env: NodeJS.ProcessEnv = process.env) {
  const bin = findPostgresBin(env);
  const candidate = bin ? path.join(bin, name) : null;
  if (candidate && fs.existsSync(candidate)) return candidate;
  throw new Error(
    `${name} not found: install PostgreSQL's client programs (apt-get install -y postgresql-client) or set PG_BIN to their folder`,
  );
}

/**
 * A connection URL without its password, and the password apart: handed to pg_dump through
 * PGPASSWORD so it never shows in the process list.
 */
export function splitPassword(url: string): { url: string; password: string | null } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : null;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

/** host:port/database of a URL, for messages (never the password). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
