// `npm run backup [-- --dir <folder>] [-- --force]`: a timestamped backup of the app's database
// (DATABASE_URL, or the embedded PGlite under .data/pglite / PGLITE_DIR) into backups/.
// PGlite: stop the app first (one process per folder); --force only if it stopped abnormally.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { targetFromEnv } from '../db/client';
import { BackupError, backupDatabase, defaultBackupDirectory } from '../lib/backup/backup';

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

async function main() {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const target = targetFromEnv();
  const result = await backupDatabase(target, {
    directory: values.dir ? path.resolve(values.dir) : defaultBackupDirectory,
    force: values.force,
  });
  console.log(
    `Backup of the ${result.kind === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)'} database written to ${displayPath(result.file)} (${(result.bytes / 1024 / 1024).toFixed(1)} MB)`,
  );
}

main().catch((error) => {
  console.error(error instanceof BackupError ? `Backup failed: ${error.message}` : error);
  process.exit(1);
});
