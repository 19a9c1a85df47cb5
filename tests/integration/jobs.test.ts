// The job runner (lib/jobs) on the test database: PGlite through the app's one client, PostgreSQL
// through pg-boss's own pool. Waiting is for a job's recorded state (runner.finished), never a sleep.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '@/db/client';
import { jobConnectionFor } from '@/lib/jobs/connection';
import { defineJob, handle, type RegisteredJob } from '@/lib/jobs/job';
import { JobRunner } from '@/lib/jobs/runner';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { must } from '../helpers/must';

let database: TestDatabase;
const runners: JobRunner<Record<string, never>>[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});
afterAll(async () => {
  await database.destroy();
});

const quick = { pollingIntervalSeconds: 0.5, retry: { limit: 3, delaySeconds: 1, backoff: false } };

function runner(jobs: RegisteredJob<Record<string, never>>[]) {
  const created = new JobRunner({ connection: jobConnectionFor(database), jobs, context: {} });
  runners.push(created);
  return created;
}

describe('the job runner', () => {
  it('runs a job once with its validated data', async () => {
    const echo = defineJob({ name: 'test.echo', data: z.object({ text: z.string() }), ...quick });
    const seen: string[] = [];
    const jobs = runner([handle(echo, async (data) => void seen.push(data.text))]);
    await jobs.start();
    const id = await jobs.send(echo, { text: 'hej' });
    expect(await jobs.finished(echo, must(id))).toBe('completed');
    expect(seen).toEqual(['hej']);
  });

  it('refuses to send data its definition does not accept, and queues nothing', async () => {
    const strict = defineJob({ name: 'test.strict', data: z.object({ year: z.number().int() }), ...quick });
    const jobs = runner([handle(strict, async () => {})]);
    await jobs.start();
    await expect(jobs.send(strict, { year: 2016.5 })).rejects.toThrow();
    const [row] = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from pgboss.job where name = 'test.strict'`,
    );
    expect(row?.count).toBe(0);
  });

  it('does not run a job before its time', async () => {
    const later = defineJob({ name: 'test.later', data: z.object({}), ...quick });
    const ranAt: number[] = [];
    const jobs = runner([handle(later, async () => void ranAt.push(Date.now()))]);
    await jobs.start();
    const sentAt = Date.now();
    const id = await jobs.send(later, {}, { runAt: new Date(sentAt + 2000), now: new Date(sentAt) });
    expect(await jobs.state(later, must(id))).toBe('created');
    expect(await jobs.finished(later, must(id))).toBe('completed');
    expect(ranAt).toHaveLength(1);
    // pg-boss compares with the database's clock, which may differ from ours by a little
    expect(must(ranAt[0]) - sentAt).toBeGreaterThanOrEqual(1500);
  });

  it('runs each job exactly once with two instances polling the same queue', async () => {
    const count = defineJob({ name: 'test.count', data: z.object({ n: z.number() }), ...quick });
    const runs: { n: number; by: string }[] = [];
    const first = runner([handle(count, async (data) => void runs.push({ n: data.n, by: 'first' }))]);
    const second = runner([handle(count, async (data) => void runs.push({ n: data.n, by: 'second' }))]);
    await Promise.all([first.start(), second.start()]);
    const ids = await Promise.all(Array.from({ length: 12 }, (_, n) => first.send(count, { n })));
    for (const id of ids) expect(await first.finished(count, must(id))).toBe('completed');
    expect(runs.map((run) => run.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n));
  });

  it('keeps a waiting job across a restart: the next instance runs it', async () => {
    const kept = defineJob({ name: 'test.kept', data: z.object({ note: z.string() }), ...quick });
    const before: string[] = [];
    const after: string[] = [];
    const old = runner([handle(kept, async (data) => void before.push(data.note))]);
    await old.start();
    const now = new Date();
    const id = await old.send(
      kept,
      { note: 'efter genstart' },
      { runAt: new Date(now.getTime() + 1500), now },
    );
    await old.stop();
    const fresh = runner([handle(kept, async (data) => void after.push(data.note))]);
    await fresh.start();
    expect(await fresh.finished(kept, must(id))).toBe('completed');
    expect(before).toEqual([]);
    expect(after).toEqual(['efter genstart']);
  });

  it('retries a run that throws, and stops after the last retry', async () => {
    const flaky = defineJob({ name: 'test.flaky', data: z.object({ failures: z.number() }), ...quick });
    const attempts = new Map<number, number[]>();
    const jobs = runner([
      handle(flaky, async (data, run) => {
        attempts.set(data.failures, [...(attempts.get(data.failures) ?? []), run.retryCount]);
        if (run.retryCount < data.failures) throw new Error('not yet');
      }),
    ]);
    await jobs.start();
    const recovers = await jobs.send(flaky, { failures: 1 });
    const neverRecovers = await jobs.send(flaky, { failures: 99 });
    expect(await jobs.finished(flaky, must(recovers))).toBe('completed');
    expect(attempts.get(1)).toEqual([0, 1]);
    expect(await jobs.finished(flaky, must(neverRecovers))).toBe('failed');
    // the first run and the three retries of the policy
    expect(attempts.get(99)).toEqual([0, 1, 2, 3]);
  });

  it('registers a recurring job in Danish time, and drops it when its definition loses the cron', async () => {
    const tick = defineJob({
      name: 'test.tick',
      data: z.object({}),
      ...quick,
      cron: { expression: '* * * * *', data: {} },
    });
    const jobs = runner([handle(tick, async () => {})]);
    await jobs.start();
    const schedules = () =>
      queryRows<{ name: string; cron: string; timezone: string }>(
        database.db,
        sql`select name, cron, timezone from pgboss.schedule where name = 'test.tick'`,
      );
    expect(await schedules()).toEqual([
      { name: 'test.tick', cron: '* * * * *', timezone: 'Europe/Copenhagen' },
    ]);
    await jobs.stop();
    const withoutCron = defineJob({ name: 'test.tick', data: z.object({}), ...quick });
    await runner([handle(withoutCron, async () => {})]).start();
    expect(await schedules()).toEqual([]);
  });
});
