// The XLSX download: the same table as the CSV, plus the national figures, the method and the
// evidence statements on their own sheets. Text cells go through lib/csv's formula-injection guard
// like the CSV's.
import ExcelJS from 'exceljs';
import { isShareFigure } from '@/lib/accounts/types';
import { xlsxCell } from '@/lib/csv/safe-cell';
import { formatEvidenceFigure } from '@/lib/evidence/format';
import type { Locale } from '@/lib/format';
import { LICENCE } from './methodology';
import {
  ATTRIBUTION,
  accountsTable,
  type Cell,
  isPossiblyDoubleCounted,
  LICENCE_TEXT,
  NO_PUBLIC_NAMES,
  type PublicNames,
} from './open-data';
import type { Publication } from './types';

const SHEETS = {
  da: {
    national: 'Nationalt',
    organisations: 'Organisationer',
    about: 'Om data',
    indicator: 'Indikator',
    net: 'Netto',
    gross: 'Brutto',
    under50: 'Heraf under 50 ansatte',
    numerator: 'Tæller',
    denominator: 'Nævner',
    doubleCounted: 'Muligvis dobbelttælling',
    yes: 'Ja',
    no: 'Nej',
    doubleCountedNote:
      'Muligvis dobbelttælling: nogle organisationer indberettede antal uden virksomhedsliste, så en virksomhed kan være talt med flere gange i de markerede virksomhedstal.',
    evidence: 'Evidens',
    figure: 'Tal',
    text: 'Udsagn',
    source: 'Kilde',
    publisher: 'Udgiver',
    sourceYear: 'Udgivelsesår',
    link: 'Link',
    year: 'År',
    version: 'Version',
    published: 'Offentliggjort',
    licence: 'Licens',
    method: 'Metode',
  },
  en: {
    national: 'National',
    organisations: 'Organisations',
    about: 'About the data',
    indicator: 'Indicator',
    net: 'Net',
    gross: 'Gross',
    under50: 'Of which fewer than 50 employees',
    numerator: 'Numerator',
    denominator: 'Denominator',
    doubleCounted: 'Possibly double counted',
    yes: 'Yes',
    no: 'No',
    doubleCountedNote:
      'Possibly double counted: some organisations reported counts without a company list, so a company may be counted more than once in the marked company figures.',
    evidence: 'Evidence',
    figure: 'Figure',
    text: 'Statement',
    source: 'Source',
    publisher: 'Publisher',
    sourceYear: 'Year published',
    link: 'Link',
    year: 'Year',
    version: 'Version',
    published: 'Published',
    licence: 'Licence',
    method: 'Method',
  },
} as const;

function addRows(sheet: ExcelJS.Worksheet, rows: Cell[][]) {
  for (const row of rows) sheet.addRow(row.map(xlsxCell));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function accountsWorkbook(
  publication: Publication,
  locale: Locale,
  names: PublicNames = NO_PUBLIC_NAMES,
): Promise<Buffer> {
  const text = SHEETS[locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Klyngeregnskab';
  workbook.created = new Date(publication.publishedAt);
  const { accounts } = publication.snapshot;

  const national = workbook.addWorksheet(text.national);
  const nationalRows: Cell[][] = [
    [
      text.indicator,
      text.net,
      text.gross,
      text.under50,
      text.numerator,
      text.denominator,
      text.doubleCounted,
    ],
  ];
  for (const indicator of [...accounts.indicators].sort((a, b) => a.sortOrder - b.sortOrder)) {
    const figure = indicator.national;
    const companies = indicator.kind === 'companies';
    nationalRows.push(
      isShareFigure(figure)
        ? [indicator.label[locale], null, null, null, figure.numerator, figure.denominator, null]
        : [
            indicator.label[locale],
            figure.net,
            companies ? (figure.gross ?? null) : null,
            companies ? (figure.under50 ?? null) : null,
            null,
            null,
            companies ? (isPossiblyDoubleCounted(indicator) ? text.yes : text.no) : null,
          ],
    );
  }
  if (accounts.indicators.some(isPossiblyDoubleCounted)) nationalRows.push([], [text.doubleCountedNote]);
  addRows(national, nationalRows);
  national.getColumn(1).width = 48;

  addRows(workbook.addWorksheet(text.organisations), accountsTable(publication, locale, names));

  const evidence = publication.snapshot.evidence ?? [];
  if (evidence.length > 0) {
    const sheet = workbook.addWorksheet(text.evidence);
    addRows(sheet, [
      [text.figure, text.text, text.source, text.publisher, text.sourceYear, text.link],
      ...evidence.map((statement): Cell[] => [
        formatEvidenceFigure(statement.value, statement.unit, locale),
        statement.text[locale],
        statement.source.title,
        statement.source.publisher,
        statement.source.year,
        statement.source.url,
      ]),
    ]);
    sheet.getColumn(2).width = 60;
    sheet.getColumn(3).width = 60;
  }

  const about = workbook.addWorksheet(text.about);
  addRows(about, [
    [ATTRIBUTION[locale]],
    [text.year, publication.year],
    [text.version, publication.version],
    [text.published, publication.publishedAt],
    [text.licence, `${LICENCE.name} — ${LICENCE_TEXT}`],
    [text.method, publication.snapshot.methodology[locale]],
  ]);
  about.getColumn(1).width = 20;
  about.getColumn(2).width = 100;
  const arrayBuffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(arrayBuffer as ArrayBuffer);
}
