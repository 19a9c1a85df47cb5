import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LineChart } from '@/components/charts/line-chart';
import { EmbedFrame } from '@/components/public/embed-frame';
import type { Locale } from '@/lib/format';
import { cachedPublishedSeries } from '@/lib/publications/cached';
import { ATTRIBUTION } from '@/lib/publications/open-data';
import { HEADLINE_KEYS, localePath, trendOf } from '@/lib/publications/view';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'public' });
  const trend = trendOf(await cachedPublishedSeries(), HEADLINE_KEYS, locale);
  if (trend.years.length === 0) return {};
  return {
    title: t('home.trendHeading', { first: trend.years[0]!, last: trend.years[trend.years.length - 1]! }),
  };
}

export default async function TrendEmbed({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'public' });
  const trend = trendOf(await cachedPublishedSeries(), HEADLINE_KEYS, locale);
  if (trend.years.length === 0) notFound();
  const first = trend.years[0]!;
  const last = trend.years[trend.years.length - 1]!;
  const title = t('home.trendHeading', { first, last });
  return (
    <EmbedFrame
      title={title}
      sourceHref={`${localePath(locale, '/')}#udvikling`}
      sourceText={ATTRIBUTION[locale]}
    >
      <LineChart
        id="trend-chart"
        title={title}
        description={t('home.trendDescription', { first, last })}
        years={trend.years}
        series={trend.lines}
        breakYears={trend.breakYears}
        locale={locale}
        yearLabel={t('yearLabel')}
        breakLabel={t('seriesBreak')}
      />
    </EmbedFrame>
  );
}
