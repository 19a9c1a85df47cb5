// `npm run backup` / `npm run restore`: a backup of the demo data restored into an empty database
// gives the same national accounts for every year, on whichever database this pass runs on
// (PGlite by default, PostgreSQL under scripts/with-postgres.sh). A non-empty target is refused.
import { must } from '../helpers/must';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, type DatabaseTarget, openDatabase } from '@/db/client';
import { reportingYears } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { computeNationalAccounts } from '@/lib/accounts/compute';
import { BackupError, backupDatabase, backupKindOf, restoreDatabase } from '@/lib/backup/backup';
import { databaseFingerprint } from '../helpers/database-fingerprint';
import { PGLITE_TEMPLATE } from '../helpers/database';

const serverUrl = process.env.TEST_DATABASE_URL;
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'klyngeregnskab-backup-test-'));
const created: string[] = [];

async function newPostgresDatabase(): Promise<DatabaseTarget> {
  const name = `kr_backup_${randomBytes(5).toString('hex')}`;
  const admin = postgres(must(serverUrl), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  created.push(name);
  const url = new URL(must(serverUrl));
  url.pathname = `/${name}`;
  return { kind: 'postgres', url: url.toString() };
}

function newPgliteFolder(): DatabaseTarget {
  return { kind: 'pglite', dataDir: path.join(workdir, `pglite-${randomBytes(4).toString('hex')}`) };
}

/** Every year's national accounts: what a backup must bring back exactly. */
async function allAccounts(db: Database) {
  const years = await db
    .select({ year: reportingYears.year })
    .from(reportingYears)
    .orderBy(reportingYears.year);
  const accounts: Record<number, unknown> = {};
  for (const { year } of years) accounts[year] = await computeNationalAccounts(db, year);
  return accounts;
}

async function open(target: DatabaseTarget): Promise<DatabaseHandle> {
  return openDatabase(target);
}

let source: DatabaseTarget;
let expectedAccounts: Record<number, unknown>;
let expectedFingerprint: Awaited<ReturnType<typeof databaseFingerprint>>;
let backupFile: string;

beforeAll(async () => {
  if (serverUrl) {
    source = await newPostgresDatabase();
  } else {
    source = newPgliteFolder();
    fs.mkdirSync((source as { dataDir: string }).dataDir, { recursive: true });
  }
  const template =
    source.kind === 'pglite' && fs.existsSync(PGLITE_TEMPLATE)
      ? new Blob([fs.readFileSync(PGLITE_TEMPLATE)])
      : undefined;
  const handle = await openDatabase(
    template && source.kind === 'pglite' ? { ...source, loadDataDir: template } : source,
  );
  await handle.migrate();
  await seedDemo(handle.db, new Date('2026-11-27T12:00:00Z'));
  expectedAccounts = await allAccounts(handle.db);
  expectedFingerprint = await databaseFingerprint(handle.db);
  await handle.close();
  backupFile = (await backupDatabase(source, { directory: path.join(workdir, 'backups') })).file;
}, 300_000);

afterAll(async () => {
  if (serverUrl && created.length) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  fs.rmSync(workdir, { recursive: true, force: true });
});

describe(`backup and restore on ${serverUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('writes a timestamped backup of the right kind into the backups folder', () => {
    const kind = serverUrl ? 'postgres' : 'pglite';
    expect(path.basename(backupFile)).toMatch(
      new RegExp(`^klyngeregnskab-${kind}-\\d{8}T\\d{6}Z\\.${kind === 'postgres' ? 'dump' : 'tar\\.gz'}$`),
    );
    expect(backupKindOf(backupFile)).toBe(kind);
    expect(fs.readdirSync(path.dirname(backupFile))).toEqual([path.basename(backupFile)]);
    expect(Object.keys(expectedAccounts)).toEqual(['2013', '2014', '2015', '2016', '2017']);
  });

  it('restores into an empty database with the same accounts for every year and the same rows', async () => {
    const target = serverUrl ? await newPostgresDatabase() : newPgliteFolder();
    await restoreDatabase(target, backupFile);
    const handle = await open(target);
    try {
      // the app migrates at start: the restored migration journal says there is nothing to do
      await handle.migrate();
      expect(await allAccounts(handle.db)).toEqual(expectedAccounts);
      expect(await databaseFingerprint(handle.db)).toEqual(expectedFingerprint);
    } finally {
      await handle.close();
    }
  });

  it('refuses a database that is not empty, changes nothing, and replaces it with --force', async () => {
    const target = serverUrl ? await newPostgresDatabase() : newPgliteFolder();
    const template =
      target.kind === 'pglite' && fs.existsSync(PGLITE_TEMPLATE)
        ? new Blob([fs.readFileSync(PGLITE_TEMPLATE)])
        : undefined;
    if (target.kind === 'pglite') fs.mkdirSync(must(target.dataDir), { recursive: true });
    const handle = await openDatabase(
      template && target.kind === 'pglite' ? { ...target, loadDataDir: template } : target,
    );
    await handle.migrate();
    await handle.db
      .insert(reportingYears)
      .values({ year: 2040, edition: 2041, opensOn: '2041-01-01', deadline: '2041-03-01' });
    const before = await databaseFingerprint(handle.db);
    await handle.close();

    await expect(restoreDatabase(target, backupFile)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(target, backupFile)).rejects.toThrow(/not empty|exists/);
    const unchanged = await open(target);
    expect(await databaseFingerprint(unchanged.db)).toEqual(before);
    await unchanged.close();

    const result = await restoreDatabase(target, backupFile, { force: true });
    const restored = await open(target);
    try {
      expect(await allAccounts(restored.db)).toEqual(expectedAccounts);
    } finally {
      await restored.close();
    }
    // PGlite: the replaced folder is kept beside it, not deleted
    if (target.kind === 'pglite') expect(fs.existsSync(must(result.previousDataMovedTo))).toBe(true);
  });

  it('refuses a file that is not a backup, or one of the other database kind', async () => {
    const junk = path.join(workdir, 'junk.dump');
    fs.writeFileSync(junk, 'id;name\n1;=cmd\n');
    const target = serverUrl ? await newPostgresDatabase() : newPgliteFolder();
    await expect(restoreDatabase(target, junk)).rejects.toThrow(/not a backup/);
    const other: DatabaseTarget = serverUrl
      ? newPgliteFolder()
      : { kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/x' };
    await expect(restoreDatabase(other, backupFile)).rejects.toThrow(
      serverUrl ? /PostgreSQL backup/ : /embedded database/,
    );
  });
});
