// The one place the optimistic-locking rule lives: every change of a submission row (save,
// submit, upload, and the secretariat's approve/return in lib/review) goes through
// updateSubmissionState, which writes only when the row still has the version the caller read,
// and bumps it. UPDATE … WHERE version = $expected: a stale writer changes nothing.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Submission, submissions } from '@/db/schema';

export type SubmissionPatch = Partial<
  Pick<
    Submission,
    | 'state'
    | 'hasCompanyList'
    | 'remark'
    | 'deadlineOverride'
    | 'updatedBy'
    | 'submittedBy'
    | 'reviewedBy'
    | 'submittedAt'
    | 'returnedAt'
    | 'approvedAt'
  >
>;

/**
 * Applies `patch` when the submission still has `expectedVersion`; returns the updated row, or
 * null when someone else changed it first (the caller answers with a conflict).
 */
export async function updateSubmissionState(
  tx: Database,
  id: number,
  expectedVersion: number,
  patch: SubmissionPatch,
): Promise<Submission | null> {
  const [row] = await tx
    .update(submissions)
    .set({ ...patch, version: sql`${submissions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(submissions.id, id), eq(submissions.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Thrown inside a transaction to roll it back when the version check fails. */
export class StaleVersionError extends Error {
  constructor(readonly current: Submission | null) {
    super('stale submission version');
    this.name = 'StaleVersionError';
  }
}
