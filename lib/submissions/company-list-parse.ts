// Parsing an uploaded company list where it cannot stall the server: a list of up to 8 MB takes a
// few hundred milliseconds to check and parse (an Excel workbook of 20,000 companies, 650 kB,
// about 300 ms), and every other request would wait for it on the event loop. Small files (the
// common case, a few hundred companies) are parsed at once; anything larger in a worker thread
// with a memory limit and a deadline (lib/upload-worker).
import { parseInWorker } from '@/lib/upload-worker/run';
import { parseCompanyXlsx } from './company-list-xlsx';
import { type CsvResult, companyFileSizeProblem, parseCompanyCsv } from './rules';

/** Below this many characters parsing costs a few milliseconds: not worth a thread. */
const IN_THREAD_CHARACTERS = 256 * 1024;
/** A workbook is compressed: this many bytes already hold about 2,000 companies (≈ 30 ms). */
const IN_THREAD_XLSX_BYTES = 64 * 1024;
export const COMPANY_LIST_PARSE_TIMEOUT_MS = 10_000;

/** A company list: a CSV file's text, or an Excel workbook's bytes. */
export async function parseCompanyList(file: string | Uint8Array): Promise<CsvResult> {
  const size = typeof file === 'string' ? file.length : file.byteLength;
  const tooLarge = companyFileSizeProblem(size);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  if (typeof file === 'string' && size <= IN_THREAD_CHARACTERS) return parseCompanyCsv(file);
  if (typeof file !== 'string' && size <= IN_THREAD_XLSX_BYTES) return parseCompanyXlsx(file);
  const isolated = await parseInWorker(
    typeof file === 'string'
      ? { kind: 'company-list', text: file }
      : { kind: 'company-list-xlsx', bytes: file },
    { timeoutMs: COMPANY_LIST_PARSE_TIMEOUT_MS },
  );
  if (isolated.ok) return isolated.value;
  switch (isolated.refusal) {
    case 'too_slow':
      return { ok: false, problems: [{ code: 'tooSlow', seconds: COMPANY_LIST_PARSE_TIMEOUT_MS / 1000 }] };
    case 'too_much_memory':
      return { ok: false, problems: [{ code: 'tooMuchMemory' }] };
    default:
      return { ok: false, problems: [{ code: 'busy' }] };
  }
}
