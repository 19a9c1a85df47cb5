import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { deleteIndicatorAction, retireIndicatorAction, updateIndicatorAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import { listIndicators } from '@/lib/indicators/admin';
import { adminText, Failed } from '../../helpers';

export const dynamic = 'force-dynamic';

export default async function IndicatorPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const list = await listIndicators(await getDb(), await getActor());
  if (!list.ok) return <Failed message={t('errors.forbidden')} />;
  const indicator = list.value.find((entry) => entry.id === Number(id));
  if (!indicator) return <Failed message={t('errors.indicator_not_found')} />;
  const hidden = { locale, id: indicator.id };
  const errorSummary = t('form.errorSummary');
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('indicators.edit', { key: indicator.key })}</h1>
      <p className="mt-2">
        {t(`indicators.kinds.${indicator.kind}`)} · {t('indicators.years')}:{' '}
        {indicator.years.join(', ') || '–'} · {t('indicators.used')}: {indicator.usedValues}
        {indicator.retiredAt ? ` · ${t('indicators.retired')}` : ''}
      </p>
      <div className="mt-6 max-w-xl">
        <ActionForm
          id="indicator-texts"
          action={updateIndicatorAction}
          hidden={hidden}
          submitLabel={t('indicators.save')}
          errorSummary={errorSummary}
          fields={[
            { name: 'labelDa', label: t('indicators.labelDa'), defaultValue: indicator.labelDa, wide: true },
            { name: 'labelEn', label: t('indicators.labelEn'), defaultValue: indicator.labelEn, wide: true },
            {
              name: 'helpDa',
              label: t('indicators.helpDa'),
              type: 'textarea',
              defaultValue: indicator.helpDa,
            },
            {
              name: 'helpEn',
              label: t('indicators.helpEn'),
              type: 'textarea',
              defaultValue: indicator.helpEn,
            },
          ]}
        />
      </div>
      <div className="mt-8 flex flex-wrap gap-6">
        {!indicator.retiredAt && (
          <ActionForm
            id="retire"
            action={retireIndicatorAction}
            hidden={hidden}
            submitLabel={t('indicators.retire')}
            errorSummary={errorSummary}
            variant="secondary"
          />
        )}
        <div>
          <p className="text-sm text-muted">{t('indicators.deleteHint')}</p>
          <ActionForm
            id="delete"
            action={deleteIndicatorAction}
            hidden={hidden}
            submitLabel={t('indicators.delete')}
            errorSummary={errorSummary}
            variant="danger"
          />
        </div>
      </div>
    </>
  );
}
