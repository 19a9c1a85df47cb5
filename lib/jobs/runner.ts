// The one job runner: pg-boss (a maintained queue on PostgreSQL's SKIP LOCKED) on the app's own
// database. A job waits in a table, so it survives a restart; each due job is handed to exactly
// one worker however many instances poll (SELECT … FOR UPDATE SKIP LOCKED); a handler that throws
// is retried by its definition's policy; a run on an instance that dies is failed at its expiry
// and retried. Recurring jobs (cron) are sent by whichever instance holds pg-boss's cron turn.
// Handlers must still be idempotent: a run that finished its work but died before pg-boss
// recorded it is run again (lib/releases locks its row and checks its state first).
import PgBoss from 'pg-boss';
import type { JobConnection } from './connection';
import type { JobDefinition, JobSender, RegisteredJob, SendOptions } from './job';

/** Recurring jobs are stated in Danish time, as the secretariat thinks of them. */
export const JOB_TIME_ZONE = 'Europe/Copenhagen';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobLog {
  error(message: string, error?: unknown): void;
}

const consoleLog: JobLog = {
  error: (message, error) =>
    console.error(`[jobs] ${message}`, error instanceof Error ? error.message : (error ?? '')),
};

export interface JobRunnerOptions<Context> {
  connection: JobConnection;
  jobs: RegisteredJob<Context>[];
  context: Context;
  log?: JobLog;
  /** false: only send, never work (a script that queues but must not run the app's jobs) */
  work?: boolean;
}

export class JobRunner<Context> implements JobSender {
  readonly #options: JobRunnerOptions<Context>;
  readonly #boss: PgBoss;
  readonly #known = new Map<string, RegisteredJob<Context>>();
  #started: Promise<void> | null = null;

  constructor(options: JobRunnerOptions<Context>) {
    this.#options = options;
    for (const job of options.jobs) this.#known.set(job.definition.name, job);
    const connection = options.connection;
    this.#boss = new PgBoss({
      ...(connection.kind === 'postgres'
        ? {
            connectionString: connection.url,
            max: connection.poolSize,
            application_name: 'klyngeregnskab-jobs',
          }
        : { db: connection.database as PgBoss.Db }),
      // pg-boss keeps its own schema (`pgboss`) and migrates it under an advisory lock, so several
      // instances starting at once install it once
      migrate: true,
      schedule: options.work !== false,
      supervise: options.work !== false,
    });
    // an EventEmitter without an error listener would throw these at the process
    this.#boss.on('error', (error) => (options.log ?? consoleLog).error('pg-boss', error));
  }

  /** Installs or migrates pg-boss's schema, creates the queues, starts the workers and the cron. */
  start(): Promise<void> {
    this.#started ??= this.#start();
    return this.#started;
  }

  async #start(): Promise<void> {
    await this.#boss.start();
    for (const { definition, handler } of this.#known.values()) {
      const queue = {
        name: definition.name,
        policy: 'standard' as const,
        retryLimit: definition.retry.limit,
        retryDelay: definition.retry.delaySeconds,
        retryBackoff: definition.retry.backoff,
        expireInSeconds: definition.expireInSeconds,
      };
      await createQueueOnce(this.#boss, queue);
      // a changed retry policy reaches a queue created by an earlier version
      await this.#boss.updateQueue(definition.name, queue);
      if (this.#options.work === false) continue;
      await this.#boss.work(
        definition.name,
        { pollingIntervalSeconds: definition.pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs) {
            const data = definition.data.parse(job.data);
            await handler(data, {
              id: job.id,
              retryCount: job.retryCount,
              context: this.#options.context,
            });
          }
        },
      );
      if (definition.cron) {
        await this.#boss.schedule(
          definition.name,
          definition.cron.expression,
          definition.cron.data as object,
          {
            tz: JOB_TIME_ZONE,
          },
        );
      } else {
        // a definition that lost its cron must not keep the old schedule in the database
        await this.#boss.unschedule(definition.name);
      }
    }
  }

  async send<Data>(
    definition: JobDefinition<Data>,
    data: Data,
    options: SendOptions = {},
  ): Promise<string | null> {
    if (!this.#known.has(definition.name))
      throw new Error(`job ${definition.name} is not one of this runner's`);
    await this.start();
    const parsed = definition.data.parse(data);
    const startAfter =
      options.runAt === undefined
        ? undefined
        : // seconds from now, counted by the database's clock: the caller's clock (the app's, or a
          // test's) says how far off the moment is, and a skew between the two does not matter
          Math.max(0, Math.ceil((options.runAt.getTime() - (options.now ?? new Date()).getTime()) / 1000));
    return this.#boss.send(definition.name, parsed as object, startAfter === undefined ? {} : { startAfter });
  }

  async state(definition: JobDefinition<unknown>, id: string): Promise<JobState | null> {
    const job = await this.#boss.getJobById(definition.name, id, { includeArchive: true });
    return (job?.state as JobState | undefined) ?? null;
  }

  /**
   * Waits until a job has finished (completed, failed for good, or cancelled) and says how. Polls
   * pg-boss's row: pg-boss 10 has no completion event.
   */
  async finished(
    definition: JobDefinition<unknown>,
    id: string,
    { timeoutMs = 30_000, intervalMs = 100 } = {},
  ): Promise<JobState | 'timeout'> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.state(definition, id);
      if (state === 'completed' || state === 'failed' || state === 'cancelled') return state;
      if (Date.now() > deadline) return 'timeout';
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** Stops polling, lets running jobs finish (up to `timeoutMs`), and closes pg-boss's pool. */
  async stop({ timeoutMs = 10_000 } = {}): Promise<void> {
    if (!this.#started) return;
    await this.#started.catch(() => {});
    await this.#boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    this.#started = null;
  }
}

const DEADLOCK = '40P01';

/**
 * pg-boss's create_queue inserts the queue and attaches its partition; two instances starting at
 * once on PostgreSQL deadlock there (tests/integration/jobs.test.ts found it). PostgreSQL aborts
 * one of them; its second try finds the queue made and does nothing.
 */
async function createQueueOnce(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (attempt >= 5 || (error as { code?: string }).code !== DEADLOCK) throw error;
    }
  }
}
