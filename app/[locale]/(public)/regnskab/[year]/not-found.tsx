import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { rootLocale } from '@/i18n/root-locale';
import { NotFoundNotice } from '@/components/public/not-found-notice';
import { cachedLatestPublications } from '@/lib/publications/cached';
import { notFoundLinks, notFoundMetadata } from '@/lib/publications/not-found-links';
import { localePath } from '@/i18n/paths';

// A year not (yet) published, or a version that does not exist: say so, and list what is published.
export function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return notFoundMetadata(params, 'yearTitle');
}

export default async function YearNotFound() {
  const locale = await rootLocale();
  const t = await getTranslations({ locale, namespace: 'public' });
  const published = await cachedLatestPublications();
  return (
    <NotFoundNotice
      title={t('notFound.yearTitle')}
      body={t('notFound.yearBody')}
      whereTo={t('notFound.whereTo')}
      links={notFoundLinks(locale, (key) => t(`notFound.${key}` as 'notFound.toFront'))}
    >
      <h2 className="mt-8 text-xl font-semibold">{t('notFound.publishedYears')}</h2>
      {published.length === 0 ? (
        <p className="mt-2">{t('notFound.noneYet')}</p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-6" data-testid="published-years">
          {published.map((summary) => (
            <li key={summary.year}>
              <Link href={localePath(locale, `/regnskab/${summary.year}`)}>
                {t('notFound.latestVersion', { year: summary.year, version: summary.version })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </NotFoundNotice>
  );
}
