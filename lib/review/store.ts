// Optimistic locking of submission rows for the secretariat's transitions: UPDATE … WHERE id = $1
// AND version = $2, bumping the version. Same contract as issue 4's updateSubmissionState in
// lib/submissions/store.ts; when that lands on main this file should delegate to it.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Submission, submissions } from '@/db/schema';

export type SubmissionPatch = Partial<
  Pick<
    Submission,
    'state' | 'remark' | 'deadlineOverride' | 'updatedBy' | 'reviewedBy' | 'returnedAt' | 'approvedAt'
  >
>;

export async function updateSubmissionRow(
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
  constructor() {
    super('stale submission version');
    this.name = 'StaleVersionError';
  }
}
