// Scheduled releases against a real database: announcing, moving and cancelling (validated,
// admins only, audited, nothing stored on refusal), and the job's step publishing what is due at
// a given moment, exactly once, and not a minute before.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { auditEvents, publications, releaseChanges, releases, reportingYears } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { jobConnectionFor } from '@/lib/jobs/connection';
import { handle } from '@/lib/jobs/job';
import { JobRunner } from '@/lib/jobs/runner';
import { publishYear } from '@/lib/publications/publish';
import { getPublication } from '@/lib/publications/read';
import { danishTimeToInstant, danishWallClock } from '@/lib/time-zone';
import { publishDueReleasesJob } from '@/lib/releases/jobs';
import { publishDueReleases } from '@/lib/releases/publish-due';
import { listCalendar, nextDueReleaseAt, nextReleaseAt, toOpenReleases } from '@/lib/releases/read';
import { cancelRelease, moveRelease, scheduleRelease } from '@/lib/releases/schedule';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';
import { must } from '../helpers/must';

let database: TestDatabase;
let admin: Actor;
let staff: Actor;
// queues only: the test runs the job's step itself, at the moments it names
let jobs: JobRunner<Record<string, never>>;
let expired = 0;
const expireCaches = async () => void expired++;

const MINUTE = 60_000;
/** a Danish date and time some days ahead, as the form sends them */
function ahead(days: number, time = '10:00') {
  const { date } = danishWallClock(new Date(Date.now() + days * 24 * 3600_000));
  const at = danishTimeToInstant(date, time) as Date;
  return { date, time, at };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  admin = await adminActor(db);
  const organisation = await createOrganisation(db, { slug: 'release-org', name: 'Udgivelsesklyngen' });
  staff = await staffActor(db, [organisation.id]);
  for (const year of [2030, 2031, 2032, 2033, 2034]) {
    await createYear(db, year, year === 2034 ? 'open' : 'closed');
    await createSubmission(db, {
      organisationId: organisation.id,
      year,
      state: 'approved',
      companies: validCvrs(4).map((cvr, index) => ({ cvr, newIdeas: index < 2 })),
    });
  }
  jobs = new JobRunner({
    connection: jobConnectionFor(database),
    jobs: [handle(publishDueReleasesJob, async () => {})],
    context: {},
    work: false,
  });
  await jobs.start();
});
afterAll(async () => {
  await jobs.stop();
  await database.destroy();
});

async function releaseRows(year: number) {
  return database.db.select().from(releases).where(eq(releases.year, year));
}

describe('announcing a release', () => {
  it('[staff] cannot announce one, and nothing is stored', async () => {
    const { date, time } = ahead(10);
    const result = await scheduleRelease(jobs)(database.db, staff, { year: 2030, date, time });
    expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await releaseRows(2030)).toEqual([]);
  });

  it('refuses a time in the past, a time that does not exist and nonsense, storing nothing', async () => {
    const yesterday = ahead(-1);
    for (const [input, field, code] of [
      [{ date: yesterday.date, time: '10:00' }, 'date', 'statistics.errors.release_time_past'],
      [{ date: '2099-03-29', time: '02:30' }, 'time', 'statistics.errors.time_does_not_exist'],
      [{ date: '2099-02-30', time: '10:00' }, 'date', 'statistics.errors.date_invalid'],
      [{ date: '2099-03-01', time: '25:00' }, 'time', 'statistics.errors.time_invalid'],
      [{ date: ['x'], time: '10:00' }, 'date', 'statistics.errors.date_invalid'],
    ] as const) {
      const result = await scheduleRelease(jobs)(database.db, admin, { year: 2030, ...input });
      expect(result).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { [field]: [code] } });
    }
    expect(await releaseRows(2030)).toEqual([]);
  });

  it('announces version 1 for a Danish minute and queues the job for that minute', async () => {
    const { date, time, at } = ahead(3);
    const result = await scheduleRelease(jobs)(database.db, admin, { year: 2030, date, time });
    expect(result).toMatchObject({ ok: true, value: { year: 2030, version: 1, scheduledAt: at } });
    const [row] = await releaseRows(2030);
    expect(row).toMatchObject({ status: 'scheduled', version: 1, scheduledAt: at, announcedAt: at });
    const [job] = await queryRows<{ start_after: Date | string }>(
      database.db,
      sql`select start_after from pgboss.job where name = ${publishDueReleasesJob.name} order by created_on desc limit 1`,
    );
    // within a few seconds of the minute: the delay was counted from our clock, the start by the database's
    expect(Math.abs(new Date(must(job).start_after).getTime() - at.getTime())).toBeLessThan(10_000);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'release.schedule'), eq(auditEvents.entityId, String(row?.id))));
    expect(event).toMatchObject({ actorId: admin.userId });
  });

  it('refuses a second announcement of the same year while one is scheduled', async () => {
    const { date, time } = ahead(5);
    expect(await scheduleRelease(jobs)(database.db, admin, { year: 2030, date, time })).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: 'statistics.errors.release_already_scheduled',
    });
    expect(await releaseRows(2030)).toHaveLength(1);
  });

  it('refuses publishing the year at once while its release is announced', async () => {
    expect(await publishYear(database.db, { year: 2030, actorId: admin.userId })).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: 'admin.errors.release_scheduled',
    });
    expect(await getPublication(database.db, 2030)).toBeNull();
  });
});

describe('publishing at the minute', () => {
  it('publishes nothing a minute before, then the release at its minute, once', async () => {
    const [release] = await releaseRows(2030);
    const minute = must(release).scheduledAt;
    const before = await publishDueReleases(database.db, {
      now: new Date(minute.getTime() - 1000),
      expireCaches,
    });
    expect(before).toEqual({ published: [], failed: [], expired: false });
    expect(await getPublication(database.db, 2030)).toBeNull();
    const calendarBefore = toOpenReleases(await listCalendar(database.db, new Date(minute.getTime() - 1000)));
    expect(calendarBefore.find((entry) => entry.year === 2030)).toEqual({
      year: 2030,
      version: 1,
      scheduledAt: minute.toISOString(),
      publishedAt: null,
      status: 'scheduled',
    });

    expired = 0;
    const at = await publishDueReleases(database.db, { now: minute, expireCaches });
    expect(at.published).toEqual([{ releaseId: release?.id, year: 2030, version: 1 }]);
    expect(at.expired).toBe(true);
    expect(expired).toBe(1);
    const publication = await getPublication(database.db, 2030);
    expect(publication).toMatchObject({ version: 1, publishedAt: minute.toISOString() });
    const [after] = await releaseRows(2030);
    expect(after).toMatchObject({ status: 'published', publicationId: expect.any(Number) });
    expect(after?.cachesExpiredAt).not.toBeNull();

    // the job runs again (cron, a retry): nothing more is published or expired
    const again = await publishDueReleases(database.db, {
      now: new Date(minute.getTime() + MINUTE),
      expireCaches,
    });
    expect(again).toEqual({ published: [], failed: [], expired: false });
    expect(await database.db.select().from(publications).where(eq(publications.year, 2030))).toHaveLength(1);
    const [year] = await database.db.select().from(reportingYears).where(eq(reportingYears.year, 2030));
    expect(year?.state).toBe('published');
  });

  it('publishes a release once when two instances run the job at the same moment', async () => {
    const { date, time, at } = ahead(4);
    expect(await scheduleRelease(jobs)(database.db, admin, { year: 2031, date, time })).toMatchObject({
      ok: true,
    });
    const outcomes = await Promise.all([
      publishDueReleases(database.db, { now: at, expireCaches }),
      publishDueReleases(database.db, { now: at, expireCaches }),
    ]);
    expect(outcomes.flatMap((outcome) => outcome.published).map((entry) => entry.year)).toEqual([2031]);
    expect(await database.db.select().from(publications).where(eq(publications.year, 2031))).toHaveLength(1);
  });

  it('keeps a correction’s note private until its minute, then publishes version 2 with it', async () => {
    const { date, time, at } = ahead(6);
    expect(await scheduleRelease(jobs)(database.db, admin, { year: 2030, date, time })).toMatchObject({
      ok: false,
      fieldErrors: { changeNote: ['statistics.errors.change_note_required'] },
    });
    const note = 'Rettet antal virksomheder hos én klynge';
    expect(
      await scheduleRelease(jobs)(database.db, admin, { year: 2030, date, time, changeNote: note }),
    ).toMatchObject({ ok: true, value: { version: 2 } });
    const beforeJson = JSON.stringify(await listCalendar(database.db, new Date(at.getTime() - 1000)));
    expect(beforeJson).not.toContain(note);
    await publishDueReleases(database.db, { now: at, expireCaches });
    expect(await getPublication(database.db, 2030)).toMatchObject({ version: 2, changeNote: note });
  });

  it('records a release that cannot be published at its minute, does not publish it later by itself, and publishes it at its new minute once moved', async () => {
    // 2034 is still open for reporting: announcing is allowed, publishing at the minute is not
    const { date, time, at } = ahead(7);
    const scheduled = await scheduleRelease(jobs)(database.db, admin, { year: 2034, date, time });
    expect(scheduled).toMatchObject({ ok: true });
    const failed = await publishDueReleases(database.db, { now: at, expireCaches });
    expect(failed.failed).toEqual([expect.objectContaining({ year: 2034, failure: 'year_still_open' })]);
    expect(await getPublication(database.db, 2034)).toBeNull();
    const calendar = await listCalendar(database.db, new Date(at.getTime() + MINUTE));
    expect(calendar.find((entry) => entry.year === 2034)).toMatchObject({
      status: 'scheduled',
      delayed: true,
    });

    await database.db.update(reportingYears).set({ state: 'closed' }).where(eq(reportingYears.year, 2034));
    const later = await publishDueReleases(database.db, {
      now: new Date(at.getTime() + 5 * MINUTE),
      expireCaches,
    });
    expect(later.published).toEqual([]);

    const next = ahead(8);
    const moved = await moveRelease(jobs)(database.db, admin, {
      releaseId: (scheduled as { value: { id: number } }).value.id,
      date: next.date,
      time: next.time,
      reasonDa: 'Året var ikke lukket',
      reasonEn: 'The year was not closed',
    });
    expect(moved).toMatchObject({ ok: true });
    expect(
      (await publishDueReleases(database.db, { now: new Date(next.at.getTime() - 1000), expireCaches }))
        .published,
    ).toEqual([]);
    expect((await publishDueReleases(database.db, { now: next.at, expireCaches })).published).toEqual([
      expect.objectContaining({ year: 2034, version: 1 }),
    ]);
    const entry = must((await listCalendar(database.db, next.at)).find((row) => row.year === 2034));
    expect(entry).toMatchObject({ status: 'published', announcedAt: at.toISOString() });
    expect(entry.changes).toEqual([
      expect.objectContaining({
        kind: 'moved',
        fromAt: at.toISOString(),
        toAt: next.at.toISOString(),
        reason: { da: 'Året var ikke lukket', en: 'The year was not closed' },
      }),
    ]);
  });
});

describe('moving and cancelling', () => {
  let releaseId: number;
  let first: ReturnType<typeof ahead>;

  beforeAll(async () => {
    first = ahead(12);
    const result = await scheduleRelease(jobs)(database.db, admin, {
      year: 2032,
      date: first.date,
      time: first.time,
    });
    releaseId = (result as { value: { id: number } }).value.id;
  });

  it('needs a reason in Danish and in English, and stores nothing without', async () => {
    const next = ahead(13);
    const result = await moveRelease(jobs)(database.db, admin, {
      releaseId,
      date: next.date,
      time: next.time,
      reasonDa: '  ',
      reasonEn: 'x'.repeat(1001),
    });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    const { fieldErrors } = result as { fieldErrors: Record<string, string[]> };
    expect(fieldErrors.reasonDa).toEqual(['statistics.errors.required']);
    expect(fieldErrors.reasonEn?.[0]).toBe('statistics.errors.too_long');
    expect((await releaseRows(2032))[0]?.scheduledAt).toEqual(first.at);
    expect(
      await database.db.select().from(releaseChanges).where(eq(releaseChanges.releaseId, releaseId)),
    ).toEqual([]);
  });

  it('[staff] cannot move or cancel a release', async () => {
    const next = ahead(13);
    const reasons = { reasonDa: 'Nej', reasonEn: 'No' };
    expect(
      await moveRelease(jobs)(database.db, staff, {
        releaseId,
        date: next.date,
        time: next.time,
        ...reasons,
      }),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await cancelRelease(database.db, staff, { releaseId, ...reasons })).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect((await releaseRows(2032))[0]).toMatchObject({ status: 'scheduled', scheduledAt: first.at });
  });

  it('cancels with reasons: never published, shown as cancelled, left out of the open-data list', async () => {
    const result = await cancelRelease(database.db, admin, {
      releaseId,
      reasonDa: 'Tallene genberegnes',
      reasonEn: 'The figures are being recomputed',
    });
    expect(result).toMatchObject({ ok: true });
    expect(await publishDueReleases(database.db, { now: first.at, expireCaches })).toMatchObject({
      published: [],
    });
    expect(await getPublication(database.db, 2032)).toBeNull();
    const calendar = await listCalendar(database.db, first.at);
    expect(calendar.find((entry) => entry.year === 2032)).toMatchObject({
      status: 'cancelled',
      changes: [
        expect.objectContaining({
          kind: 'cancelled',
          reason: { da: 'Tallene genberegnes', en: 'The figures are being recomputed' },
        }),
      ],
    });
    expect(toOpenReleases(calendar).some((entry) => entry.year === 2032)).toBe(false);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'release.cancel'));
    expect(event).toMatchObject({ actorId: admin.userId, entityId: String(releaseId) });
    // and a cancelled release can be neither moved nor cancelled again
    const next = ahead(14);
    expect(
      await moveRelease(jobs)(database.db, admin, {
        releaseId,
        date: next.date,
        time: next.time,
        reasonDa: 'a',
        reasonEn: 'b',
      }),
    ).toMatchObject({ ok: false, kind: 'conflict', message: 'statistics.errors.release_not_scheduled' });
  });

  it('says when the next scheduled release is, for how long public answers may be kept', async () => {
    const { date, time, at } = ahead(20);
    await scheduleRelease(jobs)(database.db, admin, { year: 2033, date, time });
    const calendar = await listCalendar(database.db, new Date());
    expect(nextReleaseAt(calendar, new Date())).toEqual(at);
  });

  it('tells the front cache the minute of the next release the job will publish: not a failed, cancelled or published one', async () => {
    const [scheduled] = await releaseRows(2033);
    expect(await nextDueReleaseAt(database.db)).toEqual(must(scheduled).scheduledAt);
    // failed at its minute, it waits for the secretariat to move it: nothing is due by itself
    await database.db
      .update(releases)
      .set({ failure: 'year_still_open' })
      .where(eq(releases.id, must(scheduled).id));
    expect(await nextDueReleaseAt(database.db)).toBeNull();
    await database.db
      .update(releases)
      .set({ failure: null })
      .where(eq(releases.id, must(scheduled).id));
    expect(await nextDueReleaseAt(database.db)).toEqual(must(scheduled).scheduledAt);
  });
});
