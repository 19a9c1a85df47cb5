// The secretariat's import file, from the form to rows: its size first, then it is parsed in a
// worker thread (lib/upload-worker) with the parser's own limits (rows, columns, unpacked size)
// inside. Called by the import action (import.ts) only after the caller is checked, so an
// anonymous or staff post never learns anything about how its file would have been read.
import 'server-only';
import { formatInteger, type Locale } from '@/lib/format';
import { type Failure, invalid, ok, type Result } from '@/lib/result';
import { parseInWorker } from '@/lib/upload-worker/run';
import { type ImportProblemCode, type ImportRow, MAX_IMPORT_FILE_BYTES } from './parse';

/** Long enough for 50,000 rows on a busy server (about a second), short enough not to hold a worker for long. */
export const IMPORT_PARSE_TIMEOUT_MS = 15_000;

function fileRefusal(
  locale: Locale,
  code: ImportProblemCode | 'too_slow' | 'too_much_memory' | 'busy',
  values: Record<string, number> = {},
): Failure {
  // numbers the way the language writes them: 50.000 / 50,000
  const written = Object.fromEntries(
    Object.entries(values).map(([name, n]) => [name, formatInteger(n, locale)]),
  );
  return invalid('import_has_problems', { file: [{ key: `admin.importProblems.${code}`, values: written }] });
}

export async function readImportUpload(file: File, locale: Locale): Promise<Result<{ rows: ImportRow[] }>> {
  if (file.size > MAX_IMPORT_FILE_BYTES)
    return fileRefusal(locale, 'file_too_large', { maxMb: MAX_IMPORT_FILE_BYTES / 1_000_000 });
  const parsed = await parseInWorker(
    { kind: 'import', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    { timeoutMs: IMPORT_PARSE_TIMEOUT_MS },
  );
  if (!parsed.ok) return fileRefusal(locale, parsed.refusal, { seconds: IMPORT_PARSE_TIMEOUT_MS / 1000 });
  if (!parsed.value.ok) return fileRefusal(locale, parsed.value.problem, parsed.value.values);
  return ok({ rows: parsed.value.rows });
}
