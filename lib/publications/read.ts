// Public reads: publications are open data, so these need no session. The public site and the
// open-data API read only these, never live submissions.
import 'server-only';
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import { present } from '@/lib/invariant';
import type { Database } from '@/db/client';
import { publications } from '@/db/schema';
import type { Publication, PublicationSnapshot, PublicationSummary } from './types';

const summaryColumns = {
  year: publications.year,
  version: publications.version,
  publishedAt: publications.publishedAt,
  changeNote: publications.changeNote,
};

function toSummary(row: { year: number; version: number; publishedAt: Date; changeNote: string | null }) {
  return { ...row, publishedAt: row.publishedAt.toISOString() } satisfies PublicationSummary;
}

/** The latest version of every published year, newest year first. */
export async function listLatestPublications(db: Database): Promise<PublicationSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(publications)
    .orderBy(desc(publications.year), desc(publications.version));
  const latest = new Map<number, PublicationSummary>();
  for (const row of rows) if (!latest.has(row.year)) latest.set(row.year, toSummary(row));
  return [...latest.values()];
}

/** A year's publication: the latest version, or `version` when given. */
export async function getPublication(
  db: Database,
  year: number,
  version?: number,
): Promise<Publication | null> {
  const versions = await db
    .select(summaryColumns)
    .from(publications)
    .where(eq(publications.year, year))
    .orderBy(asc(publications.version));
  if (versions.length === 0) return null;
  const wanted = version ?? present(versions[versions.length - 1]).version;
  const [row] = await db
    .select({ ...summaryColumns, snapshot: publications.snapshot })
    .from(publications)
    .where(and(eq(publications.year, year), eq(publications.version, wanted)));
  if (!row) return null;
  return {
    ...toSummary(row),
    snapshot: row.snapshot as PublicationSnapshot,
    history: versions.map(toSummary),
  };
}

/** Every published year's latest snapshot, oldest first: the series behind trend charts. */
export async function getPublishedSeries(db: Database): Promise<Publication[]> {
  const latest = await listLatestPublications(db);
  const series = await Promise.all(
    latest.map((summary) => getPublication(db, summary.year, summary.version)),
  );
  return series.filter((publication): publication is Publication => publication !== null).reverse();
}

/**
 * The series as it stood when `year`'s version `version` was published: for every year up to it,
 * the latest version out by then. Later publications and corrections leave it as it was, so a chart
 * tied to one publication never changes under an article. Null when that publication does not exist.
 */
export async function getSeriesAsOf(
  db: Database,
  year: number,
  version: number,
): Promise<Publication[] | null> {
  const [anchor] = await db
    .select({ publishedAt: publications.publishedAt })
    .from(publications)
    .where(and(eq(publications.year, year), eq(publications.version, version)));
  if (!anchor) return null;
  const rows = await db
    .select({ year: publications.year, version: publications.version })
    .from(publications)
    .where(and(lte(publications.year, year), lte(publications.publishedAt, anchor.publishedAt)))
    .orderBy(asc(publications.year), asc(publications.version));
  const versionOf = new Map<number, number>();
  for (const row of rows) versionOf.set(row.year, row.version);
  versionOf.set(year, version);
  const series = await Promise.all(
    [...versionOf.entries()].map(([one, wanted]) => getPublication(db, one, wanted)),
  );
  return series.filter((publication): publication is Publication => publication !== null);
}
