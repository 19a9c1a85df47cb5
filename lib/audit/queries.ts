// The audit log for the secretariat: filter by user, organisation, action and Danish calendar
// day; the page and the CSV export read the events in words (lib/audit/readable.ts).
import 'server-only';
import { and, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents, organisations } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { listOrganisations } from '@/lib/organisations/queries';
import { param, type SearchParams } from '@/lib/search-params';
import { combine, ok, type Result } from '@/lib/result';
import type { Locale } from '@/lib/format';
import { danishDayEnd, danishDayStart } from '@/lib/time-zone';
import { auditActionChoices, auditVocabulary, type ReadableAuditEvent, readableEvents } from './readable';
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

export const listAuditEvents = adminQuery('audit.read', ({ db }, filters: AuditFilters) =>
  readAuditEvents(db, filters),
);

/** The page shows this many events at a time; the CSV export up to EXPORT_MAX. */
export const AUDIT_PAGE_SIZE = 100;
export const EXPORT_MAX = 50_000;

async function readAuditEvents(db: Database, filters: AuditFilters, maxLimit = 500) {
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
  // a day is a Danish day: from its Danish midnight to the next
  if (isIsoDate(filters.from)) conditions.push(gte(auditEvents.at, danishDayStart(filters.from)));
  if (isIsoDate(filters.to)) conditions.push(lt(auditEvents.at, danishDayEnd(filters.to)));
  const whole = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  const limit = Math.min(Math.max(whole(filters.limit, 100), 1), maxLimit);
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

/** The filters as the address gives them (page and CSV alike). */
export function auditFiltersFrom(query: SearchParams) {
  return {
    user: param(query, 'user'),
    organisationId: Number(param(query, 'organisation')) || undefined,
    action: param(query, 'action'),
    from: param(query, 'from'),
    to: param(query, 'to'),
  };
}

export interface AuditLogPage {
  filters: ReturnType<typeof auditFiltersFrom> & { page: number };
  events: ReadableAuditEvent[];
  hasMore: boolean;
  /** dates in the address that are no calendar day (the filter is not used) */
  invalidDates: string[];
}

/** A page of the log in words: the newest first, AUDIT_PAGE_SIZE at a time. */
export const getAuditLogPage = adminQuery(
  'audit.read',
  async ({ db }, input: { query: SearchParams; locale: Locale }): Promise<Result<AuditLogPage>> => {
    const filters = auditFiltersFrom(input.query);
    const page = Math.min(Math.max(Math.trunc(Number(param(input.query, 'page'))) || 1, 1), 10_000);
    const events = await readAuditEvents(db, {
      ...filters,
      limit: AUDIT_PAGE_SIZE + 1,
      offset: (page - 1) * AUDIT_PAGE_SIZE,
    });
    const words = await auditVocabulary(db, input.locale);
    return ok({
      filters: { ...filters, page },
      events: readableEvents(events.value.slice(0, AUDIT_PAGE_SIZE), input.locale, words),
      hasMore: events.value.length > AUDIT_PAGE_SIZE,
      invalidDates: [filters.from, filters.to].filter((date) => date !== '' && !isIsoDate(date)),
    });
  },
);

/** Every matching event in words, for the CSV export (up to EXPORT_MAX). */
export const getAuditLogExport = adminQuery(
  'audit.export',
  async ({ db }, input: { query: SearchParams; locale: Locale }) => {
    const events = await readAuditEvents(
      db,
      { ...auditFiltersFrom(input.query), limit: EXPORT_MAX },
      EXPORT_MAX,
    );
    const words = await auditVocabulary(db, input.locale);
    return ok(readableEvents(events.value, input.locale, words));
  },
);

// ---- for the page: this request's database and actor ----

/** The audit log page: a page of events in words, the organisations and actions to filter by. */
export const readAuditLogPage = forRequest(async (db, actor, query: SearchParams, locale: Locale) => {
  const page = combine({
    log: await getAuditLogPage(db, actor, { query, locale }),
    organisations: await listOrganisations(db, actor),
  });
  if (!page.ok) return page;
  return ok({
    ...page.value.log,
    organisations: page.value.organisations,
    actions: await auditActionChoices(db, locale),
  });
});
