// Backup and restore of the whole database, for `npm run backup` / `npm run restore`.
// - PostgreSQL (DATABASE_URL): pg_dump's custom format (schema, data and the migration journal),
//   taken from a consistent snapshot while the app keeps running; restored with pg_restore in
//   one transaction, so a failed restore leaves the target as it was.
// - PGlite (.data/pglite): a gzipped tarball of its data folder (PGlite's dumpDataDir). PGlite
//   is one process, so the app must be stopped while the backup or restore runs: the folder's
//   postmaster.pid says when it is in use, and both refuse then.
import 'server-only';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { DatabaseTarget } from '@/db/client';
import { describeUrl, postgresTool, splitPassword } from './postgres-tools';

const run = promisify(execFile);

export type BackupKind = 'postgres' | 'pglite';

export interface BackupResult {
  file: string;
  kind: BackupKind;
  bytes: number;
}

export interface RestoreResult {
  file: string;
  kind: BackupKind;
  /** PGlite with --force: where the folder that was replaced now lies */
  previousDataMovedTo?: string;
}

/** A failure the command line reports as one line, without a stack trace. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export const defaultBackupDirectory = path.join(process.cwd(), 'backups');

/** 2026-11-28T00:17:06.123Z → 20261128T001706Z: sorts by time, safe in any file system. */
export function backupTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function backupFileName(kind: BackupKind, now: Date): string {
  return `klyngeregnskab-${kind}-${backupTimestamp(now)}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`;
}

/** What a backup file holds, by its first bytes: pg_dump's custom format starts with PGDMP. */
export function backupKindOf(file: string): BackupKind | null {
  const handle = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    const read = fs.readSync(handle, head, 0, 5, 0);
    if (read >= 5 && head.toString('latin1') === 'PGDMP') return 'postgres';
    if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    return null;
  } finally {
    fs.closeSync(handle);
  }
}

function pgliteInUse(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'postmaster.pid'));
}

const inUseMessage = (dataDir: string) =>
  `The embedded database at ${dataDir} is in use (postmaster.pid is there): stop the app first ` +
  '(PGlite allows one process). If nothing is running — it stopped abnormally — run again with --force.';

/** Writes a backup into `directory` under a timestamped name; never leaves a partial file under that name. */
export async function backupDatabase(
  target: DatabaseTarget,
  options: { directory?: string; now?: Date; force?: boolean } = {},
): Promise<BackupResult> {
  const directory = options.directory ?? defaultBackupDirectory;
  fs.mkdirSync(directory, { recursive: true });
  const kind: BackupKind = target.kind;
  const file = path.join(directory, backupFileName(kind, options.now ?? new Date()));
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already`);
  const partial = `${file}.partial`;
  try {
    if (target.kind === 'postgres') {
      const { url, password } = splitPassword(target.url);
      try {
        await run(
          postgresTool('pg_dump'),
          ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`],
          {
            env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
            maxBuffer: 16 * 1024 * 1024,
          },
        );
      } catch (error) {
        throw new BackupError(
          `pg_dump of ${describeUrl(target.url)} failed: ${firstLine((error as { stderr?: string }).stderr ?? error)}`,
        );
      }
    } else {
      const dataDir = target.dataDir;
      if (!dataDir || !fs.existsSync(path.join(dataDir, 'PG_VERSION')))
        throw new BackupError(`No embedded database at ${dataDir ?? '(in memory)'} to back up`);
      if (pgliteInUse(dataDir) && !options.force) throw new BackupError(inUseMessage(dataDir));
      const client = new PGlite(dataDir);
      try {
        await client.waitReady;
        const dump = await client.dumpDataDir('gzip');
        fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await client.close();
      }
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file, kind, bytes: fs.statSync(file).size };
}

/** True when no table of the application (schema public) holds a row. */
export async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const tables = await client<{ name: string }[]>`
      select quote_ident(c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`;
    for (const table of tables) {
      const [row] = await client.unsafe(`select exists (select 1 from public.${table.name}) as filled`);
      if (row?.filled) return false;
    }
    return true;
  } finally {
    await client.end({ timeout: 5 });
  }
}

function pgliteIsEmpty(dataDir: string): boolean {
  return !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
}

/**
 * Restores a backup into an empty database: a PostgreSQL database whose tables hold no rows, or
 * a PGlite folder that does not exist yet. `force` replaces what is there (PostgreSQL: the
 * dump's objects are dropped and recreated; PGlite: the old folder is moved aside, not deleted).
 */
export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  const kind = backupKindOf(file);
  if (!kind)
    throw new BackupError(
      `${file} is not a backup of this app (neither pg_dump custom format nor a PGlite tarball)`,
    );
  if (kind !== target.kind) {
    throw new BackupError(
      kind === 'postgres'
        ? `${file} is a PostgreSQL backup: set DATABASE_URL to the database to restore it into`
        : `${file} is a backup of the embedded database (PGlite): unset DATABASE_URL (PGLITE_DIR chooses the folder)`,
    );
  }

  if (target.kind === 'postgres') {
    if (!options.force && !(await postgresIsEmpty(target.url))) {
      throw new BackupError(
        `The database at ${describeUrl(target.url)} is not empty: restore into an empty database, or pass --force to replace its contents`,
      );
    }
    const { url, password } = splitPassword(target.url);
    try {
      await run(
        postgresTool('pg_restore'),
        [
          '--clean',
          '--if-exists',
          '--no-owner',
          '--no-privileges',
          '--single-transaction',
          `--dbname=${url}`,
          file,
        ],
        {
          env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
          maxBuffer: 16 * 1024 * 1024,
        },
      );
    } catch (error) {
      throw new BackupError(
        `pg_restore into ${describeUrl(target.url)} failed, nothing was changed: ${firstLine((error as { stderr?: string }).stderr ?? error)}`,
      );
    }
    return { file, kind };
  }

  const dataDir = target.dataDir;
  if (!dataDir) throw new BackupError('Restoring PGlite needs a folder (PGLITE_DIR)');
  let previousDataMovedTo: string | undefined;
  if (!pgliteIsEmpty(dataDir)) {
    if (!options.force) {
      throw new BackupError(
        `The embedded database at ${dataDir} exists: restore into a new folder (PGLITE_DIR), or pass --force to move it aside and replace it`,
      );
    }
    if (pgliteInUse(dataDir)) {
      // --force covers a folder left by a crash; a running app would still corrupt what we write
      console.warn(`Warning: ${dataDir} has a postmaster.pid; make sure the app is stopped.`);
    }
    previousDataMovedTo = `${dataDir}.before-restore-${backupTimestamp(options.now ?? new Date())}`;
    fs.renameSync(dataDir, previousDataMovedTo);
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // restore into a sibling folder first, then move it into place: a failure leaves no half folder
  const staging = `${dataDir}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    const client = new PGlite(staging, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      await client.waitReady;
      await client.query('select 1');
    } finally {
      await client.close();
    }
    fs.renameSync(staging, dataDir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (previousDataMovedTo) fs.renameSync(previousDataMovedTo, dataDir);
    throw new BackupError(`Restoring ${file} failed, nothing was changed: ${firstLine(error)}`);
  }
  return { file, kind, previousDataMovedTo };
}

function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? text
  );
}
