// Runs once when the server starts: bad configuration stops it with one clear line each.
import { getDatabase } from '@/db/client';
import { describeDatabaseFailure, environmentProblems } from './env';

export async function prepareServer(): Promise<void> {
  const problems = environmentProblems();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`Configuration error: ${problem}`);
    process.exit(1);
  }
  try {
    await getDatabase();
  } catch (error) {
    console.error(`Configuration error: ${describeDatabaseFailure(error)}`);
    process.exit(1);
  }
}
