// The secretariat's exports of a year: live or published accounts, per-organisation figures,
// the completeness and timeliness report, and anonymised company overlap counts (no CVRs).
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { computeNationalAccounts } from '@/lib/accounts/compute';
import type { NationalAccounts } from '@/lib/accounts/types';
import { getRoundOverview } from '@/lib/admin/overview';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { getPublication } from '@/lib/publications/read';
import { type Failure, invalid, notFound, ok } from '@/lib/result';
import { isDatabaseId, isYearNumber } from '@/lib/validation/input';
import { type Table, toCsv, toXlsx } from './format';
import { accountsTable, breakdownTable, organisationsTable } from './tables';

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

export async function completenessTable(
  db: Database,
  actor: Actor | null,
  year: number,
): Promise<Table | Failure> {
  const overview = await getRoundOverview(db, actor, { year });
  if (!overview.ok) return overview;
  return {
    name: 'Rettidighed',
    header: [
      'år',
      'slug',
      'organisation',
      'status',
      'frist',
      'forlænget',
      'indsendt',
      'for sent',
      'udeladt, begrundelse',
    ],
    rows: overview.value.rows.map((row) => [
      year,
      row.slug,
      row.name,
      row.state,
      row.deadline,
      row.extended ? 1 : 0,
      row.submittedAt ? row.submittedAt.toISOString() : null,
      row.late ? 1 : 0,
      row.exclusionReason,
    ]),
  };
}

/** Pairs of organisations and how many companies they share; counts only, never CVR numbers. */
export async function overlapTable(db: Database, year: number): Promise<Table> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with listed as (
          select p.cvr, o.slug from participants p
          join submissions s on s.id = p.submission_id
          join organisations o on o.id = s.organisation_id
          where s.year = ${year} and s.state = 'approved' and s.has_company_list
            and not exists (select 1 from year_exclusions x where x.year = s.year and x.organisation_id = s.organisation_id)
        )
        select a.slug as first, b.slug as second, count(*)::int as shared
        from listed a join listed b on a.cvr = b.cvr and a.slug < b.slug
        group by a.slug, b.slug order by shared desc, a.slug, b.slug`,
  );
  return {
    name: 'Overlap',
    header: ['år', 'organisation 1', 'organisation 2', 'fælles virksomheder'],
    rows: rows.map((row) => [year, String(row.first), String(row.second), Number(row.shared)]),
  };
}

export async function buildExport(
  db: Database,
  actor: Actor | null,
  input: { year: number; kind: string; format: string; version?: number; locale?: 'da' | 'en' },
): Promise<{ ok: true; value: ExportFile } | Failure> {
  const denied = await checkAdmin(db, actor, `export.${input.kind}`);
  if (denied) return denied;
  if (!(EXPORT_KINDS as readonly string[]).includes(input.kind)) return invalid('export_kind_invalid');
  if (input.format !== 'csv' && input.format !== 'xlsx') return invalid('export_format_invalid');
  if (!isYearNumber(input.year)) return notFound('year_not_found');
  if (input.version !== undefined && input.version !== 0 && !isDatabaseId(input.version))
    return notFound('year_not_found');
  const locale = input.locale ?? 'da';
  let tables: Table[];
  if (input.kind === 'completeness') {
    const table = await completenessTable(db, actor, input.year);
    if ('ok' in table) return table;
    tables = [table];
  } else if (input.kind === 'overlap') {
    tables = [await overlapTable(db, input.year)];
  } else {
    const accounts = await accountsFor(db, input.year, input.version);
    if (!accounts) return notFound('year_not_found');
    tables =
      input.kind === 'accounts'
        ? [accountsTable(accounts, locale), breakdownTable(accounts, locale)]
        : [organisationsTable(accounts, locale)];
  }
  const suffix = input.version
    ? `-v${input.version}`
    : input.kind === 'accounts' || input.kind === 'organisations'
      ? '-live'
      : '';
  const base = `klyngeregnskab-${input.year}-${input.kind}${suffix}`;
  if (input.format === 'csv') {
    return ok({ filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(tables[0]!) });
  }
  return ok({
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(tables),
  });
}
