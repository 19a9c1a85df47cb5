// Runs once when the server starts: bad configuration stops it with one clear line each.
import 'server-only';
import { getDatabase } from '@/db/client';
import { describeDatabaseFailure, environmentProblems } from './env';
import { adoptSiteOriginForAuth } from './site-url';

export async function prepareServer(): Promise<void> {
  const problems = environmentProblems();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`Configuration error: ${problem}`);
    process.exit(1);
  }
  adoptSiteOriginForAuth();
  try {
    await getDatabase();
  } catch (error) {
    console.error(`Configuration error: ${describeDatabaseFailure(error)}`);
    process.exit(1);
  }
  try {
    // scheduled work (releases at their minute; the round's reminders) runs in every instance
    const { startAppJobRunner } = await import('./jobs/server');
    await startAppJobRunner();
  } catch (error) {
    console.error(`Configuration error: the job runner could not start: ${describeDatabaseFailure(error)}`);
    process.exit(1);
  }
  // the front cache must not keep an answer made just before a release past its minute
  const { watchReleases } = await import('./releases/front-cache');
  await watchReleases((await getDatabase()).db);
}
