import Link from 'next/link';
import { Section } from '@/components/ui/section';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { INDICATOR_GROUPS, INDICATOR_KINDS } from '@/lib/domain';
import { addIndicatorAction } from '@/lib/indicators/actions';
import { readIndicatorsPage } from '@/lib/indicators/queries';
import { AdminForm, type AdminPageProps, adminPath, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function IndicatorsPage(props: AdminPageProps) {
  const { locale, t } = await openAdminPage(props);
  const page = await readIndicatorsPage();
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  const { indicators, years } = page.value;
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('indicators.title')}</h1>
      <DataTable
        label={t('indicators.title')}
        columns={[
          { label: t('indicators.key') },
          { label: t('indicators.labelDa') },
          { label: t('indicators.kind') },
          { label: t('indicators.years') },
          { label: t('indicators.used'), numeric: true },
          { label: t('indicators.retired') },
        ]}
      >
        {indicators.map((indicator) => (
          <Row key={indicator.id}>
            <RowHeader>
              <Link href={adminPath(locale, `/indikatorer/${indicator.id}`)}>{indicator.key}</Link>
            </RowHeader>
            <Cell>{locale === 'en' ? indicator.labelEn : indicator.labelDa}</Cell>
            <Cell>{t(`indicators.kinds.${indicator.kind}`)}</Cell>
            <Cell>{indicator.years.join(', ')}</Cell>
            <Cell numeric>{indicator.usedValues}</Cell>
            <Cell last>{indicator.retiredAt ? t('indicators.retired') : ''}</Cell>
          </Row>
        ))}
      </DataTable>
      <Section id="add-indicator" title={t('indicators.add')} className="mt-8 max-w-xl">
        <AdminForm
          id="add-indicator-form"
          action={addIndicatorAction}
          hidden={{ locale }}
          submitLabel={t('indicators.addSubmit')}
          fields={[
            {
              name: 'year',
              label: t('indicators.year'),
              type: 'select',
              options: years.map((row) => ({ value: String(row.year), label: String(row.year) })),
            },
            { name: 'key', label: t('indicators.key') },
            {
              name: 'kind',
              label: t('indicators.kind'),
              type: 'select',
              // most new indicators are counts of activities
              defaultValue: 'count',
              options: INDICATOR_KINDS.map((kind) => ({ value: kind, label: t(`indicators.kinds.${kind}`) })),
            },
            {
              name: 'groupKey',
              label: t('indicators.group'),
              type: 'select',
              defaultValue: 'activities',
              options: INDICATOR_GROUPS.map((group) => ({
                value: group,
                label: t(`indicators.groups.${group}`),
              })),
            },
            { name: 'labelDa', label: t('indicators.labelDa'), wide: true },
            { name: 'labelEn', label: t('indicators.labelEn'), wide: true },
            { name: 'helpDa', label: t('indicators.helpDa'), type: 'textarea' },
            { name: 'helpEn', label: t('indicators.helpEn'), type: 'textarea' },
          ]}
        />
      </Section>
    </>
  );
}
