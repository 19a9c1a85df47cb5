// A publication as a JSON-stat 2.0 dataset (https://json-stat.org/format/): the cube Eurostat's
// statistics API answers in and many chart tools read. Four dimensions: the year, the unit (the
// nation or one organisation), the indicator and the measure. Every cell the accounts do not have
// (gross of a count, an organisation's under-50 split …) is null. Pure, unit-tested with
// jsonstat-toolkit in tests/unit/jsonstat.test.ts.
import { isShareFigure, type OrganisationValue } from '@/lib/accounts/types';
import { LICENCE } from './methodology';
import type { Publication } from './types';

export const JSONSTAT_MEASURES = ['value', 'gross', 'under50', 'numerator', 'denominator'] as const;
type Measure = (typeof JSONSTAT_MEASURES)[number];

const MEASURE_LABELS: Record<Measure, string> = {
  value: 'Værdi (netto for virksomheder; andel i procent)',
  gross: 'Brutto (summen af organisationernes egne tal)',
  under50: 'Heraf under 50 ansatte (netto)',
  numerator: 'Tæller',
  denominator: 'Nævner',
};

const UNIT_LABELS = {
  companies: { label: 'virksomheder', decimals: 0 },
  count: { label: 'antal', decimals: 0 },
  amount_dkk: { label: 'kr.', decimals: 0 },
  share: { label: 'procent', decimals: 1 },
} as const;

export const NATIONAL_UNIT = 'national';

export interface JsonStatDataset {
  version: '2.0';
  class: 'dataset';
  label: string;
  source: string;
  updated: string;
  id: string[];
  size: number[];
  dimension: Record<
    string,
    {
      label: string;
      category: {
        index: Record<string, number>;
        label: Record<string, string>;
        unit?: Record<string, { label: string; decimals: number }>;
      };
    }
  >;
  value: (number | null)[];
  status?: Record<string, string>;
  note: string[];
  role: { time: string[]; metric: string[] };
  link: { license: { type: string; href: string; label: string }[] };
  extension: { year: number; version: number; publishedAt: string; licence: string };
}

function percent(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.round((numerator / denominator) * 100 * 10_000) / 10_000;
}

function organisationCell(value: OrganisationValue | undefined, measure: Measure): number | null {
  if (value === undefined) return null;
  if (isShareFigure(value)) {
    if (measure === 'value') return percent(value.numerator, value.denominator);
    if (measure === 'numerator') return value.numerator;
    if (measure === 'denominator') return value.denominator;
    return null;
  }
  return measure === 'value' ? value : null;
}

export function toJsonStat(publication: Publication): JsonStatDataset {
  const { accounts } = publication.snapshot;
  const indicators = [...accounts.indicators].sort((a, b) => a.sortOrder - b.sortOrder);
  const organisations = [...accounts.organisations].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const units = [NATIONAL_UNIT, ...organisations.map((organisation) => organisation.slug)];
  const index = (keys: readonly string[]) => Object.fromEntries(keys.map((key, position) => [key, position]));

  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  for (const unit of units) {
    const organisation = organisations.find((candidate) => candidate.slug === unit);
    for (const indicator of indicators) {
      for (const measure of JSONSTAT_MEASURES) {
        let cell: number | null;
        if (!organisation) {
          const figure = indicator.national;
          if (isShareFigure(figure)) {
            cell =
              measure === 'value'
                ? percent(figure.numerator, figure.denominator)
                : measure === 'numerator'
                  ? figure.numerator
                  : measure === 'denominator'
                    ? figure.denominator
                    : null;
          } else {
            cell =
              measure === 'value'
                ? figure.net
                : measure === 'gross' && indicator.kind === 'companies'
                  ? (figure.gross ?? null)
                  : measure === 'under50' && indicator.kind === 'companies'
                    ? (figure.under50 ?? null)
                    : null;
            // JSON-stat's status marks a cell as provisional, estimated …: "e" for a company figure
            // that adds organisations' own counts and may count a company twice
            if (figure.possiblyDoubleCounted && measure === 'value') status[String(value.length)] = 'e';
          }
        } else {
          cell = organisationCell(organisation.values[indicator.key], measure);
        }
        value.push(cell);
      }
    }
  }

  const notes = [
    'Virksomhedstal er netto for dobbelttælling: en virksomhed, der deltager i flere organisationer, tælles én gang.',
    'Status "e": tallet omfatter organisationer uden virksomhedsliste og kan tælle en virksomhed mere end én gang.',
  ];
  if (accounts.seriesBreak) notes.push(`Databrud: ${accounts.seriesBreak.da}`);
  if (publication.changeNote) notes.push(`Version ${publication.version}: ${publication.changeNote}`);

  return {
    version: '2.0',
    class: 'dataset',
    label: `Klyngeregnskab ${publication.year} (version ${publication.version})`,
    source: 'Klyngeregnskab: performanceregnskab for klynger og innovationsnetværk',
    updated: publication.publishedAt,
    id: ['year', 'unit', 'indicator', 'measure'],
    size: [1, units.length, indicators.length, JSONSTAT_MEASURES.length],
    dimension: {
      year: {
        label: 'Aktivitetsår',
        category: {
          index: { [String(publication.year)]: 0 },
          label: { [String(publication.year)]: String(publication.year) },
        },
      },
      unit: {
        label: 'Opgørelse',
        category: {
          index: index(units),
          label: {
            [NATIONAL_UNIT]: 'Hele landet',
            ...Object.fromEntries(
              organisations.map((organisation) => [organisation.slug, organisation.name]),
            ),
          },
        },
      },
      indicator: {
        label: 'Indikator',
        category: {
          index: index(indicators.map((indicator) => indicator.key)),
          label: Object.fromEntries(indicators.map((indicator) => [indicator.key, indicator.label.da])),
          unit: Object.fromEntries(
            indicators.map((indicator) => [indicator.key, UNIT_LABELS[indicator.kind]]),
          ),
        },
      },
      measure: {
        label: 'Mål',
        category: { index: index(JSONSTAT_MEASURES), label: MEASURE_LABELS },
      },
    },
    value,
    ...(Object.keys(status).length > 0 ? { status } : {}),
    note: notes,
    role: { time: ['year'], metric: ['indicator'] },
    link: { license: [{ type: 'text/html', href: LICENCE.url, label: LICENCE.name }] },
    extension: {
      year: publication.year,
      version: publication.version,
      publishedAt: publication.publishedAt,
      licence: LICENCE.id,
    },
  };
}
