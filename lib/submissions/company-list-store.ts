// Writes a submission's company list. Arrays through `unnest` instead of a multi-row INSERT:
// building SQL for 20,000 rows is what makes drizzle's insert slow (STYLE.md), and this path
// runs the same on PGlite and PostgreSQL.
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { participants } from '@/db/schema';
import type { CompanyRow } from '@/lib/domain';

/** A row as the store takes it: the company list's row (lib/domain.ts). */
export type CompanyListRow = CompanyRow;

/** A PostgreSQL array literal of values we produced ourselves (digits and t/f only). */
function arrayLiteral(values: string[]): string {
  return `{${values.join(',')}}`;
}

const flag = (value: boolean) => (value ? 't' : 'f');

/** Replaces the list: call inside the transaction that also updates the submission. */
export async function replaceCompanyList(
  db: Database,
  submissionId: number,
  rows: CompanyListRow[],
): Promise<void> {
  // checked before the delete: a bad row must not cost the list that is there (even outside a transaction)
  for (const row of rows) {
    if (typeof row.cvr !== 'string' || !/^[1-9]\d{7}$/.test(row.cvr))
      throw new Error(`invalid CVR reached the store: ${String(row.cvr).slice(0, 20)}`);
  }
  await db.delete(participants).where(eq(participants.submissionId, submissionId));
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into participants (submission_id, cvr, dedicated, under_50, new_ideas, new_competences, new_products)
    select ${submissionId}, t.cvr, t.dedicated, t.under_50, t.new_ideas, t.new_competences, t.new_products
    from unnest(
      ${arrayLiteral(rows.map((row) => row.cvr))}::text[],
      ${arrayLiteral(rows.map((row) => flag(row.dedicated)))}::boolean[],
      ${arrayLiteral(rows.map((row) => flag(row.under_50)))}::boolean[],
      ${arrayLiteral(rows.map((row) => flag(row.new_ideas)))}::boolean[],
      ${arrayLiteral(rows.map((row) => flag(row.new_competences)))}::boolean[],
      ${arrayLiteral(rows.map((row) => flag(row.new_products)))}::boolean[]
    ) as t(cvr, dedicated, under_50, new_ideas, new_competences, new_products)`);
}
