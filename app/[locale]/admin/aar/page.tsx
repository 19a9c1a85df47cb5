import { Section } from '@/components/ui/section';
import { formatDate } from '@/lib/format';
import { changeYearAction, createYearAction } from '@/lib/years/actions';
import { readYears } from '@/lib/years/queries';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function YearsPage(props: AdminPageProps) {
  const { locale, t } = await openAdminPage(props);
  const years = await readYears();
  if (!years.ok) return <Failed locale={locale} message={years.message} />;
  const nextYear = (years.value[0]?.year ?? new Date().getFullYear() - 1) + 1;
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('years.title')}</h1>
      <Section id="create-year" title={t('years.create')} className="mt-6 max-w-md">
        <AdminForm
          id="create-year-form"
          action={createYearAction}
          hidden={{ locale }}
          submitLabel={t('years.createSubmit')}
          fields={[
            { name: 'year', label: t('years.year'), type: 'number', defaultValue: String(nextYear) },
            { name: 'opensOn', label: t('years.opensOn'), type: 'date' },
            { name: 'deadline', label: t('years.deadline'), type: 'date' },
          ]}
        />
      </Section>
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
              <AdminForm
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
                variant="secondary"
                layout="inline"
              />
              {year.state === 'open' && (
                <>
                  <AdminForm
                    id={`open-${year.year}`}
                    action={changeYearAction}
                    hidden={{ locale, year: year.year, change: 'open' }}
                    submitLabel={t('years.open')}
                    variant="secondary"
                  />
                  <AdminForm
                    id={`close-${year.year}`}
                    action={changeYearAction}
                    hidden={{ locale, year: year.year, change: 'close' }}
                    submitLabel={t('years.close')}
                  />
                </>
              )}
              {year.state !== 'open' && (
                <AdminForm
                  id={`reopen-${year.year}`}
                  action={changeYearAction}
                  hidden={{ locale, year: year.year, change: 'reopen' }}
                  fields={[{ name: 'reason', label: t('years.reason') }]}
                  submitLabel={t('years.reopen')}
                  variant="danger"
                  layout="inline"
                />
              )}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
