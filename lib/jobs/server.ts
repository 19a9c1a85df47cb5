// The server's one runner, started once per process by instrumentation.ts after the database is
// migrated, and kept on globalThis like the database (Next bundles each route separately). Every
// instance runs the same workers; pg-boss hands each due job to one of them.
import 'server-only';
import { getDatabase } from '@/db/client';
import { jobConnectionFor } from './connection';
import type { JobSender } from './job';
import { APP_JOBS, type AppJobContext } from './registry';
import { JobRunner } from './runner';

const shared = globalThis as typeof globalThis & { __klyngeregnskabJobs?: Promise<JobRunner<AppJobContext>> };

export function startAppJobRunner(): Promise<JobRunner<AppJobContext>> {
  shared.__klyngeregnskabJobs ??= (async () => {
    const handle = await getDatabase();
    const runner = new JobRunner<AppJobContext>({
      connection: jobConnectionFor(handle),
      jobs: APP_JOBS,
      context: { db: handle.db },
    });
    await runner.start();
    return runner;
  })().catch((error) => {
    shared.__klyngeregnskabJobs = undefined;
    throw error;
  });
  return shared.__klyngeregnskabJobs;
}

/** The runner as lib/ functions need it: to queue a job. */
export function appJobRunner(): Promise<JobRunner<AppJobContext>> {
  return startAppJobRunner();
}

export async function appJobSender(): Promise<JobSender> {
  return startAppJobRunner();
}
