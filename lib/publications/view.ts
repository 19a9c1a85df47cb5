// Pure helpers the public pages share: paths per language, the trend series, the organisation
// table's search and sort (driven by query parameters so they work without JavaScript).
import { present } from '@/lib/invariant';
import { localePath } from '@/i18n/paths';
import type { LineSeries } from '@/lib/charts/scales';
import {
  type AccountOrganisation,
  type BreakdownDimension,
  isShareFigure,
  type NationalAccounts,
  type OrganisationValue,
} from '@/lib/accounts/types';
import type { Locale } from '@/lib/format';
import { fieldLabelOf, NO_PUBLIC_NAMES, type PublicNames } from './open-data';
import type { Publication } from './types';
import { param } from '@/lib/search-params';

/** `/regnskab` in Danish, `/en/regnskab` in English; `/` and `/en` for the front page. */

/** hreflang alternates and the canonical address of a public page. */
export function alternatesFor(locale: Locale, path = '/') {
  return {
    canonical: localePath(locale, path),
    languages: {
      da: localePath('da', path),
      en: localePath('en', path),
      'x-default': localePath('da', path),
    },
  };
}

export const HEADLINE_KEYS = ['participants', 'new_ideas', 'new_competences', 'new_products'] as const;
export const SURVEY_KEYS = ['survey_new_knowledge', 'survey_innovation', 'survey_competences'] as const;

export function netFigure(accounts: NationalAccounts, key: string): number | null {
  const figure = accounts.indicators.find((indicator) => indicator.key === key)?.national;
  if (!figure || isShareFigure(figure)) return null;
  return figure.net;
}

export function shareFigure(accounts: NationalAccounts, key: string) {
  const figure = accounts.indicators.find((indicator) => indicator.key === key)?.national;
  return figure && isShareFigure(figure) ? figure : null;
}

/** The share of participants an outcome reached: 3.789 of 16.500 = 23,0 %. */
export function shareOfParticipants(accounts: NationalAccounts, key: string): number | null {
  const participants = netFigure(accounts, 'participants');
  const value = netFigure(accounts, key);
  if (!participants || value === null) return null;
  return value / participants;
}

/**
 * "Over 50 … about 16,500 companies a year", from the figures: the number of organisations
 * rounded down to a multiple of ten ("over" when that dropped something), the participants
 * rounded to hundreds (tens below a thousand).
 */
export function roundedFraming(organisations: number, participants: number) {
  const tens = organisations >= 20 ? Math.floor(organisations / 10) * 10 : organisations;
  const step = participants >= 1000 ? 100 : 10;
  return {
    over: tens < organisations,
    organisations: tens,
    participants: Math.round(participants / step) * step,
  };
}

/**
 * How many of the year's organisations reported a company list. Only their companies can be told
 * apart, so how many organisations a company took part in is known for all (every organisation
 * listed), for some (a few reported counts only) or for none.
 */
export function participationCoverage(accounts: NationalAccounts) {
  const total = accounts.organisations.length;
  const listed = accounts.organisations.filter((organisation) => organisation.hasCompanyList).length;
  return { listed, total, known: listed > 0, complete: total > 0 && listed === total };
}

/**
 * The sum of a figure over one breakdown's groups beside the national figure: groups can share a
 * company (it counts once within each group it took part in), so the sum can exceed the nation's.
 */
export function breakdownSum(accounts: NationalAccounts, dimension: BreakdownDimension, key: string) {
  let sum = 0;
  for (const group of accounts.breakdowns[dimension] ?? []) {
    const figure = group.values[key];
    if (figure && !isShareFigure(figure)) sum += figure.net;
  }
  return { sum, national: netFigure(accounts, key) ?? 0 };
}

/** The years of a series and the indicators' net figures per year, with the series breaks. */
/** The first and last of some years, in order; null for none. */
export function yearSpan(years: readonly number[]): { first: number; last: number } | null {
  const first = years[0];
  const last = years.at(-1);
  return first === undefined || last === undefined ? null : { first, last };
}

export function trendOf(series: Publication[], keys: readonly string[], locale: Locale) {
  const years = series.map((publication) => publication.year).sort((a, b) => a - b);
  const lines: LineSeries[] = keys.map((key) => {
    const label =
      series
        .map((p) => p.snapshot.accounts.indicators.find((i) => i.key === key)?.label[locale])
        .find(Boolean) ?? key;
    return {
      key,
      label,
      values: years.map((year) => {
        const publication = present(series.find((p) => p.year === year));
        return { year, value: netFigure(publication.snapshot.accounts, key) };
      }),
    };
  });
  const breakYears = series.filter((p) => p.snapshot.accounts.seriesBreak).map((p) => p.year);
  const doubleCounted = series
    .filter((p) =>
      p.snapshot.accounts.indicators.some(
        (i) => !isShareFigure(i.national) && i.national.possiblyDoubleCounted,
      ),
    )
    .map((p) => p.year);
  return { years, lines, breakYears, doubleCounted };
}

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface TableQuery {
  q: string;
  sort: string;
  dir: SortDirection;
}

/** Reads the organisation table's query parameters, falling back to safe defaults. */
export function parseTableQuery(
  params: Record<string, string | string[] | undefined>,
  sortable: readonly string[],
): TableQuery {
  const q = param(params, 'q').trim().slice(0, 100);
  const sort = sortable.includes(param(params, 'sort')) ? param(params, 'sort') : 'name';
  const dir: SortDirection = param(params, 'dir') === 'desc' ? 'desc' : 'asc';
  return { q, sort, dir };
}

function sortValue(value: OrganisationValue | undefined): number {
  if (value === undefined) return Number.NEGATIVE_INFINITY;
  if (typeof value === 'number') return value;
  return value.denominator > 0 ? value.numerator / value.denominator : Number.NEGATIVE_INFINITY;
}

/** Search matches the name, the slug and the field in either language; sorting by field uses the page's. */
export function searchAndSortOrganisations(
  organisations: AccountOrganisation[],
  query: TableQuery,
  locale: Locale,
  names: PublicNames = NO_PUBLIC_NAMES,
): AccountOrganisation[] {
  const needle = query.q.toLocaleLowerCase(locale);
  const field = (o: AccountOrganisation) => fieldLabelOf(names, o.field);
  const found = needle
    ? organisations.filter((o) =>
        [o.name, o.field, field(o).en, o.slug].some((text) =>
          text.toLocaleLowerCase(locale).includes(needle),
        ),
      )
    : [...organisations];
  const factor = query.dir === 'desc' ? -1 : 1;
  const byName = (a: AccountOrganisation, b: AccountOrganisation) => a.name.localeCompare(b.name, locale);
  found.sort((a, b) => {
    if (query.sort === 'name') return factor * byName(a, b);
    if (query.sort === 'field')
      return factor * field(a)[locale].localeCompare(field(b)[locale], locale) || byName(a, b);
    if (query.sort === 'region') return factor * a.region.localeCompare(b.region) || byName(a, b);
    if (query.sort === 'kind') return factor * a.kind.localeCompare(b.kind) || byName(a, b);
    return factor * (sortValue(a.values[query.sort]) - sortValue(b.values[query.sort])) || byName(a, b);
  });
  return found;
}

/** The href that sorts by a column: the same column again flips the direction. */
export function sortHref(
  base: string,
  query: TableQuery,
  column: string,
  anchor = 'organisationer',
  version: number | null = null,
): string {
  const dir: SortDirection = query.sort === column && query.dir === 'asc' ? 'desc' : 'asc';
  const params = new URLSearchParams();
  if (version !== null) params.set('version', String(version));
  if (query.q) params.set('q', query.q);
  params.set('sort', column);
  params.set('dir', dir);
  return `${base}?${params.toString()}#${anchor}`;
}

export function parseYear(value: string): number | null {
  if (!/^\d{4}$/.test(value)) return null;
  return Number(value);
}

/** A version number from an address: 1–9999, no leading zero. */
export function parseVersion(value: string): number | null {
  return /^[1-9]\d{0,3}$/.test(value) ? Number(value) : null;
}
