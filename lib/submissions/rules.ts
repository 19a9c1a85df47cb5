// The reporting rules of issue 4, pure (no I/O) so the server action and the browser run exactly
// the same checks: numbers, subsets, shares, required fields on submit, the ±50 % warning, and
// the company-list CSV. Messages are templates passed in (RuleMessages), so this file needs no
// message loader and can ship to the client.
import { present } from '@/lib/invariant';
import Papa from 'papaparse';
import { z } from 'zod';
import { checkCvr } from '@/lib/cvr';
import { COMPANY_FLAGS, type CompanyFlag, type CompanyRow, type IndicatorKind } from '@/lib/domain';
import { formatInteger, type Locale } from '@/lib/format';
import type { Message } from '@/lib/result';
import { fill, type TemplateValues } from '@/lib/text/fill';
import { textProblem } from '@/lib/validation/text';

export type { IndicatorKind };

/** The company list's 0/1 columns (DESIGN.md's form contract). */
export const COMPANY_FLAG_COLUMNS = COMPANY_FLAGS;
export type CompanyFlagColumn = CompanyFlag;

/** Sane upper bounds: a count above these is a typing error, not a cluster. */
export const MAX_COUNT = 1_000_000;
export const MAX_AMOUNT_DKK = 100_000_000_000;
export const MAX_COMMENT_LENGTH = 1000;
export const MAX_COMPANY_ROWS = 20_000;
/**
 * The largest company-list file taken, in bytes: a 20,000-row list with a few extra columns
 * (names, addresses) as Excel saves it is well under 4 MB. Below the server-action body limit
 * (next.config.mjs, 8 MiB), so a file this size or smaller always reaches the checks here.
 */
export const MAX_COMPANY_FILE_BYTES = 8_000_000;
/** The longest physical line taken: a company row with a name and an address is < 500 chars. */
export const MAX_COMPANY_LINE_LENGTH = 10_000;
/** The most columns a line may have (cvr, the five flags and any the organisation keeps). */
export const MAX_COMPANY_COLUMNS = 200;
/** How much of a refused cell a message quotes. */
const MAX_QUOTED_VALUE = 40;
/** A change of more than this share from last year needs an explanation. */
export const BIG_CHANGE = 0.5;

export interface FormIndicator {
  key: string;
  kind: IndicatorKind;
  groupKey: string;
  sortOrder: number;
  parentKey: string | null;
  participantFlag: string | null;
  required: boolean;
  labelDa: string;
  labelEn: string;
  helpDa: string;
  helpEn: string;
}

export interface Entry {
  value: number;
  denominator: number | null;
  comment: string | null;
}

/** A figure as compared with last year: a share compares its percentage. */
export type LastYearValue = number | { numerator: number; denominator: number };

export type RuleCode =
  | 'notANumber'
  | 'negative'
  | 'notWhole'
  | 'tooLarge'
  | 'required'
  | 'denominatorMissing'
  | 'numeratorMissing'
  | 'numeratorAboveDenominator'
  | 'aboveParent'
  | 'explanationRequired'
  | 'commentTooLong'
  | 'commentInvalid';

/** Templates with {field}, {max}, {parent}, {last}, {current}: one set per language. */
export type RuleMessages = Record<RuleCode, string>;

export const denominatorField = (key: string) => `${key}_denominator`;
export const commentField = (key: string) => `${key}_comment`;

export function labelOf(indicator: Pick<FormIndicator, 'labelDa' | 'labelEn'>, locale: 'da' | 'en') {
  return locale === 'en' ? indicator.labelEn : indicator.labelDa;
}

export function maxFor(kind: IndicatorKind): number {
  return kind === 'amount_dkk' ? MAX_AMOUNT_DKK : MAX_COUNT;
}

/**
 * A whole non-negative number as people type it: "16500", "16 500", "16.500" or "16,500"
 * (thousands separators in groups of three). Empty is null. A decimal is refused, not rounded.
 */
export function numberSchema(max: number) {
  return z
    .string()
    .transform((raw) => raw.replace(/[\s\u00a0]/g, '').replace(/^\+/, ''))
    .superRefine((text, context) => {
      if (text === '') return;
      if (/^-\d/.test(text)) context.addIssue({ code: 'custom', message: 'negative' });
      else if (/^\d+$/.test(text) || /^\d{1,3}([.,]\d{3})+$/.test(text)) {
        if (Number(text.replace(/[.,]/g, '')) > max)
          context.addIssue({ code: 'custom', message: 'tooLarge' });
      } else if (/^\d+[.,]\d+$/.test(text)) context.addIssue({ code: 'custom', message: 'notWhole' });
      else context.addIssue({ code: 'custom', message: 'notANumber' });
    })
    .transform((text) => (text === '' ? null : Number(text.replace(/[.,]/g, ''))));
}

const commentSchema = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text.length <= MAX_COMMENT_LENGTH, { message: 'commentTooLong' })
  // a NUL byte would fail the whole save in PostgreSQL; a lone surrogate would be stored altered
  .refine((text) => textProblem(text, MAX_COMMENT_LENGTH) === null, { message: 'commentInvalid' });

export interface ValidationInput {
  indicators: FormIndicator[];
  /** the posted fields: `<key>`, `<key>_denominator`, `<key>_comment` */
  fields: Record<string, string | undefined>;
  mode: 'draft' | 'submit';
  locale: 'da' | 'en';
  /** the templates to put the issues in words with (the browser's live checks); without, only `issues` */
  messages?: RuleMessages;
  lastYear?: Record<string, LastYearValue>;
  /** company indicators derived from the uploaded list: not typed, but still checked */
  derived?: Record<string, number>;
  /**
   * The values as the secretariat last approved them (issue 16): a big change that is still the
   * approved figure was settled then, and is not asked to be explained again.
   */
  settled?: Record<string, SettledValue>;
}

/** A figure as it stood at the last approval. */
export interface SettledValue {
  value: number;
  denominator: number | null;
}

export interface ChangeWarning {
  key: string;
  last: number;
  current: number;
  /** relative change, e.g. 0.8 for +80 % */
  change: number;
  /** present when the figure is the one the secretariat approved: no new explanation is asked */
  settled?: true;
}

/** Whether `current` is still the figure the secretariat approved. */
export function isSettled(settled: SettledValue | undefined, current: Entry | number): boolean {
  if (!settled) return false;
  const value = typeof current === 'number' ? current : current.value;
  const denominator = typeof current === 'number' ? null : current.denominator;
  return settled.value === value && (settled.denominator ?? null) === (denominator ?? null);
}

/** The big-change warning of one figure, or null when it moved less than BIG_CHANGE (or cannot be compared). */
export function changeWarning(
  key: string,
  last: LastYearValue | undefined,
  current: Entry | number | undefined,
  settled?: SettledValue,
): ChangeWarning | null {
  const change = relativeChange(last, current);
  if (!change || Math.abs(change.change) <= BIG_CHANGE || current === undefined) return null;
  return { key, ...change, ...(isSettled(settled, current) ? { settled: true as const } : {}) };
}

/** One broken rule: its code and the values its message shows ({field}, {max} …). */
export interface RuleIssue {
  code: RuleCode;
  values: TemplateValues;
}

export interface ValidationResult {
  ok: boolean;
  /** typed values only (not derived ones); indicators left empty are absent */
  values: Record<string, Entry>;
  /** for each figure derived from the company list, the explanation given with it (or null) */
  explanations: Record<string, string | null>;
  /** per field, every rule it breaks */
  issues: Record<string, RuleIssue[]>;
  /** the issues in words, when `messages` were given */
  fieldErrors: Record<string, string[]>;
  warnings: ChangeWarning[];
}

/** The relative change from last year, or null when there is nothing to compare with. */
export function relativeChange(last: LastYearValue | undefined, current: Entry | number | undefined) {
  if (last === undefined || current === undefined) return null;
  const lastRatio =
    typeof last === 'number' ? last : last.denominator > 0 ? last.numerator / last.denominator : null;
  const currentRatio =
    typeof current === 'number'
      ? current
      : current.denominator === null
        ? current.value
        : current.denominator > 0
          ? current.value / current.denominator
          : null;
  if (lastRatio === null || currentRatio === null || lastRatio <= 0) return null;
  return { last: lastRatio, current: currentRatio, change: (currentRatio - lastRatio) / lastRatio };
}

/** Every rule of the entry form, in one pass; the same on server and client. */
export function validateEntries(input: ValidationInput): ValidationResult {
  const { indicators, fields, mode, locale, messages } = input;
  const issues: Record<string, RuleIssue[]> = {};
  const fieldErrors: Record<string, string[]> = {};
  const values: Record<string, Entry> = {};
  const warnings: ChangeWarning[] = [];
  const byKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
  const add = (field: string, code: RuleCode, extra: Record<string, string | number> = {}) => {
    const indicator = byKey.get(field) ?? byKey.get(field.replace(/_(denominator|comment)$/, ''));
    const values = { field: indicator ? labelOf(indicator, locale) : field, ...extra };
    issues[field] = [...(issues[field] ?? []), { code, values }];
    if (messages) fieldErrors[field] = [...(fieldErrors[field] ?? []), fill(messages[code], values)];
  };
  const numbers = new Map<string, number | null>();
  const read = (field: string, kind: IndicatorKind) => {
    const parsed = numberSchema(maxFor(kind)).safeParse(fields[field] ?? '');
    if (parsed.success) return parsed.data;
    add(field, (parsed.error.issues[0]?.message ?? 'notANumber') as RuleCode, {
      max: maxFor(kind).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB'),
    });
    return undefined;
  };

  /** the explanation field of `key`: its text, '' when empty, or null when it cannot be stored */
  const readComment = (key: string): string | null => {
    const comment = commentSchema.safeParse(fields[commentField(key)] ?? '');
    if (comment.success) return comment.data;
    const code = comment.error.issues[0]?.message === 'commentInvalid' ? 'commentInvalid' : 'commentTooLong';
    add(commentField(key), code, { max: MAX_COMMENT_LENGTH });
    return null;
  };
  /**
   * The ±50 % rule: a warning, and on submit an explanation unless one is given (`comment` null:
   * one was given that cannot be stored, its own error) or the figure was settled at approval.
   */
  const checkChange = (indicator: FormIndicator, current: Entry | number, comment: string | null) => {
    const warning = changeWarning(
      indicator.key,
      input.lastYear?.[indicator.key],
      current,
      input.settled?.[indicator.key],
    );
    if (!warning) return;
    warnings.push(warning);
    if (mode !== 'submit' || comment !== '' || warning.settled) return;
    const shown = (n: number) =>
      indicator.kind === 'share'
        ? `${Math.round(n * 1000) / 10} %`
        : n.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB');
    add(commentField(indicator.key), 'explanationRequired', {
      last: shown(warning.last),
      current: shown(warning.current),
    });
  };
  const explanations: Record<string, string | null> = {};

  for (const indicator of indicators) {
    const { key } = indicator;
    if (input.derived && key in input.derived) {
      // a figure counted from the company list is not typed, but a big change needs its
      // explanation like a typed one (issue 16)
      const derived = present(input.derived[key]);
      numbers.set(key, derived);
      const comment = readComment(key);
      explanations[key] = comment || null;
      checkChange(indicator, derived, comment);
      continue;
    }
    const value = read(key, indicator.kind);
    const denominator = indicator.kind === 'share' ? read(denominatorField(key), indicator.kind) : null;
    const comment = readComment(key);
    if (value === undefined || denominator === undefined) continue;
    numbers.set(key, value);
    if (indicator.kind === 'share') {
      if (value !== null && denominator === null) add(denominatorField(key), 'denominatorMissing');
      else if (value === null && denominator !== null) add(key, 'numeratorMissing');
      else if (value !== null && denominator !== null && value > denominator)
        add(key, 'numeratorAboveDenominator');
    }
    if (value === null) {
      if (mode === 'submit' && indicator.required) add(key, 'required');
      continue;
    }
    const entry: Entry = {
      value,
      denominator: indicator.kind === 'share' ? denominator : null,
      comment: comment || null,
    };
    values[key] = entry;
    checkChange(indicator, entry, comment);
  }

  // subset rule: a child never above its parent (typed or derived), in drafts too
  for (const indicator of indicators) {
    if (!indicator.parentKey) continue;
    const child = numbers.get(indicator.key);
    const parent = numbers.get(indicator.parentKey);
    const parentIndicator = byKey.get(indicator.parentKey);
    if (child == null || parent == null || !parentIndicator) continue;
    if (child > parent && !(input.derived && indicator.key in input.derived))
      add(indicator.key, 'aboveParent', { parent: labelOf(parentIndicator, locale), max: parent });
  }
  return { ok: Object.keys(issues).length === 0, values, explanations, issues, fieldErrors, warnings };
}

// ---------------------------------------------------------------------------------------------
// The company list CSV

export type { CompanyRow };

export type CsvProblem =
  | { code: 'notCsv' }
  | { code: 'fileTooLarge'; maxMb: number; sizeMb: number }
  | { code: 'lineTooLong'; row: number; max: number }
  | { code: 'tooManyColumns'; row: number; max: number }
  | { code: 'empty' }
  | { code: 'noCvrColumn' }
  | { code: 'tooManyRows'; max: number; rows: number }
  | { code: 'cvrFormat'; row: number; value: string }
  | { code: 'cvrChecksum'; row: number; value: string }
  | { code: 'duplicate'; row: number; value: string; firstRow: number }
  | { code: 'badFlag'; row: number; column: string; value: string }
  // an Excel workbook (company-list-xlsx.ts): damaged, locked, or more than a company list holds
  | { code: 'notXlsx' }
  | { code: 'xlsxUnsupported' }
  | { code: 'xlsxTooLarge'; maxMb: number }
  | { code: 'xlsxTooManyRows'; max: number }
  | { code: 'xlsxTooManyColumns'; max: number }
  // the upload worker's refusals (lib/upload-worker): the file took too long or too much memory
  // to read, or too many uploads were being read at once
  | { code: 'tooSlow'; seconds: number }
  | { code: 'tooMuchMemory' }
  | { code: 'busy' };

export type CsvResult =
  | { ok: true; rows: CompanyRow[]; columns: string[] }
  | { ok: false; problems: CsvProblem[] };

/** The first bytes of a ZIP archive, which an XLSX workbook is: the upload reads those as Excel. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** A text that is clearly not a CSV file: a spreadsheet (zip), a PDF or any binary (a NUL byte). */
function looksBinary(text: string): boolean {
  return text.startsWith('PK\u0003\u0004') || text.startsWith('%PDF') || text.includes('\u0000');
}

/** A file size in MB to one decimal, rounded up so that a file just over the limit never reads as the limit. */
function megabytes(bytes: number): number {
  return Math.ceil(bytes / 100_000) / 10;
}

/** Refuses a file by its size in bytes before anything reads it (the server action checks `File.size`). */
export function companyFileSizeProblem(bytes: number): CsvProblem | null {
  return bytes > MAX_COMPANY_FILE_BYTES
    ? { code: 'fileTooLarge', maxMb: MAX_COMPANY_FILE_BYTES / 1_000_000, sizeMb: megabytes(bytes) }
    : null;
}

/**
 * Refuses a text whose shape no company list has, before the CSV parser builds a cell for every
 * field: a line longer than MAX_COMPANY_LINE_LENGTH, one with more than MAX_COMPANY_COLUMNS fields
 * (counted as delimiters, an upper bound that ignores quoting), or far more lines than a list may
 * have. One pass over the characters, each looked at once, no copies: linear in the file, however
 * its lines are laid out (a search for the next delimiter from each line's start was quadratic on
 * a file of short lines without one).
 */
function shapeProblem(text: string, delimiter: string): CsvProblem | null {
  const delimiterCode = delimiter.charCodeAt(0);
  let row = 1;
  let lineStart = 0;
  let columns = 1;
  let lastWithContent = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) {
      row++;
      lineStart = at + 1;
      columns = 1;
      continue;
    }
    if (code === delimiterCode && ++columns > MAX_COMPANY_COLUMNS)
      return { code: 'tooManyColumns', row, max: MAX_COMPANY_COLUMNS };
    if (at - lineStart >= MAX_COMPANY_LINE_LENGTH + 1)
      return { code: 'lineTooLong', row, max: MAX_COMPANY_LINE_LENGTH };
    if (code !== 13 && code !== 32) lastWithContent = row;
  }
  // quoted cells may span lines, so lines are only an upper bound of rows: refuse on lines alone
  // only far past the limit, and leave the exact count to the parser
  const dataLines = lastWithContent - 1;
  if (dataLines > 2 * MAX_COMPANY_ROWS)
    return { code: 'tooManyRows', max: MAX_COMPANY_ROWS, rows: dataLines };
  return null;
}

/** A refused cell as a message quotes it: the start of it, so a huge cell does not make a huge answer. */
function quoted(value: string): string {
  return value.length > MAX_QUOTED_VALUE ? `${value.slice(0, MAX_QUOTED_VALUE)}…` : value;
}

const FLAG_VALUES: Record<string, boolean> = { '': false, '0': false, '1': true };

/**
 * Parses a company list as Danish Excel and others save it: comma or semicolon, BOM or not,
 * CRLF or LF, quoted fields. Row numbers are as a person counts them in the file: the header is
 * row 1, so the first company is row 2.
 */
export function parseCompanyCsv(input: string): CsvResult {
  // a text from a caller other than the upload form is held to the same size (a UTF-8 file has at
  // least as many bytes as its text has UTF-16 units)
  const tooLarge = companyFileSizeProblem(input.length);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const text = input.replace(/^\uFEFF/, '');
  if (looksBinary(text)) return { ok: false, problems: [{ code: 'notCsv' }] };
  const firstLine = text.slice(0, Math.min(text.search(/\r?\n|$/), MAX_COMPANY_LINE_LENGTH + 1));
  const delimiter =
    firstLine.includes(';') && !firstLine.includes(',')
      ? ';'
      : firstLine.includes('\t') && !firstLine.includes(',')
        ? '\t'
        : ',';
  const shape = shapeProblem(text, delimiter);
  if (shape) return { ok: false, problems: [shape] };
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  return checkCompanyTable(parsed.data.map((cells, index) => ({ row: index + 1, cells })));
}

/** One line of a company list as read from its file: the row number a person sees, and its cells. */
export interface TableRow {
  row: number;
  cells: string[];
}

/**
 * The company list's rules on a table, whichever file it was read from (CSV here, XLSX in
 * company-list-xlsx.ts): the first row is the header with a `cvr` column, each further row a
 * company with a valid, unrepeated CVR number and 0/1 flags. Row numbers are the file's.
 */
export function checkCompanyTable(lines: TableRow[]): CsvResult {
  const blank = (line: TableRow) => line.cells.every((cell) => cell.trim() === '');
  if (lines.length === 0 || lines.every(blank)) return { ok: false, problems: [{ code: 'empty' }] };
  const header = present(lines[0]).cells.map((cell) =>
    cell.trim().toLowerCase().replace(/\s+/g, '_').replace(/-/g, '_'),
  );
  const cvrIndex = header.indexOf('cvr');
  if (cvrIndex < 0) return { ok: false, problems: [{ code: 'noCvrColumn' }] };
  const flagIndex = new Map(
    COMPANY_FLAG_COLUMNS.map((column) => [column, header.indexOf(column)] as const).filter(
      ([, index]) => index >= 0,
    ),
  );
  const dataLines = lines.length - 1 - countTrailingBlank(lines);
  if (dataLines > MAX_COMPANY_ROWS)
    return { ok: false, problems: [{ code: 'tooManyRows', max: MAX_COMPANY_ROWS, rows: dataLines }] };

  const problems: CsvProblem[] = [];
  const rows: CompanyRow[] = [];
  const seen = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const { row, cells } = line;
    if (blank(line)) continue;
    const rawCvr = (cells[cvrIndex] ?? '').trim();
    const checked = checkCvr(rawCvr);
    if (!checked.ok) {
      problems.push({
        code: checked.problem === 'format' ? 'cvrFormat' : 'cvrChecksum',
        row,
        value: quoted(rawCvr),
      });
      continue;
    }
    const firstRow = seen.get(checked.cvr);
    if (firstRow !== undefined) {
      problems.push({ code: 'duplicate', row, value: checked.cvr, firstRow });
      continue;
    }
    seen.set(checked.cvr, row);
    const company: CompanyRow = {
      cvr: checked.cvr,
      dedicated: false,
      under_50: false,
      new_ideas: false,
      new_competences: false,
      new_products: false,
    };
    for (const [column, columnIndex] of flagIndex) {
      const raw = (cells[columnIndex] ?? '').trim();
      const flag = FLAG_VALUES[raw];
      if (flag === undefined) problems.push({ code: 'badFlag', row, column, value: quoted(raw) });
      else company[column] = flag;
    }
    rows.push(company);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ code: 'empty' }] };
  return { ok: true, rows, columns: ['cvr', ...flagIndex.keys()] };
}

function countTrailingBlank(lines: TableRow[]): number {
  let blank = 0;
  for (let index = lines.length - 1; index > 0; index--) {
    if (present(lines[index]).cells.every((cell) => cell.trim() === '')) blank++;
    else break;
  }
  return blank;
}

export type CsvMessages = Record<CsvProblem['code'], string>;

/** The values a problem's message shows: numbers as the language writes them (20.000 / 20,000). */
function csvProblemValues(problem: CsvProblem, locale: Locale): TemplateValues {
  // CVR numbers and cells are strings, and stay as they are
  const values: TemplateValues = {};
  for (const [name, value] of Object.entries(problem))
    values[name] = typeof value === 'number' ? formatInteger(value, locale) : value;
  if (problem.code === 'fileTooLarge')
    values.sizeMb = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
      minimumFractionDigits: 1,
    }).format(problem.sizeMb);
  return values;
}

/** A problem as a message (portal.csv.<code>), for the server's answer. */
export function csvProblemMessage(problem: CsvProblem, locale: Locale = 'da'): Message {
  return { key: `portal.csv.${problem.code}`, values: csvProblemValues(problem, locale) };
}

/** A problem in words with the given templates, for the browser's own check of the file size. */
export function describeCsvProblem(
  problem: CsvProblem,
  messages: CsvMessages,
  locale: Locale = 'da',
): string {
  return fill(messages[problem.code], csvProblemValues(problem, locale));
}

/** The list back as CSV: the same columns the upload takes, comma separated, with a BOM for Excel. */
export function companyListToCsv(rows: CompanyRow[]): string {
  const header = ['cvr', ...COMPANY_FLAG_COLUMNS].join(',');
  const lines = rows.map((row) =>
    [row.cvr, ...COMPANY_FLAG_COLUMNS.map((column) => (row[column] ? '1' : '0'))].join(','),
  );
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}

/** Whole days from today to the deadline day: 0 on the last day, negative once it is past. */
export function daysLeft(deadline: string, now: Date): number {
  const today = Date.parse(now.toISOString().slice(0, 10));
  return Math.round((Date.parse(deadline) - today) / (24 * 3600 * 1000));
}

/** The deadline that applies to one organisation: its extension when it has one. */
export function effectiveDeadline(deadline: string, deadlineOverride: string | null): string {
  return deadlineOverride ?? deadline;
}

/**
 * Whether staff may still edit: the year is open and the (possibly extended) deadline not past.
 * In a closed or published year only an organisation with a deadline of its own that is not past
 * may: the secretariat gives one when it returns a report for correction (lib/review).
 */
export function isYearOpenForStaff(
  year: { state: 'open' | 'closed' | 'published'; deadline: string },
  deadlineOverride: string | null,
  now: Date,
): boolean {
  if (year.state !== 'open') return deadlineOverride !== null && daysLeft(deadlineOverride, now) >= 0;
  return daysLeft(effectiveDeadline(year.deadline, deadlineOverride), now) >= 0;
}

/** Staff edit drafts and returned submissions; submitted and approved ones are read-only. */
export function isEditableState(state: 'draft' | 'submitted' | 'returned' | 'approved' | null): boolean {
  return state === null || state === 'draft' || state === 'returned';
}
