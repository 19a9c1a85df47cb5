// The shape of a year's national accounts: computed live for the secretariat and frozen into
// publications for the public. Changing it changes what publications hold: extend, don't rename.
import {
  COMPANY_FLAGS,
  type CompanyFlag,
  type IndicatorKind,
  type OrganisationKind,
  type Region,
} from '@/lib/domain';

export {
  COMPANY_FLAGS,
  type CompanyFlag,
  type IndicatorKind,
  ORGANISATION_KINDS,
  type OrganisationKind,
  REGIONS,
  type Region,
} from '@/lib/domain';

/** What a `companies` indicator counts: every listed company, or those with one flag. */
export type CompanyMeasure = 'all' | CompanyFlag;
export const COMPANY_MEASURES: readonly CompanyMeasure[] = ['all', ...COMPANY_FLAGS];

export interface ShareFigure {
  numerator: number;
  denominator: number;
}

/** A national (or group) figure for a companies, count or amount indicator. */
export interface TotalFigure {
  /** companies: distinct companies, net of double counting; otherwise the sum */
  net: number;
  /** companies: the sum of the organisations' own counts */
  gross?: number;
  /** companies: gross − net, the companies counted by more than one organisation */
  overlap?: number;
  /** companies: of which under 50 employees, net like the total */
  under50?: number;
  /** some organisations reported counts without a company list, which may overlap */
  possiblyDoubleCounted?: boolean;
}

export type Figure = TotalFigure | ShareFigure;
export type OrganisationValue = number | ShareFigure;

export function isShareFigure(figure: Figure | OrganisationValue | undefined): figure is ShareFigure {
  return typeof figure === 'object' && figure !== null && 'denominator' in figure;
}

export interface AccountIndicator {
  key: string;
  kind: IndicatorKind;
  groupKey: string;
  sortOrder: number;
  parentKey: string | null;
  measure: CompanyMeasure | null;
  label: { da: string; en: string };
  help: { da: string; en: string };
  national: Figure;
}

export type BreakdownDimension = 'kind' | 'field' | 'region';
export const BREAKDOWN_DIMENSIONS: readonly BreakdownDimension[] = ['kind', 'field', 'region'];

export interface BreakdownGroup {
  group: string;
  organisations: number;
  values: Record<string, Figure>;
}

export interface AccountOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  field: string;
  region: Region;
  hasCompanyList: boolean;
  values: Record<string, OrganisationValue>;
}

export interface NationalAccounts {
  year: number;
  edition: number;
  organisationCounts: { total: number; cluster: number; innovation_network: number };
  indicators: AccountIndicator[];
  breakdowns: Record<BreakdownDimension, BreakdownGroup[]>;
  organisations: AccountOrganisation[];
  /** how many distinct companies take part in 1, 2, and 3 or more organisations */
  participation: { one: number; two: number; threePlus: number };
  excluded: { slug: string; name: string; reason: string }[];
  seriesBreak: { da: string; en: string } | null;
}
