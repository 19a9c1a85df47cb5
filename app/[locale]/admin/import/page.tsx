import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ImportPreview } from '@/components/bulk-import/import-preview';
import { Notice } from '@/components/ui/notice';
import { checkImportAction, importAction } from '@/lib/bulk-import/actions';
import { readImportPreview } from '@/lib/bulk-import/import';
import { param } from '@/lib/search-params';
import { readYears } from '@/lib/years/queries';
import { AdminForm, type AdminPageProps, adminPath, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function ImportPage(props: AdminPageProps) {
  const { locale, t } = await openAdminPage(props);
  const text = await getTranslations({ locale, namespace: 'bulkimport' });
  const uploadId = param(await props.searchParams, 'upload');
  const years = await readYears();
  if (!years.ok) return <Failed locale={locale} message={years.message} />;
  const preview = uploadId ? await readImportPreview(uploadId) : null;
  if (preview && !preview.ok && preview.kind === 'forbidden')
    return <Failed locale={locale} message={preview.message} />;
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('import.title')}</h1>
      {preview?.ok ? (
        <>
          <ImportPreview
            preview={preview.value}
            locale={locale}
            action={
              <AdminForm
                id="import"
                action={importAction}
                hidden={{ locale, uploadId: preview.value.upload.id }}
                submitLabel={text('run', {
                  values: preview.value.totalValues,
                  organisations: preview.value.organisations.length,
                })}
              />
            }
          />
          <p className="mt-6">
            <Link href={adminPath(locale, '/import')}>{text('otherFile')}</Link>
          </p>
        </>
      ) : (
        <>
          {preview && (
            <Notice tone="error" role="alert" testId="import-not-found" className="mt-4">
              {text('notFound')}
            </Notice>
          )}
          <p className="mt-2 max-w-3xl">{text('intro')}</p>
          <div className="mt-6 max-w-xl">
            <AdminForm
              id="import-check"
              action={checkImportAction}
              hidden={{ locale }}
              multipart
              submitLabel={text('check')}
              fields={[
                {
                  name: 'year',
                  label: t('import.year'),
                  type: 'select',
                  options: years.value.map((row) => ({ value: String(row.year), label: String(row.year) })),
                },
                {
                  name: 'file',
                  label: t('import.file'),
                  type: 'file',
                  accept: '.csv,.xlsx,text/csv',
                  hint: text('checkHint'),
                },
              ]}
            />
          </div>
        </>
      )}
    </>
  );
}
