// A company list saved as an Excel workbook (XLSX, what Excel saves by default): its first sheet
// read by the bounded reader the secretariat's import uses (lib/bulk-import/read-xlsx.ts: every
// part inflated only up to its limit, the XML streamed and stopped at the first row or column
// over it), then held to exactly the rules of a CSV list (rules.ts checkCompanyTable). No
// 'server-only' guard: the upload worker's thread (lib/upload-worker) runs it too, and it holds
// nothing secret.
import { readFirstSheet, SheetLimitError, type SheetLimits } from '@/lib/bulk-import/read-xlsx';
import {
  type CsvProblem,
  type CsvResult,
  checkCompanyTable,
  companyFileSizeProblem,
  MAX_COMPANY_COLUMNS,
  MAX_COMPANY_LINE_LENGTH,
  MAX_COMPANY_ROWS,
} from './rules';

/**
 * A sheet of 20,000 companies with a name and an address beside the flags is about 8 MB of XML;
 * four times that is room for any honest list and still a bound on the memory one upload costs.
 */
export const MAX_COMPANY_SHEET_BYTES = 32 * 1024 * 1024;
export const MAX_COMPANY_SHARED_STRING_BYTES = 16 * 1024 * 1024;

const LIMITS: SheetLimits = {
  maxRows: MAX_COMPANY_ROWS,
  maxColumns: MAX_COMPANY_COLUMNS,
  maxSheetBytes: MAX_COMPANY_SHEET_BYTES,
  maxSharedStringBytes: MAX_COMPANY_SHARED_STRING_BYTES,
  maxCellLength: MAX_COMPANY_LINE_LENGTH,
};

function sheetProblem(error: SheetLimitError): CsvProblem {
  switch (error.problem) {
    case 'too_many_rows':
      return { code: 'xlsxTooManyRows', max: MAX_COMPANY_ROWS };
    case 'too_many_columns':
      return { code: 'xlsxTooManyColumns', max: MAX_COMPANY_COLUMNS };
    case 'unpacked_too_large':
      return { code: 'xlsxTooLarge', maxMb: MAX_COMPANY_SHEET_BYTES / 1024 / 1024 };
    case 'zip_unsupported':
      return { code: 'xlsxUnsupported' };
    case 'file_empty':
      return { code: 'empty' };
    default:
      return { code: 'notXlsx' };
  }
}

export function parseCompanyXlsx(bytes: Uint8Array): CsvResult {
  const tooLarge = companyFileSizeProblem(bytes.byteLength);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  try {
    const rows = readFirstSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), LIMITS);
    return checkCompanyTable(rows);
  } catch (error) {
    if (error instanceof SheetLimitError) return { ok: false, problems: [sheetProblem(error)] };
    throw error;
  }
}
