import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { YearAccounts } from '@/components/public/year-accounts';
import { YearStatistics } from '@/components/statistics/year-statistics';
import { formatInteger, type Locale } from '@/lib/format';
import { cachedPublication, cachedPublicNames } from '@/lib/publications/cached';
import { siteOrigin } from '@/lib/site-url';
import { alternatesFor, netFigure, parseYear } from '@/lib/publications/view';
import { localePath } from '@/i18n/paths';

// Rendered on first request and cached until a publication changes. The organisation table's
// search and sort (query parameters) live on /regnskab/[year]/organisationer, rendered per request.
export function generateStaticParams() {
  return [];
}

type Props = {
  params: Promise<{ locale: Locale; year: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year: rawYear } = await params;
  const year = parseYear(rawYear);
  const publication = year ? await cachedPublication(year) : null;
  if (!publication) return {};
  const t = await getTranslations({ locale, namespace: 'public' });
  const participants = netFigure(publication.snapshot.accounts, 'participants') ?? 0;
  return {
    title: t('year.title', { year: publication.year }),
    description: t('year.metaDescription', {
      year: publication.year,
      participants: formatInteger(participants, locale),
    }),
    alternates: alternatesFor(locale, `/regnskab/${publication.year}`),
    openGraph: {
      title: t('year.title', { year: publication.year }),
      images: [
        { url: localePath(locale, `/regnskab/${publication.year}/og-image`), width: 1200, height: 630 },
      ],
    },
  };
}

export default async function YearPage({ params }: Props) {
  const { locale, year: rawYear } = await params;
  setRequestLocale(locale);
  const year = parseYear(rawYear);
  const publication = year ? await cachedPublication(year) : null;
  if (!publication) notFound();
  const previous =
    publication.version > 1 ? await cachedPublication(publication.year, publication.version - 1) : null;
  return (
    <>
      <YearAccounts
        publication={publication}
        latestVersion={publication.version}
        locale={locale}
        names={await cachedPublicNames()}
        origin={siteOrigin()}
        tablePath={`/regnskab/${publication.year}/organisationer`}
      />
      <YearStatistics
        publication={publication}
        previous={previous}
        latestVersion={publication.version}
        locale={locale}
      />
    </>
  );
}
