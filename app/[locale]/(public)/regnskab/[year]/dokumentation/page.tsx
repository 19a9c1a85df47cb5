import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StatisticDocumentation } from '@/components/statistics/documentation';
import type { Locale } from '@/lib/format';
import { cachedPublication } from '@/lib/publications/cached';
import { alternatesFor, parseYear } from '@/lib/publications/view';

// Rendered on first request and cached until a publication changes, like the year page.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: Locale; year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year: rawYear } = await params;
  const year = parseYear(rawYear);
  const publication = year ? await cachedPublication(year) : null;
  if (!publication) return {};
  const t = await getTranslations({ locale, namespace: 'statistics' });
  return {
    title: t('documentation.title', { year: publication.year }),
    alternates: alternatesFor(locale, `/regnskab/${publication.year}/dokumentation`),
  };
}

export default async function DocumentationPage({ params }: Props) {
  const { locale, year: rawYear } = await params;
  setRequestLocale(locale);
  const year = parseYear(rawYear);
  const publication = year ? await cachedPublication(year) : null;
  if (!publication) notFound();
  return (
    <StatisticDocumentation publication={publication} latestVersion={publication.version} locale={locale} />
  );
}
