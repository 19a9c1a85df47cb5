// The demo's database step: migrate, and load the demo data only into an empty database, so a
// restart keeps whatever was entered since.
import { type DatabaseTarget, openDatabase } from '@/db/client';
import { demoLogins, isDemoSeeded, seedDemo } from './demo';

export async function prepareDemoDatabase(
  target: DatabaseTarget,
  log: (line: string) => void = console.log,
): Promise<{ seeded: boolean; logins: string[] }> {
  const handle = await openDatabase(target);
  try {
    await handle.migrate();
    const alreadySeeded = await isDemoSeeded(handle.db);
    if (alreadySeeded) {
      log('Demo data already in place: keeping it.');
    } else {
      log('Loading the demo data (about 10 seconds) …');
      await seedDemo(handle.db);
    }
    return { seeded: !alreadySeeded, logins: await demoLogins(handle.db) };
  } finally {
    await handle.close();
  }
}
