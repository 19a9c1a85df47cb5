// What the upload worker does: parse an uploaded file, nothing else (no database, no network).
// Shared by the worker's entry (entry.ts) and, for tests and tools, callable in-thread.
import { type ParseResult, parseImportFile } from '@/lib/bulk-import/parse';
import { parseCompanyXlsx } from '@/lib/submissions/company-list-xlsx';
import { type CsvResult, parseCompanyCsv } from '@/lib/submissions/rules';

export type UploadJob =
  | { kind: 'import'; name: string; bytes: Uint8Array }
  | { kind: 'company-list'; text: string }
  | { kind: 'company-list-xlsx'; bytes: Uint8Array };

export type UploadJobResult<J extends UploadJob> = J extends { kind: 'import' } ? ParseResult : CsvResult;

export function runUploadJob(job: UploadJob): ParseResult | CsvResult {
  if (job.kind === 'company-list') return parseCompanyCsv(job.text);
  if (job.kind === 'company-list-xlsx') return parseCompanyXlsx(job.bytes);
  return parseImportFile(job.name, Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength));
}
