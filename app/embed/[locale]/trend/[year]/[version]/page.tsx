import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { TrendEmbed, trendEmbedTitle } from '@/components/public/trend-embed';
import type { Locale } from '@/lib/format';
import { cachedSeriesAsOf } from '@/lib/publications/cached';
import { parseVersion, parseYear } from '@/lib/publications/view';

type Props = { params: Promise<{ locale: Locale; year: string; version: string }> };

async function load(rawYear: string, rawVersion: string) {
  const year = parseYear(rawYear);
  const version = parseVersion(rawVersion);
  if (!year || !version) return null;
  const series = await cachedSeriesAsOf(year, version);
  return series && series.length > 0 ? { series, year, version } : null;
}

// a publication's series never changes: rendered on first request and kept
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year, version } = await params;
  const loaded = await load(year, version);
  const title = loaded ? await trendEmbedTitle(locale, loaded.series) : null;
  return title ? { title } : {};
}

/** The trend as it stood when version {version} of {year} came out: what the embed code hands out. */
export default async function FixedTrendEmbedPage({ params }: Props) {
  const { locale, year, version } = await params;
  setRequestLocale(locale);
  const loaded = await load(year, version);
  if (!loaded) notFound();
  return (
    <TrendEmbed
      series={loaded.series}
      locale={locale}
      asOf={{ year: loaded.year, version: loaded.version }}
    />
  );
}
