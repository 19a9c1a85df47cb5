// Pure: national accounts as tables. Company lists (CVR numbers) never appear in any of them.
import { isShareFigure, type NationalAccounts, type TotalFigure } from '@/lib/accounts/types';
import type { Table } from './format';

export function accountsTable(accounts: NationalAccounts, locale: 'da' | 'en' = 'da'): Table {
  const header =
    locale === 'da'
      ? [
          'år',
          'indikator',
          'navn',
          'type',
          'netto',
          'brutto',
          'overlap',
          'heraf under 50 ansatte',
          'tæller',
          'nævner',
          'mulig dobbelttælling',
        ]
      : [
          'year',
          'indicator',
          'name',
          'kind',
          'net',
          'gross',
          'overlap',
          'of which under 50 employees',
          'numerator',
          'denominator',
          'possibly double counted',
        ];
  return {
    name: locale === 'da' ? 'Nationalt' : 'National',
    header,
    rows: accounts.indicators.map((indicator) => {
      const figure = indicator.national;
      const label = locale === 'da' ? indicator.label.da : indicator.label.en;
      if (isShareFigure(figure)) {
        return [
          accounts.year,
          indicator.key,
          label,
          indicator.kind,
          null,
          null,
          null,
          null,
          figure.numerator,
          figure.denominator,
          null,
        ];
      }
      const total = figure as TotalFigure;
      return [
        accounts.year,
        indicator.key,
        label,
        indicator.kind,
        total.net,
        total.gross ?? null,
        total.overlap ?? null,
        total.under50 ?? null,
        null,
        null,
        total.possiblyDoubleCounted ? 1 : 0,
      ];
    }),
  };
}

export function organisationsTable(accounts: NationalAccounts, locale: 'da' | 'en' = 'da'): Table {
  const keys = accounts.indicators.map((indicator) => indicator.key);
  const shareKeys = new Set(
    accounts.indicators.filter((indicator) => indicator.kind === 'share').map((i) => i.key),
  );
  const columns = keys.flatMap((key) =>
    shareKeys.has(key) ? [`${key}_numerator`, `${key}_denominator`] : [key],
  );
  const base =
    locale === 'da'
      ? ['år', 'slug', 'navn', 'type', 'fagområde', 'region', 'virksomhedsliste']
      : ['year', 'slug', 'name', 'kind', 'field', 'region', 'company list'];
  return {
    name: locale === 'da' ? 'Organisationer' : 'Organisations',
    header: [...base, ...columns],
    rows: accounts.organisations.map((organisation) => [
      accounts.year,
      organisation.slug,
      organisation.name,
      organisation.kind,
      organisation.field,
      organisation.region,
      organisation.hasCompanyList ? 1 : 0,
      ...keys.flatMap((key) => {
        const value = organisation.values[key];
        if (shareKeys.has(key))
          return isShareFigure(value) ? [value.numerator, value.denominator] : [null, null];
        return [typeof value === 'number' ? value : null];
      }),
    ]),
  };
}

export function breakdownTable(accounts: NationalAccounts, locale: 'da' | 'en' = 'da'): Table {
  const keys = accounts.indicators
    .filter((indicator) => indicator.kind !== 'share')
    .map((indicator) => indicator.key);
  const rows = (['kind', 'field', 'region'] as const).flatMap((dimension) =>
    accounts.breakdowns[dimension].map((group) => [
      accounts.year,
      dimension,
      group.group,
      group.organisations,
      ...keys.map((key) => {
        const figure = group.values[key];
        return figure && !isShareFigure(figure) ? figure.net : null;
      }),
    ]),
  );
  return {
    name: locale === 'da' ? 'Fordelinger' : 'Breakdowns',
    header: [
      ...(locale === 'da'
        ? ['år', 'dimension', 'gruppe', 'organisationer']
        : ['year', 'dimension', 'group', 'organisations']),
      ...keys,
    ],
    rows,
  };
}
