import Link from 'next/link';
import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { addIndicatorAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import { listIndicators } from '@/lib/indicators/admin';
import { listYears } from '@/lib/years/years';
import { adminPrefix, adminText, Failed } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function IndicatorsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const [db, actor] = await Promise.all([getDb(), getActor()]);
  const [list, years] = await Promise.all([listIndicators(db, actor), listYears(db, actor)]);
  if (!list.ok || !years.ok) return <Failed message={t('errors.forbidden')} />;
  const prefix = adminPrefix(locale);
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('indicators.title')}</h1>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('indicators.key')}
              </th>
              <th scope="col" className="pr-3">
                {t('indicators.labelDa')}
              </th>
              <th scope="col" className="pr-3">
                {t('indicators.kind')}
              </th>
              <th scope="col" className="pr-3">
                {t('indicators.years')}
              </th>
              <th scope="col" className="pr-3 text-right">
                {t('indicators.used')}
              </th>
              <th scope="col">{t('indicators.retired')}</th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((indicator) => (
              <tr key={indicator.id} className="border-b border-rule">
                <th scope="row" className="py-1 pr-3 font-normal">
                  <Link href={`${prefix}/indikatorer/${indicator.id}`}>{indicator.key}</Link>
                </th>
                <td className="pr-3">{locale === 'en' ? indicator.labelEn : indicator.labelDa}</td>
                <td className="pr-3">{t(`indicators.kinds.${indicator.kind}`)}</td>
                <td className="pr-3">{indicator.years.join(', ')}</td>
                <td className="pr-3 text-right">{indicator.usedValues}</td>
                <td>{indicator.retiredAt ? t('indicators.retired') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-indicator" className="mt-8 max-w-xl">
        <h2 id="add-indicator" className="text-xl font-semibold">
          {t('indicators.add')}
        </h2>
        <ActionForm
          id="add-indicator-form"
          action={addIndicatorAction}
          hidden={{ locale }}
          submitLabel={t('indicators.addSubmit')}
          errorSummary={t('form.errorSummary')}
          fields={[
            {
              name: 'year',
              label: t('indicators.year'),
              type: 'select',
              options: years.value.map((row) => ({ value: String(row.year), label: String(row.year) })),
            },
            { name: 'key', label: t('indicators.key') },
            {
              name: 'kind',
              label: t('indicators.kind'),
              type: 'select',
              options: ['count', 'amount_dkk', 'share', 'companies'].map((kind) => ({
                value: kind,
                label: t(`indicators.kinds.${kind}`),
              })),
            },
            {
              name: 'groupKey',
              label: t('indicators.group'),
              type: 'select',
              options: ['activities', 'resources', 'knowledge_institutions', 'survey', 'companies'].map(
                (group) => ({
                  value: group,
                  label: t(`indicators.groups.${group}`),
                }),
              ),
            },
            { name: 'labelDa', label: t('indicators.labelDa'), wide: true },
            { name: 'labelEn', label: t('indicators.labelEn'), wide: true },
            { name: 'helpDa', label: t('indicators.helpDa'), type: 'textarea' },
            { name: 'helpEn', label: t('indicators.helpEn'), type: 'textarea' },
          ]}
        />
      </section>
    </>
  );
}
