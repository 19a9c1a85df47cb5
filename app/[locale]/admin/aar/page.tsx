import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { changeYearAction, createYearAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import { formatDate, type Locale } from '@/lib/format';
import { listYears } from '@/lib/years/years';
import { adminText, Failed } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function YearsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const years = await listYears(await getDb(), await getActor());
  if (!years.ok) return <Failed message={t('errors.forbidden')} />;
  const errorSummary = t('form.errorSummary');
  const nextYear = (years.value[0]?.year ?? new Date().getFullYear() - 1) + 1;
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('years.title')}</h1>
      <section aria-labelledby="create-year" className="mt-6 max-w-md">
        <h2 id="create-year" className="text-xl font-semibold">
          {t('years.create')}
        </h2>
        <ActionForm
          id="create-year-form"
          action={createYearAction}
          hidden={{ locale }}
          submitLabel={t('years.createSubmit')}
          errorSummary={errorSummary}
          fields={[
            { name: 'year', label: t('years.year'), type: 'number', defaultValue: String(nextYear) },
            { name: 'opensOn', label: t('years.opensOn'), type: 'date' },
            { name: 'deadline', label: t('years.deadline'), type: 'date' },
          ]}
        />
      </section>
      <div className="mt-8 space-y-6">
        {years.value.map((year) => (
          <section
            key={year.year}
            aria-labelledby={`year-${year.year}`}
            className="border border-rule p-4"
            data-testid={`year-${year.year}`}
          >
            <h2 id={`year-${year.year}`} className="text-xl font-semibold">
              {year.year} ({t('years.edition')} {year.edition}) – {t(`states.${year.state}`)}
            </h2>
            <p>
              {t('years.opensOn')}: {formatDate(year.opensOn, locale)} · {t('years.deadline')}:{' '}
              {formatDate(year.deadline, locale)}
            </p>
            <div className="mt-3 flex flex-wrap items-start gap-6">
              <ActionForm
                id={`deadline-${year.year}`}
                action={changeYearAction}
                hidden={{ locale, year: year.year, change: 'deadline' }}
                fields={[
                  {
                    name: 'deadline',
                    label: t('years.setDeadline'),
                    type: 'date',
                    defaultValue: year.deadline,
                  },
                ]}
                submitLabel={t('years.saveDeadline')}
                errorSummary={errorSummary}
                variant="secondary"
                inline
              />
              {year.state === 'open' && (
                <>
                  <ActionForm
                    id={`open-${year.year}`}
                    action={changeYearAction}
                    hidden={{ locale, year: year.year, change: 'open' }}
                    submitLabel={t('years.open')}
                    errorSummary={errorSummary}
                    variant="secondary"
                  />
                  <ActionForm
                    id={`close-${year.year}`}
                    action={changeYearAction}
                    hidden={{ locale, year: year.year, change: 'close' }}
                    submitLabel={t('years.close')}
                    errorSummary={errorSummary}
                  />
                </>
              )}
              {year.state !== 'open' && (
                <ActionForm
                  id={`reopen-${year.year}`}
                  action={changeYearAction}
                  hidden={{ locale, year: year.year, change: 'reopen' }}
                  fields={[{ name: 'reason', label: t('years.reason') }]}
                  submitLabel={t('years.reopen')}
                  errorSummary={errorSummary}
                  variant="danger"
                  inline
                />
              )}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
