import {
  deleteIndicatorAction,
  retireIndicatorAction,
  updateIndicatorAction,
} from '@/lib/indicators/actions';
import { readIndicator } from '@/lib/indicators/queries';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../../helpers';

export const dynamic = 'force-dynamic';

export default async function IndicatorPage(props: AdminPageProps<{ id: string }>) {
  const { locale, id, t } = await openAdminPage(props);
  const result = await readIndicator(Number(id));
  if (!result.ok) return <Failed locale={locale} message={result.message} />;
  const indicator = result.value;
  const hidden = { locale, id: indicator.id };
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('indicators.edit', { key: indicator.key })}</h1>
      <p className="mt-2">
        {t(`indicators.kinds.${indicator.kind}`)} · {t('indicators.years')}:{' '}
        {indicator.years.join(', ') || '–'} · {t('indicators.used')}: {indicator.usedValues}
        {indicator.retiredAt ? ` · ${t('indicators.retired')}` : ''}
      </p>
      <div className="mt-6 max-w-xl">
        <AdminForm
          id="indicator-texts"
          action={updateIndicatorAction}
          hidden={hidden}
          submitLabel={t('indicators.save')}
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
          <AdminForm
            id="retire"
            action={retireIndicatorAction}
            hidden={hidden}
            submitLabel={t('indicators.retire')}
            variant="secondary"
          />
        )}
        <div>
          <p className="text-sm text-muted">{t('indicators.deleteHint')}</p>
          <AdminForm
            id="delete"
            action={deleteIndicatorAction}
            hidden={hidden}
            submitLabel={t('indicators.delete')}
            variant="danger"
          />
        </div>
      </div>
    </>
  );
}
