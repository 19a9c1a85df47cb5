// One year and version as a zip: the CSV tables, a machine-readable metadata file (the
// indicators with their definitions and units, the licence, the version, the dates, the notes)
// and a README in Danish and English. Pure: built from the frozen publication, so the same
// version always gives the same files (fixed timestamps inside the zip too).
import { zipSync, strToU8 } from 'fflate';
import { isShareFigure } from '@/lib/accounts/types';
import { type CsvDialect, RFC4180, toCsv } from '@/lib/csv/write';
import { documentationOf } from '@/lib/documentation/read';
import { LICENCE } from './methodology';
import { accountsCsvForApi, LICENCE_TEXT, type PublicNames } from './open-data';
import type { Publication } from './types';

const UNITS = {
  companies: { da: 'virksomheder', en: 'companies' },
  count: { da: 'antal', en: 'count' },
  amount_dkk: { da: 'kr.', en: 'DKK' },
  share: { da: 'andel (tæller/nævner)', en: 'share (numerator/denominator)' },
} as const;

export function zipFileName(publication: Publication): string {
  return `klyngeregnskab-${publication.year}-v${publication.version}.zip`;
}

function nationalCsv(publication: Publication, dialect: CsvDialect = RFC4180): string {
  const indicators = [...publication.snapshot.accounts.indicators].sort((a, b) => a.sortOrder - b.sortOrder);
  const rows = indicators.map((indicator) => {
    const figure = indicator.national;
    return isShareFigure(figure)
      ? [indicator.key, indicator.kind, null, null, null, null, figure.numerator, figure.denominator, false]
      : [
          indicator.key,
          indicator.kind,
          figure.net,
          figure.gross ?? null,
          figure.overlap ?? null,
          figure.under50 ?? null,
          null,
          null,
          figure.possiblyDoubleCounted === true,
        ];
  });
  return toCsv(
    [
      'indicator',
      'kind',
      'net',
      'gross',
      'overlap',
      'under50',
      'numerator',
      'denominator',
      'possiblyDoubleCounted',
    ],
    rows.map((row) => row.map((cell) => (typeof cell === 'boolean' ? String(cell) : cell))),
    dialect,
  );
}

function breakdownsCsv(publication: Publication): string {
  const { accounts } = publication.snapshot;
  const rows: (string | number | null)[][] = [];
  for (const [dimension, groups] of Object.entries(accounts.breakdowns)) {
    for (const group of groups) {
      for (const [key, figure] of Object.entries(group.values)) {
        rows.push(
          isShareFigure(figure)
            ? [
                dimension,
                group.group,
                group.organisations,
                key,
                null,
                null,
                figure.numerator,
                figure.denominator,
              ]
            : [
                dimension,
                group.group,
                group.organisations,
                key,
                figure.net,
                figure.under50 ?? null,
                null,
                null,
              ],
        );
      }
    }
  }
  return toCsv(
    ['dimension', 'group', 'organisations', 'indicator', 'net', 'under50', 'numerator', 'denominator'],
    rows,
    RFC4180,
  );
}

export function zipMetadata(publication: Publication, origin: string) {
  const { accounts } = publication.snapshot;
  const { facts } = documentationOf(publication);
  return {
    title: { da: `Performanceregnskab ${publication.year}`, en: `Performance accounts ${publication.year}` },
    year: publication.year,
    edition: accounts.edition,
    version: publication.version,
    publishedAt: publication.publishedAt,
    announcedAt: facts.release?.announcedAt ?? null,
    round: facts.round,
    licence: { id: LICENCE.id, name: LICENCE.name, url: LICENCE.url },
    landingPage: `${origin}/regnskab/${publication.year}`,
    documentation: `${origin}/regnskab/${publication.year}/v/${publication.version}/dokumentation`,
    notes: {
      changeNote: publication.changeNote,
      seriesBreak: accounts.seriesBreak,
      possiblyDoubleCounted: facts.possiblyDoubleCounted,
      versions: publication.history.map(({ version, publishedAt, changeNote }) => ({
        version,
        publishedAt,
        changeNote,
      })),
    },
    indicators: [...accounts.indicators]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((indicator) => ({
        key: indicator.key,
        kind: indicator.kind,
        unit: UNITS[indicator.kind],
        label: indicator.label,
        definition: indicator.help,
        subsetOf: indicator.parentKey,
      })),
    files: {
      'accounts.csv':
        'national rows (net, gross, under 50) and one row per organisation; shares as numerator and denominator',
      'national.csv': 'one row per indicator: the national figures',
      'breakdowns.csv': 'the national figures by kind, field and region',
      'metadata.json': 'this file',
    },
  };
}

function readme(publication: Publication, origin: string): string {
  const { year, version, publishedAt, changeNote } = publication;
  return [
    `Performanceregnskab ${year}, version ${version} / Performance accounts ${year}, version ${version}`,
    '',
    '— Dansk —',
    `Offentliggjort ${publishedAt}. Licens: ${LICENCE_TEXT}. Kildeangivelse: Klyngeregnskab, performanceregnskab ${year}, version ${version}, ${origin}/regnskab/${year}.`,
    'accounts.csv: nationale rækker (netto, brutto, under 50 ansatte) og én række pr. organisation. Andele står som tæller og nævner.',
    'national.csv: én række pr. indikator med de nationale tal. possiblyDoubleCounted=true: tallet omfatter organisationer uden virksomhedsliste og kan tælle en virksomhed mere end én gang.',
    'breakdowns.csv: de nationale tal fordelt på type, fagområde og region.',
    'metadata.json: indikatorernes definitioner og enheder, licens, version, datoer og noter (maskinlæsbart).',
    `Dokumentation af statistikken: ${origin}/regnskab/${year}/v/${version}/dokumentation`,
    ...(changeNote ? [`Rettelse: ${changeNote}`] : []),
    'CSV-filerne er kommaseparerede, UTF-8 uden BOM.',
    '',
    '— English —',
    `Published ${publishedAt}. Licence: ${LICENCE_TEXT}. Cite as: Klyngeregnskab, performance accounts ${year}, version ${version}, ${origin}/en/regnskab/${year}.`,
    'accounts.csv: national rows (net, gross, fewer than 50 employees) and one row per organisation. Shares are given as numerator and denominator.',
    'national.csv: one row per indicator with the national figures. possiblyDoubleCounted=true: the figure includes organisations without a company list and may count a company more than once.',
    'breakdowns.csv: the national figures by kind, field and region.',
    'metadata.json: the indicators’ definitions and units, licence, version, dates and notes (machine-readable).',
    `Documentation of the statistic: ${origin}/en/regnskab/${year}/v/${version}/dokumentation`,
    ...(changeNote ? [`Correction: ${changeNote}`] : []),
    'The CSV files are comma-separated, UTF-8 without BOM.',
    '',
  ].join('\r\n');
}

// a fixed moment inside the zip, so a version's zip is byte for byte the same each time
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

/**
 * `names`: the public names (the fields' English names) that the API's CSV has too; required, so a
 * zip cannot quietly come out with the Danish field names in its English column.
 */
export function accountsZip(publication: Publication, origin: string, names: PublicNames): Uint8Array {
  const file = (content: string) => [strToU8(content), { mtime: ZIP_TIME }] as [Uint8Array, { mtime: Date }];
  return zipSync({
    'README.txt': file(readme(publication, origin)),
    'metadata.json': file(`${JSON.stringify(zipMetadata(publication, origin), null, 2)}\n`),
    'accounts.csv': file(accountsCsvForApi(publication, names)),
    'national.csv': file(nationalCsv(publication)),
    'breakdowns.csv': file(breakdownsCsv(publication)),
  });
}
