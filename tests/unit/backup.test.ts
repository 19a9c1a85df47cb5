import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  backupDatabase,
  backupFileName,
  backupKindOf,
  restoreDatabase,
} from '@/lib/backup/backup';
import { describeUrl, splitPassword } from '@/lib/backup/postgres-tools';

const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'klyngeregnskab-backup-unit-'));
afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

describe('backup files', () => {
  it('are named by kind and UTC time, so they sort by time', () => {
    const now = new Date('2026-11-28T00:17:06.123Z');
    expect(backupFileName('postgres', now)).toBe('klyngeregnskab-postgres-20261128T001706Z.dump');
    expect(backupFileName('pglite', now)).toBe('klyngeregnskab-pglite-20261128T001706Z.tar.gz');
  });

  it('are recognised by their first bytes', () => {
    const dump = path.join(workdir, 'a');
    const tarball = path.join(workdir, 'b');
    const other = path.join(workdir, 'c');
    fs.writeFileSync(dump, 'PGDMP\u0001\u000e');
    fs.writeFileSync(tarball, Buffer.from([0x1f, 0x8b, 8, 0]));
    fs.writeFileSync(other, 'PK\u0003\u0004');
    expect(backupKindOf(dump)).toBe('postgres');
    expect(backupKindOf(tarball)).toBe('pglite');
    expect(backupKindOf(other)).toBeNull();
  });
});

describe('the embedded database while the app runs', () => {
  it('is not backed up or replaced while its folder is in use (postmaster.pid)', async () => {
    const dataDir = path.join(workdir, 'pglite');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '17\n');
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), '-42\n/pglite/data\n');
    const directory = path.join(workdir, 'backups');
    await expect(backupDatabase({ kind: 'pglite', dataDir }, { directory })).rejects.toThrow(/in use/);
    expect(fs.existsSync(directory) ? fs.readdirSync(directory) : []).toEqual([]);

    const tarball = path.join(workdir, 'backup.tar.gz');
    fs.writeFileSync(tarball, Buffer.from([0x1f, 0x8b, 8, 0]));
    await expect(restoreDatabase({ kind: 'pglite', dataDir }, tarball)).rejects.toThrow(BackupError);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['PG_VERSION', 'postmaster.pid']);
  });
});

describe('database URLs', () => {
  it('keep the password off the command line and out of messages', () => {
    const url = 'postgres://app:s%3Acr%40t@db.internal:5433/klynger';
    expect(splitPassword(url)).toEqual({
      url: 'postgres://app@db.internal:5433/klynger',
      password: 's:cr@t',
    });
    expect(describeUrl(url)).toBe('db.internal:5433/klynger');
  });
});
