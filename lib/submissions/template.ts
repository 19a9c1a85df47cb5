// The company list's templates for download beside the upload (issue 16): the header row of the
// form contract (DESIGN.md: `cvr` and the five 0/1 flags), as CSV the way each language's Excel
// opens it (Danish Excel splits on semicolons, English on commas; both with a BOM for UTF-8) and
// as an Excel workbook, with a sheet that explains the columns. No example rows: a template's
// made-up CVR numbers would end up uploaded.
import ExcelJS from 'exceljs';
import { translate } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import { COMPANY_FLAG_COLUMNS } from './rules';

export const TEMPLATE_COLUMNS = ['cvr', ...COMPANY_FLAG_COLUMNS] as const;

export const TEMPLATE_FILES = {
  'virksomhedsliste-skabelon.csv': { locale: 'da', format: 'csv' },
  'virksomhedsliste-skabelon.xlsx': { locale: 'da', format: 'xlsx' },
  'company-list-template.csv': { locale: 'en', format: 'csv' },
  'company-list-template.xlsx': { locale: 'en', format: 'xlsx' },
} as const satisfies Record<string, { locale: Locale; format: 'csv' | 'xlsx' }>;

export type TemplateFile = keyof typeof TEMPLATE_FILES;

export function templateFileName(locale: Locale, format: 'csv' | 'xlsx'): TemplateFile {
  return `${locale === 'da' ? 'virksomhedsliste-skabelon' : 'company-list-template'}.${format}`;
}

export function isTemplateFile(name: string): name is TemplateFile {
  return Object.hasOwn(TEMPLATE_FILES, name);
}

export function companyListTemplateCsv(locale: Locale): string {
  return `\uFEFF${TEMPLATE_COLUMNS.join(locale === 'da' ? ';' : ',')}\r\n`;
}

export async function companyListTemplateXlsx(locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Klyngeregnskab';
  const companies = workbook.addWorksheet(translate(locale, 'portal.template.sheet'));
  companies.columns = TEMPLATE_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: column === 'cvr' ? 12 : 17,
    // CVR numbers as text: Excel keeps them as typed
    ...(column === 'cvr' ? { style: { numFmt: '@' } } : {}),
  }));
  companies.getRow(1).font = { bold: true };
  companies.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet(translate(locale, 'portal.template.helpSheet'));
  help.columns = [
    { header: translate(locale, 'portal.template.column'), key: 'column', width: 18 },
    { header: translate(locale, 'portal.template.meaning'), key: 'meaning', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of TEMPLATE_COLUMNS)
    help.addRow({ column, meaning: translate(locale, `portal.template.columns.${column}`) });
  help.addRow({});
  help.addRow({ column: '', meaning: translate(locale, 'portal.template.note') });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
