import { getTranslations } from 'next-intl/server';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { Section } from '@/components/ui/section';
import { SelectField } from '@/components/ui/select-field';
import { formatDate, formatDateTime } from '@/lib/format';
import { configureRemindersAction } from '@/lib/reminders/actions';
import { readRemindersPage } from '@/lib/reminders/queries';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function RemindersPage(props: AdminPageProps) {
  const { locale } = await openAdminPage(props);
  const t = await getTranslations({ locale, namespace: 'reminders' });
  const query = await props.searchParams;
  const page = await readRemindersPage({ year: typeof query.year === 'string' ? query.year : undefined });
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  const { settings, openYears, reminders, years, year } = page.value;
  const off = settings.daysBefore === null && settings.daysAfter === null;
  const day = (value: string | null) => (value ? formatDate(value, locale) : t('noneDay'));
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      <Section id="settings-title" title={t('settingsTitle')} className="mt-6 max-w-xl">
        <p className="mt-2" data-testid="reminder-setting">
          {off
            ? t('off')
            : t('current', {
                before:
                  settings.daysBefore === null
                    ? t('noBefore')
                    : t('currentBefore', { count: settings.daysBefore }),
                after:
                  settings.daysAfter === null
                    ? t('noAfter')
                    : t('currentAfter', { count: settings.daysAfter }),
              })}
        </p>
        <AdminForm
          id="reminder-settings"
          action={configureRemindersAction}
          hidden={{ locale }}
          submitLabel={t('save')}
          fields={[
            {
              name: 'daysBefore',
              label: t('daysBefore'),
              hint: t('daysBeforeHelp'),
              inputMode: 'numeric',
              defaultValue: settings.daysBefore === null ? '' : String(settings.daysBefore),
            },
            {
              name: 'daysAfter',
              label: t('daysAfter'),
              hint: t('daysAfterHelp'),
              inputMode: 'numeric',
              defaultValue: settings.daysAfter === null ? '' : String(settings.daysAfter),
            },
          ]}
        />
      </Section>

      <Section id="schedule-title" title={t('scheduleTitle')} className="mt-8">
        {openYears.length === 0 ? (
          <p className="mt-2">{t('noOpenYears')}</p>
        ) : (
          <>
            <DataTable
              label={t('scheduleLabel')}
              className="mt-2"
              testId="reminder-schedule"
              columns={[
                { label: t('year') },
                { label: t('deadline') },
                { label: t('beforeDay') },
                { label: t('afterDay') },
              ]}
            >
              {openYears.map((row) => (
                <Row key={row.year} testId={`reminder-year-${row.year}`}>
                  <RowHeader>{row.year}</RowHeader>
                  <Cell>{formatDate(row.deadline, locale)}</Cell>
                  <Cell>{day(row.before)}</Cell>
                  <Cell last>{day(row.after)}</Cell>
                </Row>
              ))}
            </DataTable>
            <p className="mt-2 text-sm">{t('extendedNote')}</p>
          </>
        )}
      </Section>

      <Section id="sent-title" title={t('sentTitle')} className="mt-8">
        <FilterBar label={t('filters')} submitLabel={t('show')} className="mt-2">
          <SelectField
            id="reminders-year"
            name="year"
            label={t('chooseYear')}
            options={[
              { value: '', label: t('allYears') },
              ...years.map((value) => ({ value: String(value), label: String(value) })),
            ]}
            value={year === null ? '' : String(year)}
          />
        </FilterBar>
        {reminders.length > 0 && (
          <p className="mt-3" data-testid="reminders-count">
            {t('shown', { count: reminders.length })}
          </p>
        )}
        <DataTable
          label={t('sentLabel')}
          className="mt-3"
          testId="reminders-sent"
          empty={t('none')}
          columns={[
            { label: t('organisation') },
            { label: t('recipient') },
            { label: t('kind') },
            { label: t('deadline') },
            { label: t('at') },
            { label: t('deliveryLabel') },
          ]}
        >
          {reminders.map((row) => (
            <Row key={row.id} testId={`reminder-${row.id}`}>
              <RowHeader>
                {row.organisation} ({row.year})
              </RowHeader>
              <Cell>{row.email}</Cell>
              <Cell>{t(`kinds.${row.kind}`)}</Cell>
              <Cell>{formatDate(row.deadline, locale)}</Cell>
              <Cell>{formatDateTime(row.sentAt ?? row.claimedAt, locale)}</Cell>
              <Cell last>{t(`delivery.${row.delivery ?? 'pending'}`)}</Cell>
            </Row>
          ))}
        </DataTable>
      </Section>
    </>
  );
}
