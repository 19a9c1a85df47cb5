// The secretariat's reads of a year's accounts before and after publishing.
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { publications, users, yearExclusions } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import {
  approvedOrganisationsOf,
  computeNationalAccounts,
  organisationsActiveIn,
} from '@/lib/accounts/compute';
import { rememberWhileInputsUnchanged } from '@/lib/accounts/live-cache';
import type { Database } from '@/db/client';
import type { NationalAccounts } from '@/lib/accounts/types';
import { forRequest } from '@/lib/actions/request';
import { getRoundOverview } from '@/lib/review/queries';
import { combine, notFound, ok } from '@/lib/result';
import { param, type SearchParams } from '@/lib/search-params';
import { chooseYear, listYears } from '@/lib/years/queries';
import { isYearNumber } from '@/lib/validation/input';

/**
 * How the live figures compare with last year's, like with like: both years over the same
 * organisations (those approved now that were also in last year's accounts), and how complete
 * this year is (approved out of those expected: active and not excluded).
 */
export interface LiveComparison {
  /** last year's figures over the compared organisations; null when none can be compared */
  previous: NationalAccounts | null;
  /** this year's figures over the same organisations (the whole year's when they are the same) */
  current: NationalAccounts | null;
  /** organisations in the comparison */
  compared: number;
  /** approved now but not in last year's accounts, so left out of the comparison */
  notInPrevious: number;
  approved: number;
  expected: number;
}

/** The live accounts of a year (approved submissions now), and how they compare with last year. */
export const getLiveAccounts = adminQuery('accounts.live.read', async ({ db }, input: { year: number }) => {
  if (!isYearNumber(input.year)) return notFound('year_not_found');
  const live = await rememberWhileInputsUnchanged(
    db,
    `live:${input.year}`,
    [input.year, input.year - 1],
    () => computeLiveAccounts(db, input.year),
  );
  return live ? ok(live) : notFound('year_not_found');
});

async function computeLiveAccounts(
  db: Database,
  year: number,
): Promise<{ current: NationalAccounts; comparison: LiveComparison } | null> {
  // the organisations approved now, first: last year's figures over them do not wait for this year's
  const approvedSlugs = await approvedOrganisationsOf(db, year);
  const [current, previous, active, excluded] = await Promise.all([
    computeNationalAccounts(db, year),
    approvedSlugs.length === 0
      ? null
      : computeNationalAccounts(db, year - 1, { onlyOrganisations: approvedSlugs }),
    organisationsActiveIn(db, year),
    db
      .select({ organisationId: yearExclusions.organisationId })
      .from(yearExclusions)
      .where(eq(yearExclusions.year, year)),
  ]);
  if (!current) return null;
  const excludedIds = new Set(excluded.map((row) => row.organisationId));
  const expected = active.filter((organisation) => !excludedIds.has(organisation.id)).length;
  const approved = current.organisations.length;
  const comparedSlugs = previous?.organisations.map((organisation) => organisation.slug) ?? [];
  const comparedCurrent =
    comparedSlugs.length === 0
      ? null
      : comparedSlugs.length === approved
        ? current
        : await computeNationalAccounts(db, year, { onlyOrganisations: comparedSlugs });
  const comparison: LiveComparison = {
    previous: comparedSlugs.length > 0 ? previous : null,
    current: comparedCurrent,
    compared: comparedSlugs.length,
    notInPrevious: approved - comparedSlugs.length,
    approved,
    expected,
  };
  return { current, comparison };
}

export const listPublicationVersions = adminQuery(
  'publication.read',
  async ({ db }, input: { year: number }) => {
    const rows = await db
      .select({
        version: publications.version,
        publishedAt: publications.publishedAt,
        changeNote: publications.changeNote,
        publishedBy: users.email,
      })
      .from(publications)
      .leftJoin(users, eq(users.id, publications.publishedBy))
      .where(eq(publications.year, input.year))
      .orderBy(asc(publications.version));
    return ok(rows);
  },
);

// ---- for the page: this request's database and actor ----

/** The live accounts page of a year (asked for in the address, else the newest); null without years. */
export const readAccountsPage = forRequest(async (db, actor, query: SearchParams) => {
  const years = await listYears(db, actor);
  if (!years.ok) return years;
  const year = chooseYear(years.value, param(query, 'year'));
  if (!year) return ok(null);
  const [live, versions, round] = await Promise.all([
    getLiveAccounts(db, actor, { year: year.year }),
    listPublicationVersions(db, actor, { year: year.year }),
    getRoundOverview(db, actor, { year: year.year }),
  ]);
  const page = combine({ live, versions, round });
  return page.ok ? ok({ years: years.value, year, ...page.value }) : page;
});
