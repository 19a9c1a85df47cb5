import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { TrendEmbed, trendEmbedTitle } from '@/components/public/trend-embed';
import type { Locale } from '@/lib/format';
import { cachedPublishedSeries } from '@/lib/publications/cached';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const title = await trendEmbedTitle(locale, await cachedPublishedSeries());
  return title ? { title } : {};
}

/** The current series: it grows with every publication. The embed code names a fixed one instead. */
export default async function TrendEmbedPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const series = await cachedPublishedSeries();
  if (series.length === 0) notFound();
  return <TrendEmbed series={series} locale={locale} asOf={null} />;
}
