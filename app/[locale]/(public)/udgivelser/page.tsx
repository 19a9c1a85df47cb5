import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ReleaseCalendar } from '@/components/statistics/release-calendar';
import type { Locale } from '@/lib/format';
import { alternatesFor } from '@/lib/publications/view';
import { cachedCalendar } from '@/lib/releases/cached';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: Locale }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'statistics' });
  return {
    title: t('calendar.title'),
    description: t('calendar.lead'),
    alternates: alternatesFor(locale, '/udgivelser'),
  };
}

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
