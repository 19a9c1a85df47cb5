// Reads of the indicator catalogue, for the secretariat.
import 'server-only';
import { asc, count } from 'drizzle-orm';
import { indicators, indicatorYears, submissionValues } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { combine, notFound, ok } from '@/lib/result';
import { listYears } from '@/lib/years/queries';

/** The catalogue with the years that use each indicator and how many values it holds. */
export const listIndicators = adminQuery('indicator.read', async ({ db }, _input?: undefined) => {
  const [rows, years, used] = await Promise.all([
    db.select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.key)),
    db.select().from(indicatorYears),
    db
      .select({ indicatorId: submissionValues.indicatorId, n: count() })
      .from(submissionValues)
      .groupBy(submissionValues.indicatorId),
  ]);
  const usedBy = new Map(used.map((row) => [row.indicatorId, Number(row.n)]));
  return ok(
    rows.map((row) => ({
      ...row,
      years: years
        .filter((entry) => entry.indicatorId === row.id)
        .map((entry) => entry.year)
        .sort(),
      usedValues: usedBy.get(row.id) ?? 0,
    })),
  );
});

export type CatalogueEntry = Extract<
  Awaited<ReturnType<typeof listIndicators>>,
  { ok: true }
>['value'][number];

// ---- for the pages: this request's database and actor ----

/** The catalogue page: the indicators, and the years one can be added to. */
export const readIndicatorsPage = forRequest(async (db, actor, _input?: undefined) =>
  combine({ indicators: await listIndicators(db, actor), years: await listYears(db, actor) }),
);

export const readIndicator = forRequest(async (db, actor, id: number) => {
  const list = await listIndicators(db, actor);
  if (!list.ok) return list;
  const indicator = list.value.find((entry) => entry.id === id);
  return indicator ? ok(indicator) : notFound('admin.errors.indicator_not_found');
});
