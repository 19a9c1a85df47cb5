// Pure: national accounts as tables in one language — the column names, the types, regions and
// yes/no in the export's words (ExportWords, built by exports.ts from messages/*/exports.json).
// Codes appear only where a machine looks things up by them: an organisation's slug and an
// indicator's key, the same as in the open-data API (README "The secretariat's exports").
// Company lists (CVR numbers) never appear in any of them.
import { isShareFigure, type NationalAccounts, type TotalFigure } from '@/lib/accounts/types';
import type { Table } from './format';

export interface ExportWords {
  locale: 'da' | 'en';
  column(name: string): string;
  sheet(name: string): string;
  /** an organisation kind, a region, an indicator kind, a dimension or a state in words */
  kind(code: string): string;
  region(code: string): string;
  indicatorKind(code: string): string;
  dimension(code: string): string;
  state(code: string): string;
  yes: string;
  no: string;
  /** the column names of a share's two parts */
  numerator(label: string): string;
  denominator(label: string): string;
}

const yesNo = (value: boolean, words: ExportWords) => (value ? words.yes : words.no);

const labelOf = (indicator: { label: { da: string; en: string } }, words: ExportWords) =>
  words.locale === 'en' ? indicator.label.en : indicator.label.da;

export function accountsTable(accounts: NationalAccounts, words: ExportWords): Table {
  const c = words.column;
  return {
    name: words.sheet('accounts'),
    header: [
      c('year'),
      c('indicatorKey'),
      c('indicator'),
      c('kind'),
      c('net'),
      c('gross'),
      c('overlap'),
      c('under50'),
      c('numerator'),
      c('denominator'),
      c('doubleCounted'),
    ],
    rows: accounts.indicators.map((indicator) => {
      const figure = indicator.national;
      const start = [
        accounts.year,
        indicator.key,
        labelOf(indicator, words),
        words.indicatorKind(indicator.kind),
      ];
      if (isShareFigure(figure))
        return [...start, null, null, null, null, figure.numerator, figure.denominator, null];
      const total = figure as TotalFigure;
      return [
        ...start,
        total.net,
        total.gross ?? null,
        total.overlap ?? null,
        total.under50 ?? null,
        null,
        null,
        indicator.kind === 'companies' ? yesNo(Boolean(total.possiblyDoubleCounted), words) : null,
      ];
    }),
  };
}

export function organisationsTable(accounts: NationalAccounts, words: ExportWords): Table {
  const c = words.column;
  const columns = accounts.indicators.flatMap((indicator) =>
    indicator.kind === 'share'
      ? [words.numerator(labelOf(indicator, words)), words.denominator(labelOf(indicator, words))]
      : [labelOf(indicator, words)],
  );
  return {
    name: words.sheet('organisations'),
    header: [
      c('year'),
      c('slug'),
      c('name'),
      c('kind'),
      c('field'),
      c('region'),
      c('companyList'),
      ...columns,
    ],
    rows: accounts.organisations.map((organisation) => [
      accounts.year,
      organisation.slug,
      organisation.name,
      words.kind(organisation.kind),
      organisation.field,
      words.region(organisation.region),
      yesNo(organisation.hasCompanyList, words),
      ...accounts.indicators.flatMap((indicator) => {
        const value = organisation.values[indicator.key];
        if (indicator.kind === 'share')
          return isShareFigure(value) ? [value.numerator, value.denominator] : [null, null];
        return [typeof value === 'number' ? value : null];
      }),
    ]),
  };
}

export function breakdownTable(accounts: NationalAccounts, words: ExportWords): Table {
  const c = words.column;
  const totals = accounts.indicators.filter((indicator) => indicator.kind !== 'share');
  const group = (dimension: 'kind' | 'field' | 'region', code: string) =>
    dimension === 'kind' ? words.kind(code) : dimension === 'region' ? words.region(code) : code;
  const rows = (['kind', 'field', 'region'] as const).flatMap((dimension) =>
    accounts.breakdowns[dimension].map((entry) => [
      accounts.year,
      words.dimension(dimension),
      group(dimension, entry.group),
      entry.organisations,
      ...totals.map((indicator) => {
        const figure = entry.values[indicator.key];
        return figure && !isShareFigure(figure) ? figure.net : null;
      }),
    ]),
  );
  return {
    name: words.sheet('breakdowns'),
    header: [
      c('year'),
      c('dimension'),
      c('group'),
      c('organisations'),
      ...totals.map((indicator) => labelOf(indicator, words)),
    ],
    rows,
  };
}
