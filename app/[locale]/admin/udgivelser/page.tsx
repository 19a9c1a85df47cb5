import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/format';
import { cancelReleaseAction, moveReleaseAction, scheduleReleaseAction } from '@/lib/releases/actions';
import { danishWallClock } from '@/lib/time-zone';
import { readReleasesPage } from '@/lib/releases/queries';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function ReleasesAdminPage(props: Pick<AdminPageProps, 'params'>) {
  const { locale } = await openAdminPage(props);
  const t = await getTranslations({ locale, namespace: 'statistics' });
  const page = await readReleasesPage();
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  const { years, releases } = page.value;
  const scheduled = releases.filter((release) => release.status === 'scheduled');
  const past = releases.filter((release) => release.status !== 'scheduled');
  const reasonFields = [
    { name: 'reasonDa', label: t('admin.reasonDa'), type: 'textarea' as const },
    { name: 'reasonEn', label: t('admin.reasonEn'), type: 'textarea' as const },
  ];
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('admin.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('admin.lead')}</p>

      <section aria-labelledby="scheduled-title" className="mt-8">
        <h2 id="scheduled-title" className="text-xl font-semibold">
          {t('admin.scheduledTitle')}
        </h2>
        {scheduled.length === 0 ? (
          <p className="mt-2">{t('admin.noneScheduled')}</p>
        ) : (
          <ul className="mt-4 space-y-8" data-testid="scheduled-releases">
            {scheduled.map((release) => {
              const wall = danishWallClock(release.scheduledAt);
              return (
                <li key={release.id} className="border-l-4 border-primary pl-4">
                  <p className="font-semibold">
                    {t('admin.releaseLine', {
                      year: release.year,
                      version: release.version,
                      at: formatDateTime(release.scheduledAt, locale),
                    })}
                  </p>
                  {release.changeNote && (
                    <p className="text-sm">
                      {t('admin.changeNote')}: {release.changeNote}
                    </p>
                  )}
                  {release.failure && (
                    <p
                      role="alert"
                      className="mt-2 border-l-4 border-error p-2"
                      data-testid={`release-failure-${release.year}`}
                    >
                      {t('admin.failed', { reason: t(`errors.${release.failure}` as 'errors.unexpected') })}
                    </p>
                  )}
                  <div className="mt-4 grid gap-6 md:grid-cols-2">
                    <div>
                      <h3 className="font-semibold">{t('admin.move')}</h3>
                      <AdminForm
                        id={`move-${release.id}`}
                        action={moveReleaseAction}
                        hidden={{ locale, releaseId: release.id }}
                        submitLabel={t('admin.moveSubmit')}
                        fields={[
                          { name: 'date', label: t('admin.date'), type: 'date', defaultValue: wall.date },
                          {
                            name: 'time',
                            label: t('admin.time'),
                            hint: t('admin.timeHint'),
                            defaultValue: wall.time,
                          },
                          ...reasonFields,
                        ]}
                      />
                    </div>
                    <div>
                      <h3 className="font-semibold">{t('admin.cancel')}</h3>
                      <AdminForm
                        id={`cancel-${release.id}`}
                        action={cancelReleaseAction}
                        hidden={{ locale, releaseId: release.id }}
                        submitLabel={t('admin.cancelSubmit')}
                        variant="danger"
                        fields={reasonFields}
                      />
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="schedule-title" className="mt-10">
        <h2 id="schedule-title" className="text-xl font-semibold">
          {t('admin.scheduleTitle')}
        </h2>
        <p className="mt-2 max-w-3xl">{t('admin.scheduleLead')}</p>
        <AdminForm
          id="schedule"
          action={scheduleReleaseAction}
          hidden={{ locale }}
          submitLabel={t('admin.scheduleSubmit')}
          fields={[
            {
              name: 'year',
              label: t('admin.year'),
              type: 'select',
              options: years.map((row) => ({ value: String(row.year), label: String(row.year) })),
            },
            { name: 'date', label: t('admin.date'), type: 'date' },
            { name: 'time', label: t('admin.time'), hint: t('admin.timeHint'), defaultValue: '10:00' },
            {
              name: 'changeNote',
              label: t('admin.changeNote'),
              hint: t('admin.changeNoteHint'),
              type: 'textarea',
            },
          ]}
        />
      </section>

      {past.length > 0 && (
        <section aria-labelledby="past-title" className="mt-10">
          <h2 id="past-title" className="text-xl font-semibold">
            {t('admin.pastTitle')}
          </h2>
          <ul className="mt-2 space-y-1">
            {past.map((release) => (
              <li key={release.id}>
                {t('admin.releaseLine', {
                  year: release.year,
                  version: release.version,
                  at: formatDateTime(release.scheduledAt, locale),
                })}{' '}
                ·{' '}
                {release.status === 'published' && release.publishedAt
                  ? t('admin.publishedAt', { at: formatDateTime(release.publishedAt, locale) })
                  : t('calendar.status.cancelled')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
