import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { YearAccounts } from '@/components/public/year-accounts';
import type { Locale } from '@/lib/format';
import { cachedPublication } from '@/lib/publications/cached';
import { alternatesFor, parseYear } from '@/lib/publications/view';

export function generateStaticParams() {
  return [];
}

type Props = {
  params: Promise<{ locale: Locale; year: string; version: string }>;
};

async function load(rawYear: string, rawVersion: string) {
  const year = parseYear(rawYear);
  if (!year || !/^[1-9]\d{0,3}$/.test(rawVersion)) return null;
  const [publication, latest] = await Promise.all([
    cachedPublication(year, Number(rawVersion)),
    cachedPublication(year),
  ]);
  return publication && latest ? { publication, latestVersion: latest.version } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year, version } = await params;
  const loaded = await load(year, version);
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
  const loaded = await load(year, version);
  if (!loaded) notFound();
  return (
    <YearAccounts
      publication={loaded.publication}
      latestVersion={loaded.latestVersion}
      locale={locale}
      tablePath={`/regnskab/${year}/organisationer`}
    />
  );
}
