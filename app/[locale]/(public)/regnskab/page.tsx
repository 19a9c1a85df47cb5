import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { sectionMetadata } from '@/components/public/metadata';
import { formatDate, formatInteger, type Locale } from '@/lib/format';
import { cachedPublishedSeries } from '@/lib/publications/cached';
import { ScrollRegion } from '@/components/public/scroll-region';
import { netFigure } from '@/lib/publications/view';
import { localePath } from '@/i18n/paths';

export const generateMetadata = sectionMetadata('accounts', '/regnskab');

export default async function AccountsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'public' });
  const series = [...(await cachedPublishedSeries())].reverse();
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker">{t('accounts.title')}</h1>
      <p className="mt-4 max-w-3xl">{t('accounts.intro')}</p>
      {series.length === 0 ? (
        <p className="mt-6">{t('accounts.none')}</p>
      ) : (
        <ScrollRegion className="mt-6 max-w-3xl" label={t('accounts.title')}>
          <table className="figure-table w-full min-w-[30rem]" id="aar" data-testid="years-table">
            <caption className="sr-only">{t('accounts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.yearColumn')}</th>
                <th scope="col" className="num">
                  {t('accounts.participantsColumn')}
                </th>
                <th scope="col" className="num">
                  {t('accounts.versionColumn')}
                </th>
                <th scope="col">{t('accounts.publishedColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((publication) => {
                const participants = netFigure(publication.snapshot.accounts, 'participants');
                return (
                  <tr key={publication.year}>
                    <th scope="row">
                      <Link href={localePath(locale, `/regnskab/${publication.year}`)}>
                        {t('year.title', { year: publication.year })}
                      </Link>
                    </th>
                    <td className="num">
                      {participants === null ? '–' : formatInteger(participants, locale)}
                    </td>
                    <td className="num">{publication.version}</td>
                    <td>{formatDate(publication.publishedAt, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
