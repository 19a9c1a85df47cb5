// Migrates one PGlite database once and dumps it, so each test file starts from a copy in well
// under a second instead of migrating from scratch.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '@/db/client';
import { PGLITE_TEMPLATE } from './database';

export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const client = new PGlite();
  await migrate(drizzle(client), { migrationsFolder });
  const dump = await client.dumpDataDir('gzip');
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}
