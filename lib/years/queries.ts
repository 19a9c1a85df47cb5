// Reads of the reporting years, for the secretariat.
import 'server-only';
import { desc } from 'drizzle-orm';
import { reportingYears } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { ok } from '@/lib/result';

export type ReportingYear = typeof reportingYears.$inferSelect;

/** Every reporting year, newest first. */
export const listYears = adminQuery('year.read', async ({ db }, _input?: undefined) =>
  ok(await db.select().from(reportingYears).orderBy(desc(reportingYears.year))),
);

/** The year a page shows: the one asked for, else the open one (when `preferOpen`), else the newest. */
export function chooseYear(
  years: ReportingYear[],
  requested: unknown,
  { preferOpen = false } = {},
): ReportingYear | undefined {
  const asked = Number(requested);
  return (
    years.find((row) => row.year === asked) ??
    (preferOpen ? years.find((row) => row.state === 'open') : undefined) ??
    years[0]
  );
}

/** For the pages: this request's reporting years. */
export const readYears = forRequest(listYears);
