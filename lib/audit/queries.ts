// The audit log for the secretariat: filter by user, organisation, action and date.
import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents, organisations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { ok } from '@/lib/result';

export interface AuditFilters {
  /** actor's email (exact, case-insensitive) or user id */
  user?: string;
  organisationId?: number;
  /** an action or a prefix ending in '.', e.g. 'submission.' */
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export async function listAuditEvents(db: Database, actor: Actor | null, filters: AuditFilters = {}) {
  const denied = await checkAdmin(db, actor, 'audit.read');
  if (denied) return denied;
  const conditions: SQL[] = [];
  if (filters.user?.trim()) {
    const user = filters.user.trim();
    conditions.push(
      /^\d+$/.test(user)
        ? eq(auditEvents.actorId, Number(user))
        : eq(auditEvents.actorEmail, user.toLowerCase()),
    );
  }
  if (filters.organisationId) conditions.push(eq(auditEvents.organisationId, filters.organisationId));
  if (filters.action?.trim()) {
    const action = filters.action.trim();
    conditions.push(
      action.endsWith('.')
        ? like(auditEvents.action, `${action.replace(/[%_]/g, '')}%`)
        : eq(auditEvents.action, action),
    );
  }
  if (filters.from && isoDay.test(filters.from))
    conditions.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to && isoDay.test(filters.to)) {
    const end = new Date(`${filters.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditEvents.at, end));
  }
  const limit = Math.min(Math.max(filters.limit ?? 100, 1), 500);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      organisation: organisations.name,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .offset(Math.max(filters.offset ?? 0, 0));
  return ok(rows);
}

export async function listAuditActions(db: Database, actor: Actor | null) {
  const denied = await checkAdmin(db, actor, 'audit.read');
  if (denied) return denied;
  const rows = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(auditEvents.action);
  return ok(rows.map((row) => row.action));
}
