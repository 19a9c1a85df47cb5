// What a job is, apart from who runs it: a name, the shape of its data, and how it is retried.
// Feature folders define their jobs here (lib/releases, and the round's reminders next); the
// runner (runner.ts) takes the definitions with their handlers. Defining a job does not import
// the runner, so a feature can send its own jobs without a cycle.
import type { z } from 'zod';

export interface RetryPolicy {
  /** how many times a failed run is tried again */
  limit: number;
  /** seconds before the first retry */
  delaySeconds: number;
  /** double the delay on each further retry */
  backoff: boolean;
}

export interface JobDefinition<Data> {
  /** the queue's name in pg-boss: letters, digits, dots, dashes */
  readonly name: string;
  /** validated when the job is sent and again when it runs (the row could be old or edited) */
  readonly data: z.ZodType<Data>;
  readonly retry: RetryPolicy;
  /** a run taking longer than this is failed and retried (also a run on an instance that died) */
  readonly expireInSeconds: number;
  /** how often an idle worker of this queue looks for due jobs: the lateness a due job can have */
  readonly pollingIntervalSeconds: number;
  /** a recurring run in cron syntax, in Danish time (Europe/Copenhagen), with `cronData` as data */
  readonly cron?: { expression: string; data: Data };
}

export interface JobSpec<Data> {
  name: string;
  data: z.ZodType<Data>;
  retry?: Partial<RetryPolicy>;
  expireInSeconds?: number;
  pollingIntervalSeconds?: number;
  cron?: { expression: string; data: Data };
}

const NAME = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

export function defineJob<Data>(spec: JobSpec<Data>): JobDefinition<Data> {
  if (!NAME.test(spec.name)) throw new Error(`job name ${JSON.stringify(spec.name)} is not a queue name`);
  return {
    name: spec.name,
    data: spec.data,
    retry: { limit: 5, delaySeconds: 10, backoff: true, ...spec.retry },
    expireInSeconds: spec.expireInSeconds ?? 300,
    pollingIntervalSeconds: spec.pollingIntervalSeconds ?? 2,
    cron: spec.cron,
  };
}

/** What a handler learns about its run besides the data. */
export interface JobRun<Context> {
  id: string;
  /** 0 on the first run, 1 on the first retry … */
  retryCount: number;
  context: Context;
}

export type JobHandler<Data, Context> = (data: Data, run: JobRun<Context>) => Promise<void>;

/** A definition with the code that does the work, as the runner takes them. */
export interface RegisteredJob<Context> {
  definition: JobDefinition<unknown>;
  handler: JobHandler<unknown, Context>;
}

export function handle<Data, Context>(
  definition: JobDefinition<Data>,
  handler: JobHandler<Data, Context>,
): RegisteredJob<Context> {
  return {
    definition: definition as JobDefinition<unknown>,
    handler: handler as JobHandler<unknown, Context>,
  };
}

export interface SendOptions {
  /** run it at this moment (measured with `now`, the caller's clock), not as soon as possible */
  runAt?: Date;
  now?: Date;
}

/** The side of the runner a feature needs to queue work: lib/ functions take this, not the runner. */
export interface JobSender {
  send<Data>(definition: JobDefinition<Data>, data: Data, options?: SendOptions): Promise<string | null>;
}
