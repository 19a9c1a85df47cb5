// The release calendar, public: every announced release (upcoming, published, cancelled, with
// each move and its reason) and every publication made without an announcement. Of a release
// still to come nothing but its year, version and time is public: not its note, not its figures.
import 'server-only';
import { and, asc, eq, isNull, min } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { publications, releaseChanges, releases } from '@/db/schema';
import type { ReleaseStatus } from '@/lib/domain';

export interface ReleaseChange {
  kind: 'moved' | 'cancelled';
  fromAt: string;
  toAt: string | null;
  reason: { da: string; en: string };
  at: string;
}

export interface CalendarEntry {
  year: number;
  version: number;
  status: ReleaseStatus;
  /** the current time of an announced release; null for a publication made without announcement */
  scheduledAt: string | null;
  /** the time first announced */
  announcedAt: string | null;
  publishedAt: string | null;
  /** a scheduled release whose minute came and went without publication (the secretariat moves it) */
  delayed: boolean;
  changes: ReleaseChange[];
}

/** The calendar, newest first. `now` decides which scheduled releases are delayed. */
export async function listCalendar(db: Database, now: Date): Promise<CalendarEntry[]> {
  const [releaseRows, changeRows, unannounced] = await Promise.all([
    db
      .select({
        id: releases.id,
        year: releases.year,
        version: releases.version,
        status: releases.status,
        scheduledAt: releases.scheduledAt,
        announcedAt: releases.announcedAt,
        publishedAt: releases.publishedAt,
      })
      .from(releases),
    db.select().from(releaseChanges).orderBy(asc(releaseChanges.at), asc(releaseChanges.id)),
    db
      .select({
        year: publications.year,
        version: publications.version,
        publishedAt: publications.publishedAt,
      })
      .from(publications)
      .leftJoin(releases, eq(releases.publicationId, publications.id))
      .where(isNull(releases.id)),
  ]);
  const entries: CalendarEntry[] = releaseRows.map((row) => ({
    year: row.year,
    version: row.version,
    status: row.status,
    scheduledAt: row.scheduledAt.toISOString(),
    announcedAt: row.announcedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    delayed: row.status === 'scheduled' && row.scheduledAt.getTime() <= now.getTime(),
    changes: changeRows
      .filter((change) => change.releaseId === row.id)
      .map((change) => ({
        kind: change.kind as ReleaseChange['kind'],
        fromAt: change.fromAt.toISOString(),
        toAt: change.toAt?.toISOString() ?? null,
        reason: { da: change.reasonDa, en: change.reasonEn },
        at: change.at.toISOString(),
      })),
  }));
  for (const row of unannounced) {
    entries.push({
      year: row.year,
      version: row.version,
      status: 'published',
      scheduledAt: null,
      announcedAt: null,
      publishedAt: row.publishedAt.toISOString(),
      delayed: false,
      changes: [],
    });
  }
  const moment = (entry: CalendarEntry) => Date.parse(entry.publishedAt ?? entry.scheduledAt ?? '') || 0;
  return entries.sort((a, b) => moment(b) - moment(a) || b.year - a.year || b.version - a.version);
}

/** `GET /api/v1/releases`: DESIGN.md's shape, scheduled and published only. */
export interface OpenRelease {
  year: number;
  version: number;
  scheduledAt: string | null;
  publishedAt: string | null;
  status: 'scheduled' | 'published';
}

export function toOpenReleases(calendar: CalendarEntry[]): OpenRelease[] {
  return calendar
    .filter(
      (entry): entry is CalendarEntry & { status: 'scheduled' | 'published' } => entry.status !== 'cancelled',
    )
    .map(({ year, version, scheduledAt, publishedAt, status }) => ({
      year,
      version,
      scheduledAt,
      publishedAt,
      status,
    }));
}

/** The earliest minute at which a scheduled release changes what is public, or null. */
export function nextReleaseAt(calendar: CalendarEntry[], now: Date): Date | null {
  let next: number | null = null;
  for (const entry of calendar) {
    if (entry.status !== 'scheduled' || !entry.scheduledAt) continue;
    const at = Date.parse(entry.scheduledAt);
    // a delayed one may still come out any moment (after a retry)
    const effective = Math.max(at, now.getTime());
    if (next === null || effective < next) next = effective;
  }
  return next === null ? null : new Date(next);
}

/**
 * The minute of the next release the job will publish by itself: the earliest scheduled one that
 * has not failed (a failed one waits for the secretariat to move it), or null. Straight from the
 * database, not through a cache: every instance asks it each second (lib/releases/front-cache.ts).
 */
export async function nextDueReleaseAt(db: Database): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(releases.scheduledAt) })
    .from(releases)
    .where(and(eq(releases.status, 'scheduled'), isNull(releases.failure)));
  return row?.at ? new Date(row.at) : null;
}
