// The XLSX download: the same table as the CSV, plus the national figures and the method on
// their own sheets. Text cells go through lib/csv's formula-injection guard like the CSV's.
import ExcelJS from 'exceljs';
import { isShareFigure } from '@/lib/accounts/types';
import { xlsxCell } from '@/lib/csv/safe-cell';
import type { Locale } from '@/lib/format';
import { LICENCE } from './methodology';
import { ATTRIBUTION, accountsTable, type Cell, LICENCE_TEXT } from './open-data';
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

export async function accountsWorkbook(publication: Publication, locale: Locale): Promise<Buffer> {
  const text = SHEETS[locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Klyngeregnskab';
  workbook.created = new Date(publication.publishedAt);
  const { accounts } = publication.snapshot;

  const national = workbook.addWorksheet(text.national);
  const nationalRows: Cell[][] = [
    [text.indicator, text.net, text.gross, text.under50, text.numerator, text.denominator],
  ];
  for (const indicator of [...accounts.indicators].sort((a, b) => a.sortOrder - b.sortOrder)) {
    const figure = indicator.national;
    nationalRows.push(
      isShareFigure(figure)
        ? [indicator.label[locale], null, null, null, figure.numerator, figure.denominator]
        : [
            indicator.label[locale],
            figure.net,
            indicator.kind === 'companies' ? (figure.gross ?? null) : null,
            indicator.kind === 'companies' ? (figure.under50 ?? null) : null,
            null,
            null,
          ],
    );
  }
  addRows(national, nationalRows);
  national.getColumn(1).width = 48;

  addRows(workbook.addWorksheet(text.organisations), accountsTable(publication, locale));

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
