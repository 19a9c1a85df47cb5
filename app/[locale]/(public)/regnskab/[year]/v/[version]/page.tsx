import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { YearAccounts } from '@/components/public/year-accounts';
import { YearStatistics } from '@/components/statistics/year-statistics';
import type { Locale } from '@/lib/format';
import { cachedPublicNames, cachedPublication, cachedVersionFromPath } from '@/lib/publications/cached';
import { siteOrigin } from '@/lib/site-url';
import { alternatesFor } from '@/lib/publications/view';

export function generateStaticParams() {
  return [];
}

type Props = {
  params: Promise<{ locale: Locale; year: string; version: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year, version } = await params;
  const loaded = await cachedVersionFromPath(year, version);
  if (!loaded) return {};
  const t = await getTranslations({ locale, namespace: 'public' });
  return {
    title: `${t('year.title', { year: loaded.publication.year })} · ${t('year.historyVersion', { version: loaded.publication.version })}`,
    alternates: alternatesFor(locale, `/regnskab/${year}/v/${version}`),
    robots: { index: false },
  };
}

export default async function VersionPage({ params }: Props) {
  const { locale, year, version } = await params;
  setRequestLocale(locale);
  const loaded = await cachedVersionFromPath(year, version);
  if (!loaded) notFound();
  const { publication } = loaded;
  const previous =
    publication.version > 1 ? await cachedPublication(publication.year, publication.version - 1) : null;
  return (
    <>
      <YearAccounts
        publication={publication}
        latestVersion={loaded.latestVersion}
        locale={locale}
        names={await cachedPublicNames()}
        origin={siteOrigin()}
        tablePath={`/regnskab/${year}/organisationer`}
      />
      <YearStatistics
        publication={publication}
        previous={previous}
        latestVersion={loaded.latestVersion}
        locale={locale}
      />
    </>
  );
}
