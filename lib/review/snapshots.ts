// A submission frozen at the moment the secretariat returns it. While submitted or approved a
// submission is read-only for staff, so what was returned is exactly the version they had handed
// in; the review of the resubmission compares with it (lib/review/comparison.ts).
import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { submissionSnapshots } from '@/db/schema';
import { effectiveValues } from './queries';
import type { StoredValue } from './rules';

export interface SnapshotOf {
  id: number;
  version: number;
  state: 'draft' | 'submitted' | 'returned' | 'approved';
  hasCompanyList: boolean;
}

/** Freezes the submission's figures and company list; call in the return's transaction, before it. */
export async function takeReturnSnapshot(tx: Database, submission: SnapshotOf, takenBy: number) {
  const values = (await effectiveValues(tx, [submission])).get(submission.id) ?? {};
  const [snapshot] = await tx
    .insert(submissionSnapshots)
    .values({
      submissionId: submission.id,
      version: submission.version,
      fromState: submission.state,
      takenBy,
      hasCompanyList: submission.hasCompanyList,
      values,
    })
    .returning({ id: submissionSnapshots.id });
  if (submission.hasCompanyList && snapshot) {
    await tx.execute(sql`
      insert into snapshot_participants (snapshot_id, cvr, dedicated, under_50, new_ideas, new_competences, new_products)
      select ${snapshot.id}, cvr, dedicated, under_50, new_ideas, new_competences, new_products
      from participants where submission_id = ${submission.id}`);
  }
  return snapshot?.id ?? null;
}

export interface ReturnSnapshot {
  id: number;
  version: number;
  fromState: string;
  takenAt: Date;
  hasCompanyList: boolean;
  values: Record<string, StoredValue>;
}

/** The submission as it was last returned; null when it never was. */
export async function latestReturnSnapshot(
  db: Database,
  submissionId: number,
): Promise<ReturnSnapshot | null> {
  const [row] = await db
    .select({
      id: submissionSnapshots.id,
      version: submissionSnapshots.version,
      fromState: submissionSnapshots.fromState,
      takenAt: submissionSnapshots.takenAt,
      hasCompanyList: submissionSnapshots.hasCompanyList,
      values: submissionSnapshots.values,
    })
    .from(submissionSnapshots)
    .where(eq(submissionSnapshots.submissionId, submissionId))
    .orderBy(desc(submissionSnapshots.id))
    .limit(1);
  return row ? { ...row, values: row.values as Record<string, StoredValue> } : null;
}
