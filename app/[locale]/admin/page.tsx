import Link from 'next/link';
import { Section } from '@/components/ui/section';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { SelectField } from '@/components/ui/select-field';
import { StateBadge } from '@/components/ui/state-badge';
import { ORGANISATION_KINDS, REGIONS, ROUND_STATES } from '@/lib/domain';
import { formatDate, formatDateTime } from '@/lib/format';
import { bulkApproveAction, extendDeadlineAction, remindAction } from '@/lib/review/actions';
import { readRoundPage } from '@/lib/review/queries';
import { AdminForm, type AdminPageProps, adminPath, Failed, openAdminPage } from './helpers';

export const dynamic = 'force-dynamic';

export default async function RoundOverviewPage(props: AdminPageProps) {
  const { locale, t } = await openAdminPage(props);
  const page = await readRoundPage(await props.searchParams);
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  if (!page.value) return <p>{t('overview.noYears')}</p>;
  const { years, year, filters, overview, flagged } = page.value;
  const { rows, counts } = overview;
  const hidden = { locale, year: year.year };
  const all = { value: '', label: t('overview.all') };
  const options = <T extends string>(values: readonly T[], label: (value: T) => string) => [
    all,
    ...values.map((value) => ({ value: String(value), label: label(value) })),
  ];
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('overview.title', { year: year.year })}</h1>
      <p className="mt-2">
        {t('overview.deadline', {
          deadline: formatDate(year.deadline, locale),
          state: t(`states.${year.state}`),
        })}
      </p>

      <FilterBar label={t('overview.filters')} submitLabel={t('overview.apply')}>
        <SelectField
          id="filter-year"
          name="year"
          label={t('overview.chooseYear')}
          options={years.map((row) => ({ value: String(row.year), label: String(row.year) }))}
          value={String(year.year)}
        />
        <SelectField
          id="filter-kind"
          name="kind"
          label={t('overview.kind')}
          options={options(ORGANISATION_KINDS, (kind) => t(`kinds.${kind}`))}
          value={filters.kind}
        />
        <SelectField
          id="filter-field"
          name="field"
          label={t('overview.field')}
          options={options(overview.fields, (field) => field)}
          value={filters.field}
        />
        <SelectField
          id="filter-region"
          name="region"
          label={t('overview.region')}
          options={options(REGIONS, (region) => t(`regions.${region}`))}
          value={filters.region}
        />
        <SelectField
          id="filter-state"
          name="state"
          label={t('overview.state')}
          options={options(ROUND_STATES, (state) => t(`states.${state}`))}
          value={filters.state}
        />
      </FilterBar>

      <h2 className="mt-8 text-xl font-semibold">{t('overview.counts')}</h2>
      <ul className="mt-2 flex flex-wrap gap-4" data-testid="state-counts">
        {ROUND_STATES.map((state) => (
          <li key={state} className="border border-rule px-3 py-1">
            {t(`states.${state}`)}: <strong>{counts[state]}</strong>
          </li>
        ))}
        <li className="border border-error px-3 py-1 text-error">
          {t('overview.lateCount', { count: overview.late })}
        </li>
      </ul>

      <DataTable
        label={t('overview.title', { year: year.year })}
        className="mt-6"
        columns={[
          { label: t('overview.organisation') },
          { label: t('overview.state') },
          { label: t('overview.lastChange') },
          { label: t('overview.submittedAt') },
          { label: t('overview.yourDeadline') },
          { label: t('overview.late') },
        ]}
        empty={t('overview.none')}
      >
        {rows.map((row) => (
          <Row key={row.organisationId} testId={`round-${row.slug}`}>
            <RowHeader>
              {row.submissionId && row.state !== 'not_started' ? (
                <Link href={adminPath(locale, `/indberetning/${row.submissionId}`)}>{row.name}</Link>
              ) : (
                row.name
              )}
            </RowHeader>
            <Cell>
              <StateBadge state={row.state} label={t(`states.${row.state}`)} />
            </Cell>
            <Cell>{row.lastChange ? formatDateTime(row.lastChange, locale) : '–'}</Cell>
            <Cell>{row.submittedAt ? formatDateTime(row.submittedAt, locale) : '–'}</Cell>
            <Cell>
              {formatDate(row.deadline, locale)}
              {row.extended && ` (${t('overview.extended')})`}
            </Cell>
            <Cell last className={row.late ? 'font-semibold text-error' : ''}>
              {row.late ? t('overview.late') : ''}
            </Cell>
          </Row>
        ))}
      </DataTable>

      <div className="mt-8 grid grid-cols-1 gap-8 md:grid-cols-2">
        <Section id="bulk-title" title={t('overview.bulkApprove')}>
          <AdminForm
            id="bulk-approve"
            action={bulkApproveAction}
            hidden={hidden}
            submitLabel={t('overview.bulkApprove')}
          />
        </Section>
        <Section id="remind-title" title={t('overview.remind')}>
          <AdminForm
            id="remind"
            action={remindAction}
            hidden={hidden}
            submitLabel={t('overview.remind')}
            variant="secondary"
          />
        </Section>
        <Section id="extend-title" title={t('overview.extend')}>
          <AdminForm
            id="extend"
            action={extendDeadlineAction}
            hidden={hidden}
            submitLabel={t('overview.extendSubmit')}
            fields={[
              {
                name: 'organisationId',
                label: t('overview.extendOrganisation'),
                type: 'select',
                options: rows.map((row) => ({ value: String(row.organisationId), label: row.name })),
              },
              { name: 'deadline', label: t('overview.extendDeadline'), type: 'date' },
            ]}
          />
        </Section>
        <Section id="flagged-title" title={t('overview.flagged')}>
          {flagged.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {flagged.map((entry) => (
                <li key={`${entry.submissionId}-${entry.key}`}>
                  <Link href={adminPath(locale, `/indberetning/${entry.submissionId}`)}>
                    {entry.organisation}
                  </Link>
                  : {locale === 'en' ? entry.labelEn : entry.labelDa} ({entry.value})
                  {entry.note ? ` – ${entry.note}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2">{t('overview.noFlagged')}</p>
          )}
        </Section>
      </div>
    </>
  );
}
