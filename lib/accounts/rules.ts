// Pure aggregation rules of DESIGN.md: no I/O. The database supplies distinct-company statistics
// per scope (national and each breakdown group); these functions turn them into the accounts.
import { present } from '@/lib/invariant';
import type { CompanyRow } from '@/lib/domain';
import {
  type AccountIndicator,
  type AccountOrganisation,
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
  type BreakdownGroup,
  COMPANY_MEASURES,
  type CompanyFlag,
  type CompanyMeasure,
  type Figure,
  type IndicatorKind,
  isShareFigure,
  type NationalAccounts,
  type OrganisationValue,
  type ShareFigure,
  type TotalFigure,
} from './types';

export interface IndicatorDefinition {
  key: string;
  kind: IndicatorKind;
  groupKey: string;
  sortOrder: number;
  parentKey: string | null;
  participantFlag: string | null;
  labelDa: string;
  labelEn: string;
  helpDa: string;
  helpEn: string;
}

export type MeasureCounts = Record<CompanyMeasure, number>;

/** Distinct companies in one scope: counts per measure, the same restricted to under 50 employees. */
export interface CompanyStats {
  counts: MeasureCounts;
  under50: MeasureCounts;
  participation: { one: number; two: number; threePlus: number };
}

export interface OrganisationInput extends Omit<AccountOrganisation, 'values'> {
  /** figures the organisation typed in (for company indicators only used without a company list) */
  reported: Record<string, OrganisationValue>;
  /** counts derived from its own company list (each company once within the organisation) */
  listCounts?: { counts: MeasureCounts; under50: MeasureCounts };
}

export interface AccountsInput {
  year: number;
  edition: number;
  seriesBreak: NationalAccounts['seriesBreak'];
  indicators: IndicatorDefinition[];
  organisations: OrganisationInput[];
  /** keyed by scopeKey(): 'national', 'kind:cluster', 'field:Energi', 'region:hovedstaden' … */
  companyStats: Record<string, CompanyStats>;
  excluded: NationalAccounts['excluded'];
}

export const NATIONAL_SCOPE = 'national';
export const scopeKey = (dimension: BreakdownDimension, group: string) => `${dimension}:${group}`;

export function emptyMeasureCounts(): MeasureCounts {
  return { all: 0, dedicated: 0, under_50: 0, new_ideas: 0, new_competences: 0, new_products: 0 };
}

export function emptyCompanyStats(): CompanyStats {
  return {
    counts: emptyMeasureCounts(),
    under50: emptyMeasureCounts(),
    participation: { one: 0, two: 0, threePlus: 0 },
  };
}

export function measureOf(
  indicator: Pick<IndicatorDefinition, 'kind' | 'participantFlag'>,
): CompanyMeasure | null {
  if (indicator.kind !== 'companies') return null;
  return (indicator.participantFlag as CompanyFlag | null) ?? 'all';
}

export type { CompanyRow };

function flagSet(row: CompanyRow, measure: CompanyMeasure): boolean {
  return measure === 'all' ? true : row[measure];
}

/** Counts of one organisation's own list (a company listed twice counts once). */
export function countCompanyList(rows: CompanyRow[]): { counts: MeasureCounts; under50: MeasureCounts } {
  return companyStatsFromLists([rows]);
}

/**
 * Distinct-company statistics over several organisations' lists: a company counts once, and has
 * a flag when any organisation reports it so. The reference the SQL in queries.ts must match.
 */
export function companyStatsFromLists(lists: CompanyRow[][]): CompanyStats {
  const merged = new Map<string, { row: CompanyRow; organisations: number }>();
  for (const list of lists) {
    const seenInList = new Set<string>();
    for (const row of list) {
      const existing = merged.get(row.cvr);
      if (!existing) {
        merged.set(row.cvr, { row: { ...row }, organisations: 1 });
      } else {
        const target = existing.row;
        target.dedicated ||= row.dedicated;
        target.under_50 ||= row.under_50;
        target.new_ideas ||= row.new_ideas;
        target.new_competences ||= row.new_competences;
        target.new_products ||= row.new_products;
        if (!seenInList.has(row.cvr)) existing.organisations += 1;
      }
      seenInList.add(row.cvr);
    }
  }
  const stats = emptyCompanyStats();
  for (const { row, organisations } of merged.values()) {
    for (const measure of COMPANY_MEASURES) {
      if (!flagSet(row, measure)) continue;
      stats.counts[measure] += 1;
      if (row.under_50) stats.under50[measure] += 1;
    }
    if (organisations === 1) stats.participation.one += 1;
    else if (organisations === 2) stats.participation.two += 1;
    else stats.participation.threePlus += 1;
  }
  return stats;
}

function sumNumbers(values: (OrganisationValue | undefined)[]): number {
  let total = 0;
  for (const value of values) if (typeof value === 'number') total += value;
  return total;
}

function sumShares(values: (OrganisationValue | undefined)[]): ShareFigure {
  const total = { numerator: 0, denominator: 0 };
  for (const value of values) {
    if (isShareFigure(value)) {
      total.numerator += value.numerator;
      total.denominator += value.denominator;
    }
  }
  return total;
}

/** An organisation's value of an indicator: from its company list when it has one. */
export function organisationValue(
  organisation: OrganisationInput,
  indicator: IndicatorDefinition,
): OrganisationValue | undefined {
  const measure = measureOf(indicator);
  if (measure && organisation.hasCompanyList && organisation.listCounts) {
    return organisation.listCounts.counts[measure];
  }
  return organisation.reported[indicator.key];
}

/** One indicator's figure over a set of organisations whose distinct companies are `stats`. */
export function figureFor(
  indicator: IndicatorDefinition,
  organisations: OrganisationInput[],
  stats: CompanyStats,
): Figure {
  if (indicator.kind === 'share') {
    return sumShares(organisations.map((organisation) => organisation.reported[indicator.key]));
  }
  const measure = measureOf(indicator);
  if (!measure) {
    return { net: sumNumbers(organisations.map((organisation) => organisation.reported[indicator.key])) };
  }
  const withList = organisations.filter(
    (organisation) => organisation.hasCompanyList && organisation.listCounts,
  );
  const withoutList = organisations.filter(
    (organisation) => !(organisation.hasCompanyList && organisation.listCounts),
  );
  const reported = sumNumbers(withoutList.map((organisation) => organisation.reported[indicator.key]));
  const listGross = withList.reduce(
    (total, organisation) => total + present(organisation.listCounts).counts[measure],
    0,
  );
  const net = stats.counts[measure] + reported;
  const gross = listGross + reported;
  const figure: TotalFigure = { net, gross, overlap: gross - net };
  const reportedWithoutList = withoutList.some(
    (organisation) => typeof organisation.reported[indicator.key] === 'number',
  );
  // Without a list only the participants' own under-50 count is known; an outcome's under-50
  // split cannot be told, so it is left out rather than understated.
  if (measure === 'all') {
    figure.under50 =
      stats.under50.all + sumNumbers(withoutList.map((organisation) => organisation.reported.under_50));
  } else if (measure !== 'under_50' && !reportedWithoutList) {
    figure.under50 = stats.under50[measure];
  }
  if (reportedWithoutList) figure.possiblyDoubleCounted = true;
  return figure;
}

function groupValue(organisation: OrganisationInput, dimension: BreakdownDimension): string {
  return organisation[dimension];
}

export function assembleAccounts(input: AccountsInput): NationalAccounts {
  const indicators = [...input.indicators].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key),
  );
  const organisations = [...input.organisations].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const national = input.companyStats[NATIONAL_SCOPE] ?? emptyCompanyStats();

  const accountIndicators: AccountIndicator[] = indicators.map((indicator) => ({
    key: indicator.key,
    kind: indicator.kind,
    groupKey: indicator.groupKey,
    sortOrder: indicator.sortOrder,
    parentKey: indicator.parentKey,
    measure: measureOf(indicator),
    label: { da: indicator.labelDa, en: indicator.labelEn },
    help: { da: indicator.helpDa, en: indicator.helpEn },
    national: figureFor(indicator, organisations, national),
  }));

  const breakdowns = {} as Record<BreakdownDimension, BreakdownGroup[]>;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const groups = new Map<string, OrganisationInput[]>();
    for (const organisation of organisations) {
      const group = groupValue(organisation, dimension);
      groups.set(group, [...(groups.get(group) ?? []), organisation]);
    }
    breakdowns[dimension] = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'da'))
      .map(([group, members]) => {
        const stats = input.companyStats[scopeKey(dimension, group)] ?? emptyCompanyStats();
        const values: Record<string, Figure> = {};
        for (const indicator of indicators) values[indicator.key] = figureFor(indicator, members, stats);
        return { group, organisations: members.length, values };
      });
  }

  const accountOrganisations: AccountOrganisation[] = organisations.map((organisation) => {
    const values: Record<string, OrganisationValue> = {};
    for (const indicator of indicators) {
      const value = organisationValue(organisation, indicator);
      if (value !== undefined) values[indicator.key] = value;
    }
    return {
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
      field: organisation.field,
      region: organisation.region,
      hasCompanyList: organisation.hasCompanyList,
      values,
    };
  });

  return {
    year: input.year,
    edition: input.edition,
    organisationCounts: {
      total: organisations.length,
      cluster: organisations.filter((organisation) => organisation.kind === 'cluster').length,
      innovation_network: organisations.filter((organisation) => organisation.kind === 'innovation_network')
        .length,
    },
    indicators: accountIndicators,
    breakdowns,
    organisations: accountOrganisations,
    participation: national.participation,
    excluded: input.excluded,
    seriesBreak: input.seriesBreak,
  };
}
