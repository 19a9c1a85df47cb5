import { setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAuditEvents } from '@/lib/audit/queries';
import { getActor } from '@/lib/auth/session';
import { formatDateTime, type Locale } from '@/lib/format';
import { listOrganisations } from '@/lib/organisations/admin';
import { adminText, Failed, one } from '../helpers';

export const dynamic = 'force-dynamic';

function brief(value: unknown) {
  if (value == null) return '';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const query = await searchParams;
  const [db, actor] = await Promise.all([getDb(), getActor()]);
  const filters = {
    user: one(query.user) ?? '',
    organisationId: Number(one(query.organisation)) || undefined,
    action: one(query.action) ?? '',
    from: one(query.from) ?? '',
    to: one(query.to) ?? '',
  };
  const [events, organisations] = await Promise.all([
    listAuditEvents(db, actor, filters),
    listOrganisations(db, actor),
  ]);
  if (!events.ok || !organisations.ok) return <Failed message={t('errors.forbidden')} />;
  const input = (name: string, label: string, value: string, type = 'text', hint?: string) => (
    <div>
      <label htmlFor={`audit-${name}`} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`audit-${name}-hint`} className="max-w-xs text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={`audit-${name}`}
        name={name}
        type={type}
        defaultValue={value}
        aria-describedby={hint ? `audit-${name}-hint` : undefined}
        className="mt-1 border-2 border-ink px-2 py-1"
      />
    </div>
  );
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('audit.title')}</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-4">
        {input('user', t('audit.user'), filters.user, 'text')}
        <div>
          <label htmlFor="audit-organisation" className="block font-medium">
            {t('audit.organisation')}
          </label>
          <select
            id="audit-organisation"
            name="organisation"
            defaultValue={filters.organisationId ? String(filters.organisationId) : ''}
            className="mt-1 border-2 border-ink px-2 py-1"
          >
            <option value="">{t('audit.allOrganisations')}</option>
            {organisations.value.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        </div>
        {input('action', t('audit.action'), filters.action, 'text', t('audit.actionHint'))}
        {input('from', t('audit.from'), filters.from, 'date')}
        {input('to', t('audit.to'), filters.to, 'date')}
        <button type="submit" className="bg-primary px-4 py-2 font-medium text-white">
          {t('audit.filter')}
        </button>
      </form>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="audit-events">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('audit.at')}
              </th>
              <th scope="col" className="pr-3">
                {t('audit.who')}
              </th>
              <th scope="col" className="pr-3">
                {t('audit.what')}
              </th>
              <th scope="col" className="pr-3">
                {t('audit.entity')}
              </th>
              <th scope="col" className="pr-3">
                {t('audit.organisation')}
              </th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.value.length === 0 && (
              <tr>
                <td colSpan={6} className="py-2">
                  {t('audit.none')}
                </td>
              </tr>
            )}
            {events.value.map((event) => (
              <tr key={event.id} className="border-b border-rule align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(event.at, locale)}</td>
                <td className="pr-3">{event.actorEmail ?? '–'}</td>
                <td className="pr-3">{event.action}</td>
                <td className="pr-3">
                  {event.entityType}
                  {event.entityId ? ` ${event.entityId}` : ''}
                </td>
                <td className="pr-3">{event.organisation ?? ''}</td>
                <td className="font-mono text-xs break-all">
                  {brief(event.before)} → {brief(event.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
