// The audit log's events as a table: when (Danish time), who, what in words, on which record,
// and the change list — "Status: Indsendt → Sendt retur" — one line per field that changed.
import { getTranslations } from 'next-intl/server';
import { Cell, DataTable, Row } from '@/components/ui/data-table';
import type { ReadableAuditEvent } from '@/lib/audit/readable';
import { formatDateTime, type Locale } from '@/lib/format';

export async function AuditEventList({ events, locale }: { events: ReadableAuditEvent[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'auditlog' });
  return (
    <DataTable
      className="mt-4"
      label={t('label')}
      testId="audit-events"
      columns={[
        { label: t('at') },
        { label: t('who') },
        { label: t('what') },
        { label: t('entity') },
        { label: t('organisation') },
        { label: t('changes') },
      ]}
      empty={t('none')}
    >
      {events.map((event) => (
        <Row key={event.id} top testId={`audit-event-${event.id}`}>
          <Cell className="py-1 whitespace-nowrap">{formatDateTime(event.at, locale)}</Cell>
          <Cell className="break-all">{event.actorEmail ?? t('nobody')}</Cell>
          <Cell>
            {event.actionText}
            {event.actionText !== event.action && (
              <span className="block font-mono text-xs text-muted">{event.action}</span>
            )}
          </Cell>
          <Cell>
            {event.entityText}
            {event.entityId ? ` ${event.entityId}` : ''}
          </Cell>
          <Cell>{event.organisation ?? ''}</Cell>
          <Cell last className="min-w-64">
            {event.changes.length === 0 ? (
              <span className="text-muted">{t('noChanges')}</span>
            ) : (
              <ul className="space-y-0.5" data-testid="audit-changes">
                {event.changes.map((line, index) => (
                  <li key={index}>
                    <span className="font-medium">{line.field}:</span> {line.before} → {line.after}
                  </li>
                ))}
                {event.moreChanges > 0 && <li>{t('moreLines', { count: event.moreChanges })}</li>}
              </ul>
            )}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
