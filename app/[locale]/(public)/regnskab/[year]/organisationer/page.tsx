import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ORGANISATION_COLUMNS, OrganisationsTable } from '@/components/public/year-accounts';
import type { Locale } from '@/lib/format';
import { cachedPublication, cachedPublicNames } from '@/lib/publications/cached';
import { alternatesFor, parseTableQuery, parseYear } from '@/lib/publications/view';
import { localePath } from '@/i18n/paths';
import { param } from '@/lib/search-params';

// Search and sort come from the query string (works without JavaScript), so this page renders per
// request; its data comes from the publication cache, never the database.
export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ locale: Locale; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(rawYear: string, rawVersion: string) {
  const year = parseYear(rawYear);
  if (!year || (rawVersion && !/^[1-9]\d{0,3}$/.test(rawVersion))) return null;
  const [publication, latest] = await Promise.all([
    cachedPublication(year, rawVersion ? Number(rawVersion) : undefined),
    cachedPublication(year),
  ]);
  return publication && latest ? { publication, latestVersion: latest.version } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year } = await params;
  const t = await getTranslations({ locale, namespace: 'public' });
  return {
    title: `${t('year.organisations')} · ${t('year.title', { year })}`,
    alternates: alternatesFor(locale, `/regnskab/${year}/organisationer`),
    robots: { index: false },
  };
}

export default async function OrganisationsTablePage({ params, searchParams }: Props) {
  const { locale, year } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const loaded = await load(year, param(raw, 'version'));
  if (!loaded) notFound();
  const { publication, latestVersion } = loaded;
  const t = await getTranslations({ locale, namespace: 'public' });
  const older = publication.version !== latestVersion;
  const reportPath = older ? `/regnskab/${year}/v/${publication.version}` : `/regnskab/${year}`;
  return (
    <>
      <p className="no-print">
        <Link href={localePath(locale, reportPath)}>← {t('year.title', { year: publication.year })}</Link>
      </p>
      <h1 id="organisationer" className="mt-4 text-3xl font-semibold text-primary-darker">
        {t('year.organisations')} {publication.year}
        {older ? ` (${t('year.historyVersion', { version: publication.version })})` : ''}
      </h1>
      <p className="mt-2 max-w-3xl">{t('year.organisationsLead')}</p>
      <OrganisationsTable
        publication={publication}
        locale={locale}
        names={await cachedPublicNames()}
        query={parseTableQuery(raw, ORGANISATION_COLUMNS)}
        tablePath={`/regnskab/${year}/organisationer`}
        version={older ? publication.version : null}
      />
    </>
  );
}
