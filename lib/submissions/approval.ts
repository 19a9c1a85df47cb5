// The figures as the secretariat last approved them, from the audit trail: the approval's own
// record, an import's (which approves), or a return of an approved submission (which records what
// was approved, for submissions approved before the trail kept values, like the demo's).
import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { SettledValue } from './rules';

type Recorded = Record<string, { value?: unknown; denominator?: unknown } | null>;

export async function valuesAtLastApproval(
  db: Database,
  submissionId: number,
): Promise<Record<string, SettledValue> | null> {
  const [event] = await db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'submission'),
        eq(auditEvents.entityId, String(submissionId)),
        or(
          inArray(auditEvents.action, ['submission.approve', 'import.figures']),
          and(
            eq(auditEvents.action, 'submission.return'),
            sql`${auditEvents.after} -> 'approvedValues' is not null`,
          ),
        ),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const after = (event?.after ?? null) as { values?: Recorded; approvedValues?: Recorded } | null;
  const recorded = after?.values ?? after?.approvedValues;
  if (!recorded) return null;
  const values: Record<string, SettledValue> = {};
  for (const [key, entry] of Object.entries(recorded)) {
    if (!entry || typeof entry.value !== 'number') continue;
    values[key] = {
      value: entry.value,
      denominator: typeof entry.denominator === 'number' ? entry.denominator : null,
    };
  }
  return values;
}
