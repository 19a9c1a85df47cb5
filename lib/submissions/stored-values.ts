// The figures stored for submissions, by indicator key: what the save compares a new post with,
// and what the review and its comparisons read.
import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { indicators, submissionValues } from '@/db/schema';
import type { Entry } from './rules';

export async function storedValuesOf(
  db: Database,
  submissionIds: number[],
): Promise<Map<number, Record<string, Entry>>> {
  const result = new Map<number, Record<string, Entry>>();
  if (submissionIds.length === 0) return result;
  const rows = await db
    .select({
      submissionId: submissionValues.submissionId,
      key: indicators.key,
      value: submissionValues.value,
      denominator: submissionValues.denominator,
      comment: submissionValues.comment,
    })
    .from(submissionValues)
    .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
    .where(inArray(submissionValues.submissionId, submissionIds));
  for (const row of rows) {
    const values = result.get(row.submissionId) ?? {};
    values[row.key] = {
      value: Number(row.value),
      denominator: row.denominator == null ? null : Number(row.denominator),
      comment: row.comment,
    };
    result.set(row.submissionId, values);
  }
  return result;
}
