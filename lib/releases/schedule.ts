// The secretariat announces a release (a year's first publication or a correction) for a minute
// in Danish time, moves it, or cancels it. Each is an adminAction (lib/actions): authorised,
// zod-parsed, one transaction, audited. The job that publishes it is queued first, before the
// transaction: a job left over by a failed transaction, a move or a cancellation finds nothing due
// and does nothing, while a release without its job cannot happen (the cron backstop would catch
// it within a minute anyway). Announcing and moving queue through the JobSender they are made with.
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { publications, releaseChanges, releases, reportingYears } from '@/db/schema';
import { type Action, adminAction, adminQuery } from '@/lib/actions/define';
import { now as clockNow } from '@/lib/clock';
import type { JobSender } from '@/lib/jobs/job';
import { MAX_CHANGE_NOTE_LENGTH } from '@/lib/publications/publish';
import { conflict, type FieldErrors, invalid, notFound, ok } from '@/lib/result';
import { isDatabaseId, isYearNumber } from '@/lib/validation/input';
import { storableText } from '@/lib/validation/text';
import { danishTimeToInstant } from '@/lib/time-zone';
import { publishDueReleasesJob } from './jobs';

/** The statistics office's messages (statistics.json), for every action here. */
const STATISTICS = { messages: 'statistics.errors' } as const;

const MAX_REASON_LENGTH = 1000;

const when = {
  date: z.string({ error: 'date_invalid' }),
  time: z.string({ error: 'time_invalid' }),
};

export const scheduleReleaseSchema = z.object({
  year: z.coerce.number({ error: 'year_invalid' }).refine(isYearNumber, { error: 'year_invalid' }),
  ...when,
  changeNote: storableText({ max: MAX_CHANGE_NOTE_LENGTH }).optional(),
});

const reasons = {
  reasonDa: storableText({ max: MAX_REASON_LENGTH, required: true }),
  reasonEn: storableText({ max: MAX_REASON_LENGTH, required: true }),
};

export const moveReleaseSchema = z.object({
  releaseId: z.coerce.number({ error: 'invalid_input' }).refine(isDatabaseId, { error: 'invalid_input' }),
  ...when,
  ...reasons,
});

export const cancelReleaseSchema = z.object({
  releaseId: z.coerce.number({ error: 'invalid_input' }).refine(isDatabaseId, { error: 'invalid_input' }),
  ...reasons,
});

/** The instant a form's date and time name, refused unless it lies ahead of `now`. */
function futureInstant(date: string, time: string, now: Date): Date | FieldErrors {
  const instant = danishTimeToInstant(date, time);
  if (instant === 'date_invalid') return { date: ['date_invalid'] };
  if (typeof instant === 'string') return { time: [instant] };
  if (instant.getTime() <= now.getTime()) return { date: ['release_time_past'] };
  return instant;
}

export interface ScheduledRelease {
  id: number;
  year: number;
  version: number;
  scheduledAt: Date;
}

/** Announces the year's next version for a future minute; queues the job for that minute on `jobs`. */
export function scheduleRelease(jobs: JobSender): Action<ScheduledRelease> {
  return adminAction(
    scheduleReleaseSchema,
    async (ctx, input) => {
      const now = clockNow();
      const scheduledAt = futureInstant(input.date, input.time, now);
      if (!(scheduledAt instanceof Date)) return invalid('invalid_input', scheduledAt);
      const changeNote = input.changeNote?.trim() || null;
      await jobs.send(publishDueReleasesJob, {}, { runAt: scheduledAt, now });
      return ctx.transaction(async ({ tx, actor, audit }) => {
        const [year] = await tx
          .select()
          .from(reportingYears)
          .where(eq(reportingYears.year, input.year))
          .for('update');
        if (!year) return notFound('year_not_found');
        const [pending] = await tx
          .select({ id: releases.id })
          .from(releases)
          .where(and(eq(releases.year, year.year), eq(releases.status, 'scheduled')));
        if (pending) return conflict('release_already_scheduled');
        const [latest] = await tx
          .select({ version: publications.version })
          .from(publications)
          .where(eq(publications.year, year.year))
          .orderBy(desc(publications.version))
          .limit(1);
        const version = (latest?.version ?? 0) + 1;
        if (version > 1 && !changeNote) {
          return invalid('invalid_input', { changeNote: ['change_note_required'] });
        }
        const [release] = await tx
          .insert(releases)
          .values({
            year: year.year,
            version,
            scheduledAt,
            announcedAt: scheduledAt,
            changeNote: version > 1 ? changeNote : null,
            createdBy: actor.userId,
          })
          .returning();
        if (!release) return conflict('release_already_scheduled');
        await audit({
          action: 'release.schedule',
          entityType: 'release',
          entityId: release.id,
          after: {
            year: year.year,
            version,
            scheduledAt: scheduledAt.toISOString(),
            changeNote: release.changeNote,
          },
        });
        return ok({ id: release.id, year: year.year, version, scheduledAt });
      });
    },
    { name: 'release.schedule', transaction: false, ...STATISTICS },
  );
}

/** Moves a release still to come to another future minute, with the reason the calendar shows. */
export function moveRelease(jobs: JobSender): Action<ScheduledRelease> {
  return adminAction(
    moveReleaseSchema,
    async (ctx, input) => {
      const now = clockNow();
      const scheduledAt = futureInstant(input.date, input.time, now);
      if (!(scheduledAt instanceof Date)) return invalid('invalid_input', scheduledAt);
      await jobs.send(publishDueReleasesJob, {}, { runAt: scheduledAt, now });
      return ctx.transaction(async ({ tx, actor, audit }) => {
        const [release] = await tx
          .select()
          .from(releases)
          .where(eq(releases.id, input.releaseId))
          .for('update');
        if (!release) return notFound('release_not_found');
        if (release.status !== 'scheduled') return conflict('release_not_scheduled');
        // a release whose minute has come is being published (or failed and waits to be moved)
        if (release.scheduledAt.getTime() <= now.getTime() && !release.failure) {
          return conflict('release_under_way');
        }
        if (release.scheduledAt.getTime() === scheduledAt.getTime()) {
          return invalid('invalid_input', { date: ['release_time_unchanged'] });
        }
        await tx
          .update(releases)
          .set({ scheduledAt, failure: null, failedAt: null, updatedAt: new Date() })
          .where(eq(releases.id, release.id));
        await tx.insert(releaseChanges).values({
          releaseId: release.id,
          kind: 'moved',
          fromAt: release.scheduledAt,
          toAt: scheduledAt,
          reasonDa: input.reasonDa,
          reasonEn: input.reasonEn,
          actorId: actor.userId,
        });
        await audit({
          action: 'release.move',
          entityType: 'release',
          entityId: release.id,
          before: { scheduledAt: release.scheduledAt.toISOString(), failure: release.failure },
          after: {
            scheduledAt: scheduledAt.toISOString(),
            reasonDa: input.reasonDa,
            reasonEn: input.reasonEn,
          },
        });
        return ok({ id: release.id, year: release.year, version: release.version, scheduledAt });
      });
    },
    { name: 'release.move', transaction: false, ...STATISTICS },
  );
}

/** Cancels a release still to come, with the reason the calendar shows. */
export const cancelRelease = adminAction(
  cancelReleaseSchema,
  async ({ tx, actor, audit }, input) => {
    const now = clockNow();
    const [release] = await tx.select().from(releases).where(eq(releases.id, input.releaseId)).for('update');
    if (!release) return notFound('release_not_found');
    if (release.status !== 'scheduled') return conflict('release_not_scheduled');
    if (release.scheduledAt.getTime() <= now.getTime() && !release.failure) {
      return conflict('release_under_way');
    }
    await tx
      .update(releases)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(eq(releases.id, release.id));
    await tx.insert(releaseChanges).values({
      releaseId: release.id,
      kind: 'cancelled',
      fromAt: release.scheduledAt,
      reasonDa: input.reasonDa,
      reasonEn: input.reasonEn,
      actorId: actor.userId,
    });
    await audit({
      action: 'release.cancel',
      entityType: 'release',
      entityId: release.id,
      before: { status: 'scheduled', scheduledAt: release.scheduledAt.toISOString() },
      after: { status: 'cancelled', reasonDa: input.reasonDa, reasonEn: input.reasonEn },
    });
    return ok({ id: release.id, year: release.year, version: release.version });
  },
  { name: 'release.cancel', ...STATISTICS },
);

/** The secretariat's view of the calendar: with ids, notes and failures. */
export const listReleasesForAdmin = adminQuery(
  'release.read',
  async ({ db }, _input?: undefined) =>
    ok(await db.select().from(releases).orderBy(desc(releases.scheduledAt))),
  'statistics.errors',
);
