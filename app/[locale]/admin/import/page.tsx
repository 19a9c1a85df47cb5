import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { importAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import { listYears } from '@/lib/years/years';
import { adminText, Failed } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function ImportPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const years = await listYears(await getDb(), await getActor());
  if (!years.ok) return <Failed message={t('errors.forbidden')} />;
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('import.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('import.intro')}</p>
      <div className="mt-6 max-w-xl">
        <ActionForm
          id="import"
          action={importAction}
          hidden={{ locale }}
          multipart
          submitLabel={t('import.run')}
          errorSummary={t('form.errorSummary')}
          fields={[
            {
              name: 'year',
              label: t('import.year'),
              type: 'select',
              options: years.value.map((row) => ({ value: String(row.year), label: String(row.year) })),
            },
            { name: 'file', label: t('import.file'), type: 'file', accept: '.csv,.xlsx,text/csv' },
            {
              name: 'mode',
              label: t('import.mode'),
              type: 'select',
              defaultValue: 'dry_run',
              options: [
                { value: 'dry_run', label: t('import.dryRun') },
                { value: 'run', label: t('import.run') },
              ],
            },
          ]}
        />
      </div>
    </>
  );
}
