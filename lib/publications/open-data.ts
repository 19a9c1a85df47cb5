// The open-data shapes: what the API answers and what the downloads hold, built from a frozen
// publication by pure functions (no I/O) so they are unit-tested and identical everywhere.
// Company lists (CVR numbers) are never part of a publication's public shape.
import {
  type AccountIndicator,
  type AccountOrganisation,
  isShareFigure,
  type OrganisationKind,
  type OrganisationValue,
  type Region,
  type ShareFigure,
} from '@/lib/accounts/types';
import { type CsvDialect, EXCEL_DA, RFC4180, toCsv } from '@/lib/csv/write';
import type { Locale } from '@/lib/format';
import { LICENCE } from './methodology';
import type { Publication, PublicationSummary } from './types';

/** Stated in every response and download. */
export const LICENCE_TEXT = `CC BY 4.0 (${LICENCE.url})`;
export const ATTRIBUTION = {
  da: 'Kilde: Klyngeregnskab, performanceregnskab for klynger og innovationsnetværk. Licens: CC BY 4.0.',
  en: 'Source: Klyngeregnskab, performance accounts of Danish clusters and innovation networks. Licence: CC BY 4.0.',
} as const;

export type OpenNationalFigure = { net: number; gross?: number; under50?: number } | ShareFigure;

export interface OpenIndicator {
  key: string;
  kind: AccountIndicator['kind'];
  label: { da: string; en: string };
  national: OpenNationalFigure;
}

export interface OpenOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  field: string;
  region: Region;
  values: Record<string, OrganisationValue>;
}

export interface OpenAccountsYear {
  year: number;
  version: number;
  publishedAt: string;
  licence: string;
  indicators: OpenIndicator[];
  organisations: OpenOrganisation[];
}

export interface OpenPublicationListItem {
  year: number;
  version: number;
  publishedAt: string;
}

export function toPublicationList(summaries: PublicationSummary[]): OpenPublicationListItem[] {
  return [...summaries]
    .sort((a, b) => b.year - a.year)
    .map(({ year, version, publishedAt }) => ({ year, version, publishedAt }));
}

/** The national figure as DESIGN.md's contract has it: gross and under50 only where they apply. */
export function toOpenNational(indicator: AccountIndicator): OpenNationalFigure {
  const figure = indicator.national;
  if (isShareFigure(figure)) return { numerator: figure.numerator, denominator: figure.denominator };
  const national: { net: number; gross?: number; under50?: number } = { net: figure.net };
  if (indicator.kind === 'companies') {
    if (figure.gross !== undefined) national.gross = figure.gross;
    if (figure.under50 !== undefined) national.under50 = figure.under50;
  }
  return national;
}

function copyValue(value: OrganisationValue): OrganisationValue {
  return typeof value === 'number' ? value : { numerator: value.numerator, denominator: value.denominator };
}

export function toOpenOrganisation(organisation: AccountOrganisation, keys: string[]): OpenOrganisation {
  const values: Record<string, OrganisationValue> = {};
  for (const key of keys) {
    const value = organisation.values[key];
    if (value !== undefined) values[key] = copyValue(value);
  }
  return {
    slug: organisation.slug,
    name: organisation.name,
    kind: organisation.kind,
    field: organisation.field,
    region: organisation.region,
    values,
  };
}

/** `GET /api/v1/accounts/{year}`: the publication in the contract's exact shape. */
export function toOpenAccountsYear(publication: Publication): OpenAccountsYear {
  const { accounts } = publication.snapshot;
  const indicators = [...accounts.indicators].sort((a, b) => a.sortOrder - b.sortOrder);
  const keys = indicators.map((indicator) => indicator.key);
  return {
    year: publication.year,
    version: publication.version,
    publishedAt: publication.publishedAt,
    licence: LICENCE_TEXT,
    indicators: indicators.map((indicator) => ({
      key: indicator.key,
      kind: indicator.kind,
      label: { da: indicator.label.da, en: indicator.label.en },
      national: toOpenNational(indicator),
    })),
    organisations: [...accounts.organisations]
      .sort((a, b) => a.name.localeCompare(b.name, 'da'))
      .map((organisation) => toOpenOrganisation(organisation, keys)),
  };
}

// ---------------------------------------------------------------- organisations

export interface OrganisationDetails {
  website: string | null;
  description: string | null;
}

export interface OpenOrganisationSummary {
  slug: string;
  name: string;
  kind: OrganisationKind;
  field: string;
  region: Region;
}

export interface OpenOrganisationYear {
  year: number;
  version: number;
  values: Record<string, OrganisationValue>;
}

export interface OpenOrganisationDetail extends OpenOrganisationSummary {
  website: string | null;
  description: string | null;
  licence: string;
  years: OpenOrganisationYear[];
}

/**
 * Every organisation that appears in a published year, as it was described in the newest year it
 * appears in. `series` is oldest first (getPublishedSeries).
 */
export function toOrganisationDirectory(series: Publication[]): OpenOrganisationSummary[] {
  const latest = new Map<string, OpenOrganisationSummary>();
  for (const publication of series) {
    for (const organisation of publication.snapshot.accounts.organisations) {
      latest.set(organisation.slug, {
        slug: organisation.slug,
        name: organisation.name,
        kind: organisation.kind,
        field: organisation.field,
        region: organisation.region,
      });
    }
  }
  return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export function toOrganisationDetail(
  series: Publication[],
  slug: string,
  details: OrganisationDetails | null = null,
): OpenOrganisationDetail | null {
  const summary = toOrganisationDirectory(series).find((organisation) => organisation.slug === slug);
  if (!summary) return null;
  const years: OpenOrganisationYear[] = [];
  for (const publication of series) {
    const { accounts } = publication.snapshot;
    const organisation = accounts.organisations.find((candidate) => candidate.slug === slug);
    if (!organisation) continue;
    const keys = [...accounts.indicators].sort((a, b) => a.sortOrder - b.sortOrder).map((i) => i.key);
    years.push({
      year: publication.year,
      version: publication.version,
      values: toOpenOrganisation(organisation, keys).values,
    });
  }
  return {
    ...summary,
    website: details?.website ?? null,
    description: details?.description ?? null,
    licence: LICENCE_TEXT,
    years,
  };
}

export interface OrganisationFilter {
  kind?: string;
  field?: string;
  region?: string;
}

export function filterOrganisations<T extends OpenOrganisationSummary>(
  organisations: T[],
  filter: OrganisationFilter,
): T[] {
  return organisations.filter(
    (organisation) =>
      (!filter.kind || organisation.kind === filter.kind) &&
      (!filter.field || organisation.field === filter.field) &&
      (!filter.region || organisation.region === filter.region),
  );
}

// ---------------------------------------------------------------- tables (CSV, XLSX)

export type Cell = string | number | null;

/** A table whose first row is the header, written through lib/csv (the one formula-injection guard). */
function tableCsv(table: Cell[][], dialect: CsvDialect): string {
  const [header = [], ...rows] = table;
  return toCsv(header, rows, dialect);
}

const SCOPE_LABELS = {
  da: { national: 'Nationalt (netto)', gross: 'Nationalt (brutto)', under50: 'Nationalt, under 50 ansatte' },
  en: { national: 'National (net)', gross: 'National (gross)', under50: 'National, fewer than 50 employees' },
} as const;

/**
 * One table for the year: the national net, gross and under-50 rows first, then one row per
 * organisation. A share takes two columns (numerator, denominator). The last column names the
 * licence on every row, so it travels with any extract.
 * `headerLocale` null gives machine headers (indicator keys, for the API); a locale gives labels.
 */
export function accountsTable(publication: Publication, headerLocale: Locale | null): Cell[][] {
  const { accounts } = publication.snapshot;
  const indicators = [...accounts.indicators].sort((a, b) => a.sortOrder - b.sortOrder);
  const labels = headerLocale ? HEADER_LABELS[headerLocale] : null;
  const header: Cell[] = labels
    ? [labels.scope, labels.slug, labels.name, labels.kind, labels.field, labels.region]
    : ['scope', 'slug', 'name', 'kind', 'field', 'region'];
  for (const indicator of indicators) {
    const name = headerLocale ? indicator.label[headerLocale] : indicator.key;
    if (indicator.kind === 'share') {
      header.push(
        headerLocale ? `${name} (${labels!.numerator})` : `${name}_numerator`,
        headerLocale ? `${name} (${labels!.denominator})` : `${name}_denominator`,
      );
    } else header.push(name);
  }
  header.push(labels ? labels.licence : 'licence');

  const nationalRow = (scope: 'national' | 'gross' | 'under50'): Cell[] => {
    const label = headerLocale
      ? SCOPE_LABELS[headerLocale][scope]
      : `national_${scope === 'national' ? 'net' : scope}`;
    const row: Cell[] = [label, null, null, null, null, null];
    for (const indicator of indicators) {
      const figure = indicator.national;
      if (isShareFigure(figure)) {
        row.push(
          scope === 'national' ? figure.numerator : null,
          scope === 'national' ? figure.denominator : null,
        );
      } else if (scope === 'national') row.push(figure.net);
      else row.push(indicator.kind === 'companies' ? (figure[scope] ?? null) : null);
    }
    row.push(LICENCE_TEXT);
    return row;
  };

  const rows: Cell[][] = [header, nationalRow('national'), nationalRow('gross'), nationalRow('under50')];
  const organisations = [...accounts.organisations].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  for (const organisation of organisations) {
    const row: Cell[] = [
      headerLocale ? labels!.organisation : 'organisation',
      organisation.slug,
      organisation.name,
      organisation.kind,
      organisation.field,
      organisation.region,
    ];
    for (const indicator of indicators) {
      const value = organisation.values[indicator.key];
      if (indicator.kind === 'share') {
        const share = isShareFigure(value) ? value : null;
        row.push(share?.numerator ?? null, share?.denominator ?? null);
      } else row.push(typeof value === 'number' ? value : null);
    }
    row.push(LICENCE_TEXT);
    rows.push(row);
  }
  return rows;
}

const HEADER_LABELS = {
  da: {
    scope: 'Opgørelse',
    slug: 'Id',
    name: 'Organisation',
    kind: 'Type',
    field: 'Fagområde',
    region: 'Region',
    numerator: 'tæller',
    denominator: 'nævner',
    licence: 'Licens',
    organisation: 'Organisation',
  },
  en: {
    scope: 'Scope',
    slug: 'Id',
    name: 'Organisation',
    kind: 'Kind',
    field: 'Field',
    region: 'Region',
    numerator: 'numerator',
    denominator: 'denominator',
    licence: 'Licence',
    organisation: 'Organisation',
  },
} as const;

/** The API's CSV: comma-separated, no BOM, machine headers. */
export function accountsCsvForApi(publication: Publication): string {
  return tableCsv(accountsTable(publication, null), RFC4180);
}

/** The human download: semicolon-separated with a BOM (opens right in Danish Excel), labelled headers. */
export function accountsCsvForDownload(publication: Publication, locale: Locale): string {
  return tableCsv(accountsTable(publication, locale), EXCEL_DA);
}

export function organisationsCsv(organisations: OpenOrganisationSummary[]): string {
  const rows: Cell[][] = [['slug', 'name', 'kind', 'field', 'region', 'licence']];
  for (const o of organisations) rows.push([o.slug, o.name, o.kind, o.field, o.region, LICENCE_TEXT]);
  return tableCsv(rows, RFC4180);
}

export function organisationDetailCsv(detail: OpenOrganisationDetail): string {
  const keys: string[] = [];
  for (const year of detail.years)
    for (const key of Object.keys(year.values)) if (!keys.includes(key)) keys.push(key);
  const header: Cell[] = ['slug', 'year', 'version'];
  for (const key of keys) {
    const sample = detail.years.map((y) => y.values[key]).find((v) => v !== undefined);
    if (isShareFigure(sample)) header.push(`${key}_numerator`, `${key}_denominator`);
    else header.push(key);
  }
  header.push('licence');
  const rows: Cell[][] = [header];
  for (const year of detail.years) {
    const row: Cell[] = [detail.slug, year.year, year.version];
    for (const key of keys) {
      const sample = detail.years.map((y) => y.values[key]).find((v) => v !== undefined);
      const value = year.values[key];
      if (isShareFigure(sample)) {
        row.push(
          isShareFigure(value) ? value.numerator : null,
          isShareFigure(value) ? value.denominator : null,
        );
      } else row.push(typeof value === 'number' ? value : null);
    }
    row.push(LICENCE_TEXT);
    rows.push(row);
  }
  return tableCsv(rows, RFC4180);
}
