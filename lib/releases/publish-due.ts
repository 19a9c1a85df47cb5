// Publishing what is due: every scheduled release whose minute has come (by the app's clock,
// lib/clock) is published from the approved submissions, in one transaction with marking the
// release published; then the public caches are expired so every instance and the front cache
// show it. Exactly once: the release row is locked (FOR UPDATE SKIP LOCKED) and its state checked
// inside the transaction that publishes, so two runs at once, or a run repeated after a crash,
// publish it once. A release that cannot be published (the year still open, an organisation
// neither approved nor excluded) is not retried by itself: the failure is recorded on it for the
// secretariat, who move it to a new, announced time, since a statistic does not slip out unannounced.
import 'server-only';
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { releases } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import { expireCachedTags, layoutTag } from '@/lib/cache/expire';
import { now as clockNow } from '@/lib/clock';
import type { JobRun } from '@/lib/jobs/job';
import type { AppJobContext } from '@/lib/jobs/registry';
import { PUBLICATIONS_TAG } from '@/lib/publications/cached';
import { publishInTransaction, retryOnSerializationFailure } from '@/lib/publications/publish';
import { RELEASES_TAG } from './cached';

export interface DueOutcome {
  published: { releaseId: number; year: number; version: number }[];
  failed: { releaseId: number; year: number; failure: string }[];
  /** whether the public caches were expired in this run */
  expired: boolean;
}

export async function publishDueReleases(
  db: Database,
  options: { now: Date; expireCaches: () => Promise<void> },
): Promise<DueOutcome> {
  const outcome: DueOutcome = { published: [], failed: [], expired: false };
  for (;;) {
    const step = await retryOnSerializationFailure(() =>
      db.transaction(
        async (tx) => {
          const [release] = await tx
            .select()
            .from(releases)
            .where(
              and(
                eq(releases.status, 'scheduled'),
                lte(releases.scheduledAt, options.now),
                isNull(releases.failure),
              ),
            )
            .orderBy(asc(releases.scheduledAt))
            .limit(1)
            .for('update', { skipLocked: true });
          if (!release) return null;
          const result = await publishInTransaction(tx, {
            year: release.year,
            actorId: release.createdBy,
            changeNote: release.changeNote,
            publishedAt: options.now,
            releaseId: release.id,
          });
          if (!result.ok) {
            const failure = result.message;
            await tx
              .update(releases)
              .set({ failure, failedAt: options.now, updatedAt: options.now })
              .where(eq(releases.id, release.id));
            await recordAuditEvent(tx, {
              action: 'release.fail',
              entityType: 'release',
              entityId: release.id,
              after: { year: release.year, version: release.version, failure },
            });
            return { kind: 'failed' as const, releaseId: release.id, year: release.year, failure };
          }
          // announced as version n, it must come out as version n (publishInTransaction refuses a
          // publication beside a scheduled release, so another version cannot have come first)
          if (result.value.version !== release.version) {
            throw new Error(
              `release ${release.id} would publish version ${result.value.version}, not ${release.version}`,
            );
          }
          await tx
            .update(releases)
            .set({
              status: 'published',
              publishedAt: result.value.publishedAt,
              publicationId: result.value.publicationId,
              updatedAt: options.now,
            })
            .where(eq(releases.id, release.id));
          await recordAuditEvent(tx, {
            action: 'release.publish',
            entityType: 'release',
            entityId: release.id,
            before: { status: 'scheduled', scheduledAt: release.scheduledAt.toISOString() },
            after: {
              status: 'published',
              version: release.version,
              publishedAt: result.value.publishedAt.toISOString(),
            },
          });
          return {
            kind: 'published' as const,
            releaseId: release.id,
            year: release.year,
            version: release.version,
          };
        },
        { isolationLevel: 'repeatable read' },
      ),
    );
    if (!step) break;
    if (step.kind === 'failed')
      outcome.failed.push({ releaseId: step.releaseId, year: step.year, failure: step.failure });
    else outcome.published.push({ releaseId: step.releaseId, year: step.year, version: step.version });
  }
  // published, but the caches not yet expired: this run's, or an earlier run's that failed there
  const unexpired = await db
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.status, 'published'), isNull(releases.cachesExpiredAt)));
  // a failure changes the calendar too (the release is shown as delayed)
  if (unexpired.length > 0 || outcome.failed.length > 0) {
    await options.expireCaches();
    await db
      .update(releases)
      .set({ cachesExpiredAt: new Date() })
      .where(
        inArray(
          releases.id,
          unexpired.map((row) => row.id),
        ),
      );
    outcome.expired = true;
  }
  return outcome;
}

/**
 * What a publication changes for the public, expired as the secretariat's publish action expires
 * it (updateTag of the publications, revalidatePath of the site's layout), plus the calendar: in
 * this instance at once and, through lib/cache's coordinator, in every other one. No request is
 * needed for that, so the job needs none.
 */
export function expirePublicCaches(): Promise<void> {
  return expireCachedTags([PUBLICATIONS_TAG, RELEASES_TAG, layoutTag('/[locale]')]);
}

/** The job's handler in the server: the app's clock and the expiry of the public caches. */
export async function runPublishDueReleases(_data: Record<string, never>, run: JobRun<AppJobContext>) {
  await publishDueReleases(run.context.db, { now: clockNow(), expireCaches: expirePublicCaches });
}
