// Pure helpers the public pages share: paths per language, the trend series, the organisation
// table's search and sort (driven by query parameters so they work without JavaScript).
import type { LineSeries } from '@/lib/charts/scales';
import {
  type AccountOrganisation,
  isShareFigure,
  type NationalAccounts,
  type OrganisationValue,
} from '@/lib/accounts/types';
import type { Locale } from '@/lib/format';
import type { Publication } from './types';

/** `/regnskab` in Danish, `/en/regnskab` in English; `/` and `/en` for the front page. */
export function localePath(locale: Locale, path = '/'): string {
  const clean = path === '/' ? '' : path;
  if (locale === 'en') return `/en${clean}`;
  return clean || '/';
}

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

/** The years of a series and the indicators' net figures per year, with the series breaks. */
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
        const publication = series.find((p) => p.year === year)!;
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
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
  const q = one(params.q).trim().slice(0, 100);
  const sort = sortable.includes(one(params.sort)) ? one(params.sort) : 'name';
  const dir: SortDirection = one(params.dir) === 'desc' ? 'desc' : 'asc';
  return { q, sort, dir };
}

function sortValue(value: OrganisationValue | undefined): number {
  if (value === undefined) return Number.NEGATIVE_INFINITY;
  if (typeof value === 'number') return value;
  return value.denominator > 0 ? value.numerator / value.denominator : Number.NEGATIVE_INFINITY;
}

export function searchAndSortOrganisations(
  organisations: AccountOrganisation[],
  query: TableQuery,
  locale: Locale,
): AccountOrganisation[] {
  const needle = query.q.toLocaleLowerCase(locale);
  const found = needle
    ? organisations.filter((o) =>
        [o.name, o.field, o.slug].some((text) => text.toLocaleLowerCase(locale).includes(needle)),
      )
    : [...organisations];
  const factor = query.dir === 'desc' ? -1 : 1;
  const byName = (a: AccountOrganisation, b: AccountOrganisation) => a.name.localeCompare(b.name, locale);
  found.sort((a, b) => {
    if (query.sort === 'name') return factor * byName(a, b);
    if (query.sort === 'field') return factor * a.field.localeCompare(b.field, locale) || byName(a, b);
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
