// The audit log as CSV, in the reader's language: the same filters as the page, every event in
// words with its change list, and — for whoever reads it by machine — the action's code and the
// before and after as JSON (README "The secretariat's exports" lists these columns).
import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { forRequest } from '@/lib/actions/request';
import { csvDialectFor } from '@/lib/exports/format';
import { toCsv } from '@/lib/csv/write';
import { translate } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import { ok, type Result } from '@/lib/result';
import type { SearchParams } from '@/lib/search-params';
import { danishDate, danishTimestamp } from '@/lib/time-zone';
import { getAuditLogExport } from './queries';

const COLUMNS = [
  'at',
  'who',
  'what',
  'action',
  'entity',
  'entityId',
  'organisation',
  'changes',
  'before',
  'after',
];

export async function exportAuditLog(
  db: Database,
  actor: Actor | null,
  input: { query: SearchParams; locale: Locale },
): Promise<Result<{ filename: string; body: string }>> {
  const events = await getAuditLogExport(db, actor, input);
  if (!events.ok) return events;
  const { locale } = input;
  const header = COLUMNS.map((column) => translate(locale, `auditlog.csvHeader.${column}`));
  const rows = events.value.map((event) => [
    danishTimestamp(event.at),
    event.actorEmail ?? translate(locale, 'auditlog.nobody'),
    event.actionText,
    event.action,
    event.entityText,
    event.entityId,
    event.organisation,
    event.changes.map((line) => `${line.field}: ${line.before} → ${line.after}`).join('; '),
    event.before == null ? null : JSON.stringify(event.before),
    event.after == null ? null : JSON.stringify(event.after),
  ]);
  const name = locale === 'en' ? 'audit-log' : 'revisionslog';
  return ok({
    filename: `klyngeregnskab-${name}-${danishDate(new Date())}.csv`,
    body: toCsv(header, rows, csvDialectFor(locale)),
  });
}

/** The download route's export: this request's database and actor. */
export const exportAuditLogForRequest = forRequest(exportAuditLog);
