import { getTranslations } from 'next-intl/server';
import { AuditEventList } from '@/components/audit/audit-event-list';
import { FilterBar, FilterInput } from '@/components/ui/filter-bar';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import { EXPORT_MAX, readAuditLogPage } from '@/lib/audit/queries';
import { formatInteger } from '@/lib/format';
import { type AdminPageProps, adminPath, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function AuditLogPage(props: AdminPageProps) {
  const { locale } = await openAdminPage(props);
  const t = await getTranslations({ locale, namespace: 'auditlog' });
  const page = await readAuditLogPage(await props.searchParams, locale);
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  const { filters, events, organisations, actions, hasMore, invalidDates } = page.value;
  // the filters as they are, for the CSV link and the page links
  const query = new URLSearchParams();
  if (filters.user) query.set('user', filters.user);
  if (filters.organisationId) query.set('organisation', String(filters.organisationId));
  if (filters.action) query.set('action', filters.action);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  const pageHref = (number: number) => {
    const withPage = new URLSearchParams(query);
    withPage.set('page', String(number));
    return `${adminPath(locale, '/log')}?${withPage.toString()}`;
  };
  const csv = new URLSearchParams(query);
  csv.set('locale', locale);
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <FilterBar className="mt-4" label={t('filters')} submitLabel={t('filter')}>
        <FilterInput id="audit-user" name="user" label={t('user')} value={filters.user} />
        <SelectField
          id="audit-organisation"
          name="organisation"
          label={t('organisation')}
          options={[
            { value: '', label: t('allOrganisations') },
            ...organisations.map((organisation) => ({
              value: String(organisation.id),
              label: organisation.name,
            })),
          ]}
          value={filters.organisationId ? String(filters.organisationId) : ''}
        />
        <SelectField
          id="audit-action"
          name="action"
          label={t('action')}
          options={[
            { value: '', label: t('allActions') },
            ...actions.groups,
            ...actions.actions,
            // an action typed into the address that the log does not hold (yet) stays chosen
            ...(filters.action &&
            ![...actions.groups, ...actions.actions].some((option) => option.value === filters.action)
              ? [{ value: filters.action, label: filters.action }]
              : []),
          ]}
          value={filters.action}
        />
        <FilterInput id="audit-from" name="from" label={t('from')} value={filters.from} type="date" />
        <FilterInput id="audit-to" name="to" label={t('to')} value={filters.to} type="date" />
      </FilterBar>
      {invalidDates.map((value) => (
        <Notice key={value} tone="warning" role="status" className="mt-3">
          {t('invalidDate', { value })}
        </Notice>
      ))}
      <p className="mt-4">
        <a href={`/api/admin/audit?${csv.toString()}`} data-testid="audit-csv">
          {t('csv', { max: formatInteger(EXPORT_MAX, locale) })}
        </a>
      </p>
      <AuditEventList events={events} locale={locale} />
      {(filters.page > 1 || hasMore) && (
        <nav aria-label={t('pagination')} className="mt-4 flex flex-wrap items-center gap-4">
          {filters.page > 1 && (
            <a href={pageHref(filters.page - 1)} rel="prev">
              {t('previous')}
            </a>
          )}
          <span>{t('page', { page: filters.page })}</span>
          {hasMore && (
            <a href={pageHref(filters.page + 1)} rel="next">
              {t('next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
