// POST /api/test/clock { "now": "2031-03-01T09:59:59Z" } | { "now": null }: the test clock
// (lib/clock), for tests of "public at its minute and not before" over HTTP. It exists only in a
// process started with KLYNGE_TEST_CLOCK_TOKEN (lib/env refuses that outside loopback test runs)
// and answers 404, as any unknown address, to everything else. Setting the clock is a jump in
// time, so it then runs the release job as the minute would, and the reminder job as the day would,
// and answers once both runs finished; `"runDueJob": false` skips that, for a test that first sets
// the clock of several instances (any instance's worker may take the job, and must already be at
// the minute).
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { setTestClock, testClockToken } from '@/lib/clock';
import { appJobRunner } from '@/lib/jobs/server';
import { publishDueReleasesJob } from '@/lib/releases/jobs';
import { sendDueRemindersJob } from '@/lib/reminders/jobs';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({
  now: z.iso.datetime({ offset: true }).nullable(),
  runDueJob: z.boolean().default(true),
});

function authorised(request: Request): boolean {
  const token = testClockToken();
  const given = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
  if (!token || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

export async function POST(request: Request) {
  if (!authorised(request)) return new Response(null, { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return Response.json({ error: 'now must be an ISO date-time or null' }, { status: 400 });
  setTestClock(parsed.data.now ? new Date(parsed.data.now) : null);
  if (!parsed.data.runDueJob)
    return Response.json(
      { now: parsed.data.now, dueCheck: 'not_run' },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  const runner = await appJobRunner();
  const id = await runner.send(publishDueReleasesJob, {});
  const dueCheck = id ? await runner.finished(publishDueReleasesJob, id, { timeoutMs: 20_000 }) : 'not_sent';
  // the round's reminders are due by the day, and this is a new one: their job runs too
  const reminderId = await runner.send(sendDueRemindersJob, {});
  const reminderCheck = reminderId
    ? await runner.finished(sendDueRemindersJob, reminderId, { timeoutMs: 60_000 })
    : 'not_sent';
  return Response.json(
    { now: parsed.data.now, dueCheck, reminderCheck },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Any other method is a 404, like an address that does not exist. */
export function GET() {
  return new Response(null, { status: 404 });
}
