// The audit log for the secretariat: filter by user, organisation, action and date.
import { and, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents, organisations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { ok } from '@/lib/result';
import { INT4_MAX, isDatabaseId, isIsoDate } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';

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

export async function listAuditEvents(db: Database, actor: Actor | null, filters: AuditFilters = {}) {
  const denied = await checkAdmin(db, actor, 'audit.read');
  if (denied) return denied;
  const conditions: SQL[] = [];
  // filters come from the URL: anything the database could not compare matches nothing
  const text = (value: unknown) =>
    typeof value === 'string' && textProblem(value.trim(), 400) === null ? value.trim() : null;
  const user = text(filters.user);
  if (filters.user != null && user === null) return ok([]);
  if (user) {
    conditions.push(
      /^\d+$/.test(user)
        ? isDatabaseId(Number(user))
          ? eq(auditEvents.actorId, Number(user))
          : sql`false`
        : eq(auditEvents.actorEmail, user.toLowerCase()),
    );
  }
  if (filters.organisationId) {
    if (!isDatabaseId(filters.organisationId)) return ok([]);
    conditions.push(eq(auditEvents.organisationId, filters.organisationId));
  }
  const action = text(filters.action);
  if (filters.action != null && action === null) return ok([]);
  if (action) {
    conditions.push(
      action.endsWith('.')
        ? like(auditEvents.action, `${action.replace(/[%_]/g, '')}%`)
        : eq(auditEvents.action, action),
    );
  }
  if (isIsoDate(filters.from)) conditions.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (isIsoDate(filters.to)) {
    const end = new Date(`${filters.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditEvents.at, end));
  }
  const whole = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  const limit = Math.min(Math.max(whole(filters.limit, 100), 1), 500);
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
    .offset(Math.min(Math.max(whole(filters.offset, 0), 0), INT4_MAX));
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
