// `npm run restore -- <file> [--force]`: brings a backup from `npm run backup` back into the app's
// database (DATABASE_URL, or the embedded PGlite folder). Refuses a database that holds data,
// unless --force (PostgreSQL: the backup's objects are dropped and recreated, in one transaction;
// PGlite: the old folder is moved aside to <folder>.before-restore-<time>). Stop the app first.
import { present } from '@/lib/invariant';
import { parseArgs } from 'node:util';
import { targetFromEnv } from '../db/client';
import { BackupError, restoreDatabase } from '../lib/backup/backup';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    console.error('Usage: npm run restore -- <backup file> [--force]');
    process.exit(2);
  }
  const result = await restoreDatabase(targetFromEnv(), present(positionals[0]), { force: values.force });
  console.log(
    `Restored ${result.file} into the ${result.kind === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)'} database.`,
  );
  if (result.previousDataMovedTo)
    console.log(`The replaced data folder was kept at ${result.previousDataMovedTo}.`);
}

main().catch((error) => {
  console.error(error instanceof BackupError ? `Restore failed: ${error.message}` : error);
  process.exit(1);
});
