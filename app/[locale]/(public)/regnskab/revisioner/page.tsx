import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { formatDate, formatInteger, type Locale } from '@/lib/format';
import { cachedPublication, cachedPublishedSeries } from '@/lib/publications/cached';
import { localePath } from '@/i18n/paths';
import { revisedFigures } from '@/lib/revisions/diff';
import { pageMetadata } from '@/components/public/metadata';

export const generateMetadata = pageMetadata('/regnskab/revisioner', {
  namespace: 'statistics',
  title: 'revisions.title',
});

export default async function RevisionsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'statistics' });
  const series = await cachedPublishedSeries();
  const corrections = [];
  for (const latest of [...series].reverse()) {
    for (const summary of [...latest.history].reverse()) {
      if (summary.version === 1) continue;
      const [current, previous] = await Promise.all([
        cachedPublication(latest.year, summary.version),
        cachedPublication(latest.year, summary.version - 1),
      ]);
      if (current && previous) corrections.push({ current, changes: revisedFigures(previous, current) });
    }
  }
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker">{t('revisions.title')}</h1>
      <p className="mt-4 max-w-3xl">{t('revisions.lead')}</p>
      <p className="mt-2 max-w-3xl">{t('revisions.policy')}</p>
      {corrections.length === 0 ? (
        <p className="mt-6">{t('revisions.none')}</p>
      ) : (
        <ol className="mt-6 space-y-6" data-testid="revisions">
          {corrections.map(({ current, changes }) => (
            <li key={`${current.year}-${current.version}`} className="border-l-4 border-primary pl-4">
              <h2 className="text-xl font-semibold">
                <Link href={localePath(locale, `/regnskab/${current.year}/v/${current.version}#revideret`)}>
                  {t('revisions.correction', { year: current.year, version: current.version })}
                </Link>
              </h2>
              <p>
                {t('revisions.published', { date: formatDate(current.publishedAt, locale) })} ·{' '}
                {current.changeNote} ·{' '}
                {t('revisions.changed', { count: formatInteger(changes.length, locale) })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
