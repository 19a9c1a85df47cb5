// The secretariat's exports of a year: live or published accounts, per-organisation figures,
// the completeness and timeliness report, and anonymised company overlap counts (no CVRs). Each
// in one language: Danish labels, yes/no and Danish time in the Danish export, English in the
// English one (`locale`); codes only as slugs and indicator keys (README "The secretariat's exports").
import { present } from '@/lib/invariant';
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { computeNationalAccounts } from '@/lib/accounts/compute';
import type { NationalAccounts } from '@/lib/accounts/types';
import { qualifyFailure } from '@/lib/actions/messages';
import { forRequest } from '@/lib/actions/request';
import type { Actor } from '@/lib/auth/actor';
import { authoriseAdmin } from '@/lib/auth/permissions';
import { roundOverview } from '@/lib/review/queries';
import { getPublication } from '@/lib/publications/read';
import { type Failure, invalid, notFound, ok } from '@/lib/result';
import { isDatabaseId, isYearNumber } from '@/lib/validation/input';
import { messageExists, translate } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import { danishTimestamp } from '@/lib/time-zone';
import { type Table, toCsv, toXlsx } from './format';
import { accountsTable, breakdownTable, type ExportWords, organisationsTable } from './tables';

export const EXPORT_KINDS = ['accounts', 'organisations', 'completeness', 'overlap'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

async function accountsFor(db: Database, year: number, version?: number): Promise<NationalAccounts | null> {
  if (version) return (await getPublication(db, year, version))?.snapshot.accounts ?? null;
  return computeNationalAccounts(db, year);
}

/** The export's words in one language (lib/exports/tables.ts). */
export function exportWords(locale: Locale): ExportWords {
  const known = (key: string, code: string) => (messageExists(locale, key) ? translate(locale, key) : code);
  return {
    locale,
    column: (name) => translate(locale, `exports.columns.${name}`),
    sheet: (name) => translate(locale, `exports.sheets.${name}`),
    kind: (code) => known(`admin.kinds.${code}`, code),
    region: (code) => known(`admin.regions.${code}`, code),
    indicatorKind: (code) => known(`admin.indicators.kinds.${code}`, code),
    dimension: (code) => known(`exports.dimensions.${code}`, code),
    state: (code) => known(`admin.states.${code}`, code),
    yes: translate(locale, 'exports.yes'),
    no: translate(locale, 'exports.no'),
    numerator: (label) => translate(locale, 'exports.numerator', { label }),
    denominator: (label) => translate(locale, 'exports.denominator', { label }),
  };
}

export async function completenessTable(
  db: Database,
  year: number,
  words: ExportWords = exportWords('da'),
): Promise<Table | Failure> {
  const overview = await roundOverview(db, { year });
  if (!overview.ok) return overview;
  const c = words.column;
  return {
    name: words.sheet('completeness'),
    header: [
      c('year'),
      c('slug'),
      c('organisation'),
      c('state'),
      c('deadline'),
      c('extended'),
      c('submittedAt'),
      c('late'),
      c('exclusion'),
    ],
    rows: overview.value.rows.map((row) => [
      year,
      row.slug,
      row.name,
      words.state(row.state),
      row.deadline,
      row.extended ? words.yes : words.no,
      row.submittedAt ? danishTimestamp(row.submittedAt) : null,
      row.late ? words.yes : words.no,
      row.exclusionReason,
    ]),
  };
}

/** Pairs of organisations and how many companies they share; counts only, never CVR numbers. */
export async function overlapTable(
  db: Database,
  year: number,
  words: ExportWords = exportWords('da'),
): Promise<Table> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with listed as (
          select p.cvr, o.slug, o.name from participants p
          join submissions s on s.id = p.submission_id
          join organisations o on o.id = s.organisation_id
          where s.year = ${year} and s.state = 'approved' and s.has_company_list
            and not exists (select 1 from year_exclusions x where x.year = s.year and x.organisation_id = s.organisation_id)
        )
        select a.slug as first, b.slug as second, a.name as first_name, b.name as second_name,
          count(*)::int as shared
        from listed a join listed b on a.cvr = b.cvr and a.slug < b.slug
        group by a.slug, b.slug, a.name, b.name order by shared desc, a.slug, b.slug`,
  );
  const c = words.column;
  return {
    name: words.sheet('overlap'),
    header: [c('year'), c('organisation1'), c('organisation2'), c('slug1'), c('slug2'), c('shared')],
    rows: rows.map((row) => [
      year,
      String(row.first_name),
      String(row.second_name),
      String(row.first),
      String(row.second),
      Number(row.shared),
    ]),
  };
}

export interface ExportRequest {
  year: number;
  kind: string;
  format: string;
  version?: number;
  locale?: 'da' | 'en';
}

/** A download for the secretariat; the refusal is audited with the kind asked for. */
export async function buildExport(
  db: Database,
  actor: Actor | null,
  input: ExportRequest,
): Promise<{ ok: true; value: ExportFile } | Failure> {
  const allowed = await authoriseAdmin(db, actor, `export.${input.kind}`);
  if (!allowed.ok) return { ...allowed, message: 'admin.errors.forbidden' };
  const built = await exportFile(db, input);
  return built.ok ? built : qualifyFailure(built, 'admin.errors');
}

async function exportFile(
  db: Database,
  input: ExportRequest,
): Promise<{ ok: true; value: ExportFile } | Failure> {
  if (!(EXPORT_KINDS as readonly string[]).includes(input.kind)) return invalid('export_kind_invalid');
  if (input.format !== 'csv' && input.format !== 'xlsx') return invalid('export_format_invalid');
  if (!isYearNumber(input.year)) return notFound('year_not_found');
  if (input.version !== undefined && input.version !== 0 && !isDatabaseId(input.version))
    return notFound('year_not_found');
  const locale = input.locale ?? 'da';
  const words = exportWords(locale);
  let tables: Table[];
  if (input.kind === 'completeness') {
    const table = await completenessTable(db, input.year, words);
    if ('ok' in table) return table;
    tables = [table];
  } else if (input.kind === 'overlap') {
    tables = [await overlapTable(db, input.year, words)];
  } else {
    const accounts = await accountsFor(db, input.year, input.version);
    if (!accounts) return notFound('year_not_found');
    tables =
      input.kind === 'accounts'
        ? [accountsTable(accounts, words), breakdownTable(accounts, words)]
        : [organisationsTable(accounts, words)];
  }
  const suffix = input.version
    ? `-v${input.version}`
    : input.kind === 'accounts' || input.kind === 'organisations'
      ? `-${translate(locale, 'exports.files.live')}`
      : '';
  const base = `klyngeregnskab-${input.year}-${translate(locale, `exports.files.${input.kind}`)}${suffix}`;
  if (input.format === 'csv') {
    return ok({
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: toCsv(present(tables[0]), locale),
    });
  }
  return ok({
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(tables),
  });
}

/** The download route's export: this request's database and actor. */
export const exportForRequest = forRequest(buildExport);
