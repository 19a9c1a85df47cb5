// A fresh, migrated database per test file: PGlite loaded from a dump migrated once (fast), or a
// new database on the PostgreSQL server named by TEST_DATABASE_URL (CI runs both).
import fs from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '@/db/client';

// one template per checkout: two checkouts with different migrations may test at once
const checkout = createHash('sha256')
  .update(path.resolve(import.meta.dirname, '../..'))
  .digest('hex')
  .slice(0, 12);
export const PGLITE_TEMPLATE =
  process.env.PGLITE_TEMPLATE ?? path.join(os.tmpdir(), `klyngeregnskab-test-template-${checkout}.tar.gz`);

export interface TestDatabase extends DatabaseHandle {
  destroy(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `kr_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
    await handle.migrate();
    return {
      ...handle,
      destroy: async () => {
        await handle.close();
        const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const template = fs.existsSync(PGLITE_TEMPLATE) ? new Blob([fs.readFileSync(PGLITE_TEMPLATE)]) : undefined;
  const handle = await openDatabase({ kind: 'pglite', loadDataDir: template });
  // the template is already migrated; this only applies migrations newer than it
  await handle.migrate();
  return { ...handle, destroy: () => handle.close() };
}
