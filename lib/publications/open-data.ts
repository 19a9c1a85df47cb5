// The open-data shapes: what the API answers and what the downloads hold, built from a frozen
// publication by pure functions (no I/O) so they are unit-tested and identical everywhere.
// Company lists (CVR numbers) are never part of a publication's public shape.
import { present } from '@/lib/invariant';
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
import type { EvidenceStatement } from '@/lib/evidence/types';
import type { Locale } from '@/lib/format';
import { LICENCE } from './methodology';
import type { Publication, PublicationSummary } from './types';

/** Stated in every response and download. */
export const LICENCE_TEXT = `CC BY 4.0 (${LICENCE.url})`;
export const ATTRIBUTION = {
  da: 'Kilde: Klyngeregnskab, performanceregnskab for klynger og innovationsnetværk. Licens: CC BY 4.0.',
  en: 'Source: Klyngeregnskab, performance accounts of Danish clusters and innovation networks. Licence: CC BY 4.0.',
} as const;

export type OpenNationalFigure =
  | { net: number; gross?: number; under50?: number; possiblyDoubleCounted?: boolean }
  | ShareFigure;

export interface OpenIndicator {
  key: string;
  kind: AccountIndicator['kind'];
  label: { da: string; en: string };
  national: OpenNationalFigure;
}

/** A text in both languages; null where the secretariat has not written one. */
export interface BilingualText {
  da: string | null;
  en: string | null;
}

export interface OrganisationDetails {
  website: string | null;
  description: BilingualText;
}

/**
 * The names the public reads beside the frozen figures, kept current by the secretariat: the
 * English form of each field name (by its Danish name) and each organisation's website and
 * description (by slug).
 */
export interface PublicNames {
  fields: Record<string, string>;
  organisations: Record<string, OrganisationDetails>;
}

export const NO_PUBLIC_NAMES: PublicNames = { fields: {}, organisations: {} };

/** A field's name in both languages; the Danish name stands in where no English form is kept. */
export function fieldLabelOf(names: PublicNames, field: string): { da: string; en: string } {
  return { da: field, en: names.fields[field] ?? field };
}

/** The field name for a page in `locale`, with `lang` set when the Danish name stands in. */
export function fieldTextOf(
  names: PublicNames,
  field: string,
  locale: Locale,
): { text: string; lang: 'da' | undefined } {
  if (locale === 'da') return { text: field, lang: undefined };
  const english = names.fields[field];
  return english ? { text: english, lang: undefined } : { text: field, lang: 'da' };
}

export function descriptionOf(names: PublicNames, slug: string): BilingualText {
  const description = names.organisations[slug]?.description;
  return { da: description?.da ?? null, en: description?.en ?? null };
}

interface OrganisationNames {
  field: string;
  fieldLabel: { da: string; en: string };
  description: BilingualText;
}

export interface OpenOrganisation extends OrganisationNames {
  slug: string;
  name: string;
  kind: OrganisationKind;
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
  evidence: EvidenceStatement[];
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

/**
 * The national figure as DESIGN.md's contract has it: gross and under50 only where they apply,
 * and for every company figure whether it may count a company twice (it adds organisations' own
 * counts reported without a company list).
 */
export function toOpenNational(indicator: AccountIndicator): OpenNationalFigure {
  const figure = indicator.national;
  if (isShareFigure(figure)) return { numerator: figure.numerator, denominator: figure.denominator };
  const national: { net: number; gross?: number; under50?: number; possiblyDoubleCounted?: boolean } = {
    net: figure.net,
  };
  if (indicator.kind === 'companies') {
    if (figure.gross !== undefined) national.gross = figure.gross;
    if (figure.under50 !== undefined) national.under50 = figure.under50;
    national.possiblyDoubleCounted = figure.possiblyDoubleCounted === true;
  }
  return national;
}

/** Whether a company indicator's national figure may count a company twice. */
export function isPossiblyDoubleCounted(indicator: AccountIndicator): boolean {
  return (
    indicator.kind === 'companies' &&
    !isShareFigure(indicator.national) &&
    indicator.national.possiblyDoubleCounted === true
  );
}

function namesOf(names: PublicNames, organisation: { slug: string; field: string }): OrganisationNames {
  return {
    field: organisation.field,
    fieldLabel: fieldLabelOf(names, organisation.field),
    description: descriptionOf(names, organisation.slug),
  };
}

function copyValue(value: OrganisationValue): OrganisationValue {
  return typeof value === 'number' ? value : { numerator: value.numerator, denominator: value.denominator };
}

function openValues(organisation: AccountOrganisation, keys: string[]): Record<string, OrganisationValue> {
  const values: Record<string, OrganisationValue> = {};
  for (const key of keys) {
    const value = organisation.values[key];
    if (value !== undefined) values[key] = copyValue(value);
  }
  return values;
}

export function toOpenOrganisation(
  organisation: AccountOrganisation,
  keys: string[],
  names: PublicNames = NO_PUBLIC_NAMES,
): OpenOrganisation {
  return {
    slug: organisation.slug,
    name: organisation.name,
    kind: organisation.kind,
    ...namesOf(names, organisation),
    region: organisation.region,
    values: openValues(organisation, keys),
  };
}

function copyEvidence(statement: EvidenceStatement): EvidenceStatement {
  return {
    key: statement.key,
    value: statement.value,
    unit: statement.unit,
    text: { da: statement.text.da, en: statement.text.en },
    source: {
      title: statement.source.title,
      publisher: statement.source.publisher,
      year: statement.source.year,
      url: statement.source.url,
    },
  };
}

/** `GET /api/v1/accounts/{year}`: the publication in the contract's exact shape. */
export function toOpenAccountsYear(
  publication: Publication,
  names: PublicNames = NO_PUBLIC_NAMES,
): OpenAccountsYear {
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
      .map((organisation) => toOpenOrganisation(organisation, keys, names)),
    evidence: (publication.snapshot.evidence ?? []).map(copyEvidence),
  };
}

// ---------------------------------------------------------------- organisations

export interface OpenOrganisationSummary extends OrganisationNames {
  slug: string;
  name: string;
  kind: OrganisationKind;
  region: Region;
}

export interface OpenOrganisationYear {
  year: number;
  version: number;
  values: Record<string, OrganisationValue>;
}

export interface OpenOrganisationDetail extends OpenOrganisationSummary {
  website: string | null;
  licence: string;
  years: OpenOrganisationYear[];
}

/**
 * Every organisation that appears in a published year, as it was described in the newest year it
 * appears in. `series` is oldest first (getPublishedSeries).
 */
export function toOrganisationDirectory(
  series: Publication[],
  names: PublicNames = NO_PUBLIC_NAMES,
): OpenOrganisationSummary[] {
  const latest = new Map<string, OpenOrganisationSummary>();
  for (const publication of series) {
    for (const organisation of publication.snapshot.accounts.organisations) {
      latest.set(organisation.slug, {
        slug: organisation.slug,
        name: organisation.name,
        kind: organisation.kind,
        ...namesOf(names, organisation),
        region: organisation.region,
      });
    }
  }
  return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export function toOrganisationDetail(
  series: Publication[],
  slug: string,
  names: PublicNames = NO_PUBLIC_NAMES,
): OpenOrganisationDetail | null {
  const summary = toOrganisationDirectory(series, names).find((organisation) => organisation.slug === slug);
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
      values: openValues(organisation, keys),
    });
  }
  return {
    ...summary,
    website: names.organisations[slug]?.website ?? null,
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
  da: {
    national: 'Nationalt (netto)',
    gross: 'Nationalt (brutto)',
    under50: 'Nationalt, under 50 ansatte',
    doubleCounted: 'Nationalt, muligvis dobbelttælling (1 = ja, 0 = nej)',
  },
  en: {
    national: 'National (net)',
    gross: 'National (gross)',
    under50: 'National, fewer than 50 employees',
    doubleCounted: 'National, possibly double counted (1 = yes, 0 = no)',
  },
} as const;

const MACHINE_SCOPES = {
  national: 'national_net',
  gross: 'national_gross',
  under50: 'national_under50',
  doubleCounted: 'national_possibly_double_counted',
} as const;

type NationalScope = keyof typeof MACHINE_SCOPES;

/**
 * One table for the year: the national net, gross and under-50 rows first, a row marking each
 * company figure that may count a company twice (1) or not (0), then one row per organisation. A
 * share takes two columns (numerator, denominator). The last column names the licence on every
 * row, so it travels with any extract.
 * `headerLocale` null gives machine headers (indicator keys, for the API) with the Danish field
 * name and its English form in a column of its own; a locale gives labels and the field name in
 * that language.
 */
export function accountsTable(
  publication: Publication,
  headerLocale: Locale | null,
  names: PublicNames = NO_PUBLIC_NAMES,
): Cell[][] {
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
        headerLocale ? `${name} (${present(labels).numerator})` : `${name}_numerator`,
        headerLocale ? `${name} (${present(labels).denominator})` : `${name}_denominator`,
      );
    } else header.push(name);
  }
  if (!labels) header.push('field_en');
  header.push(labels ? labels.licence : 'licence');

  const nationalRow = (scope: NationalScope): Cell[] => {
    const label = headerLocale ? SCOPE_LABELS[headerLocale][scope] : MACHINE_SCOPES[scope];
    const row: Cell[] = [label, null, null, null, null, null];
    for (const indicator of indicators) {
      const figure = indicator.national;
      if (isShareFigure(figure)) {
        row.push(
          scope === 'national' ? figure.numerator : null,
          scope === 'national' ? figure.denominator : null,
        );
      } else if (scope === 'national') row.push(figure.net);
      else if (indicator.kind !== 'companies') row.push(null);
      else if (scope === 'doubleCounted') row.push(figure.possiblyDoubleCounted ? 1 : 0);
      else row.push(figure[scope] ?? null);
    }
    if (!labels) row.push(null);
    row.push(LICENCE_TEXT);
    return row;
  };

  const rows: Cell[][] = [
    header,
    nationalRow('national'),
    nationalRow('gross'),
    nationalRow('under50'),
    nationalRow('doubleCounted'),
  ];
  const organisations = [...accounts.organisations].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  for (const organisation of organisations) {
    const field = fieldLabelOf(names, organisation.field);
    const row: Cell[] = [
      headerLocale ? present(labels).organisation : 'organisation',
      organisation.slug,
      organisation.name,
      organisation.kind,
      headerLocale ? field[headerLocale] : field.da,
      organisation.region,
    ];
    for (const indicator of indicators) {
      const value = organisation.values[indicator.key];
      if (indicator.kind === 'share') {
        const share = isShareFigure(value) ? value : null;
        row.push(share?.numerator ?? null, share?.denominator ?? null);
      } else row.push(typeof value === 'number' ? value : null);
    }
    if (!labels) row.push(field.en);
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
export function accountsCsvForApi(publication: Publication, names: PublicNames = NO_PUBLIC_NAMES): string {
  return tableCsv(accountsTable(publication, null, names), RFC4180);
}

/** The human download: semicolon-separated with a BOM (opens right in Danish Excel), labelled headers. */
export function accountsCsvForDownload(
  publication: Publication,
  locale: Locale,
  names: PublicNames = NO_PUBLIC_NAMES,
): string {
  return tableCsv(accountsTable(publication, locale, names), EXCEL_DA);
}

export function organisationsCsv(organisations: OpenOrganisationSummary[]): string {
  const rows: Cell[][] = [
    ['slug', 'name', 'kind', 'field', 'region', 'field_en', 'description_da', 'description_en', 'licence'],
  ];
  for (const o of organisations)
    rows.push([
      o.slug,
      o.name,
      o.kind,
      o.field,
      o.region,
      o.fieldLabel.en,
      o.description.da,
      o.description.en,
      LICENCE_TEXT,
    ]);
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
