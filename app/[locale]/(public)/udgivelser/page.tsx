import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ReleaseCalendar } from '@/components/statistics/release-calendar';
import type { Locale } from '@/lib/format';
import { cachedCalendar } from '@/lib/releases/cached';
import { pageMetadata } from '@/components/public/metadata';

export const generateMetadata = pageMetadata('/udgivelser', {
  namespace: 'statistics',
  title: 'calendar.title',
  description: 'calendar.lead',
});

export default async function ReleaseCalendarPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'statistics' });
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker">{t('calendar.title')}</h1>
      <p className="mt-4 max-w-3xl">{t('calendar.lead')}</p>
      <p className="mt-2 max-w-3xl">
        {t('calendar.openData')} <a href="/api/v1/releases">/api/v1/releases</a>
      </p>
      <ReleaseCalendar entries={await cachedCalendar()} locale={locale} />
    </>
  );
}
