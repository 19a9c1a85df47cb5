import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StatisticDocumentation } from '@/components/statistics/documentation';
import type { Locale } from '@/lib/format';
import { cachedVersionFromPath } from '@/lib/publications/cached';
import { alternatesFor } from '@/lib/publications/view';

// An earlier version's documentation, as it was frozen with that version.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: Locale; year: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year, version } = await params;
  const loaded = await cachedVersionFromPath(year, version);
  if (!loaded) return {};
  const t = await getTranslations({ locale, namespace: 'statistics' });
  return {
    title: `${t('documentation.title', { year: loaded.publication.year })} · v${loaded.publication.version}`,
    alternates: alternatesFor(locale, `/regnskab/${year}/v/${version}/dokumentation`),
    robots: { index: false },
  };
}

export default async function VersionDocumentationPage({ params }: Props) {
  const { locale, year, version } = await params;
  setRequestLocale(locale);
  const loaded = await cachedVersionFromPath(year, version);
  if (!loaded) notFound();
  return (
    <StatisticDocumentation
      publication={loaded.publication}
      latestVersion={loaded.latestVersion}
      locale={locale}
    />
  );
}
