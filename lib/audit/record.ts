import 'server-only';
import type { Database } from '@/db/client';
import { auditEvents } from '@/db/schema';

/** Who did it and from where: the head of every audit event (lib/actions fills it from the actor). */
export interface AuditHeader {
  actorId: number | null;
  actorEmail: string | null;
  ip: string | null;
}

/** What happened, to which record, before and after. */
export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  organisationId?: number | null;
  before?: unknown;
  after?: unknown;
}

export type AuditEntry = AuditEvent & Partial<AuditHeader>;

/** The header of an event by `actor` (or by nobody: a visitor without a session, the demo seed). */
export function auditHeaderOf(
  actor: { userId: number; email: string; ip?: string | null } | null,
  ip: string | null = actor?.ip ?? null,
): AuditHeader {
  return { actorId: actor?.userId ?? null, actorEmail: actor?.email ?? null, ip };
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
