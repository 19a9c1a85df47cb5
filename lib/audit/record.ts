import type { Database } from '@/db/client';
import { auditEvents } from '@/db/schema';

export interface AuditEntry {
  actorId?: number | null;
  actorEmail?: string | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  organisationId?: number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Append one audit event; call it inside the transaction of the change it describes. */
export async function recordAuditEvent(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actorId ?? null,
    actorEmail: entry.actorEmail ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    organisationId: entry.organisationId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
}
