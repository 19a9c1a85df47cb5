import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LineChart } from '@/components/charts/line-chart';
import { SectionHeading } from '@/components/public/permalink';
import { formatInteger, formatPercent, type Locale } from '@/lib/format';
import {
  cachedOrganisationDetail,
  cachedPublicNames,
  cachedPublishedSeries,
} from '@/lib/publications/cached';
import { ScrollRegion } from '@/components/public/scroll-region';
import { fieldTextOf } from '@/lib/publications/open-data';
import { alternatesFor, HEADLINE_KEYS, netFigure, yearSpan } from '@/lib/publications/view';
import { localePath } from '@/i18n/paths';

type Props = { params: Promise<{ locale: Locale; slug: string }> };

// rendered on first request, then served from the cache until a publication changes
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const detail = await cachedOrganisationDetail(slug);
  if (!detail) return {};
  const t = await getTranslations({ locale, namespace: 'public' });
  return {
    title: detail.name,
    description: t('organisation.metaDescription', {
      name: detail.name,
      kind: t(`kind.${detail.kind}`).toLocaleLowerCase(locale),
      field: detail.fieldLabel[locale],
      region: t(`region.${detail.region}`),
    }),
    alternates: alternatesFor(locale, `/klynger/${slug}`),
  };
}

export default async function OrganisationPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const detail = await cachedOrganisationDetail(slug);
  if (!detail) notFound();
  const t = await getTranslations({ locale, namespace: 'public' });
  const series = await cachedPublishedSeries();
  const latestSeries = series[series.length - 1];
  const labelOf = (key: string) =>
    latestSeries?.snapshot.accounts.indicators.find((i) => i.key === key)?.label[locale] ?? key;
  const years = detail.years.map((y) => y.year);
  const span = yearSpan(years);
  const newest = detail.years[detail.years.length - 1];
  const newestAccounts = series.find((p) => p.year === newest?.year)?.snapshot.accounts;
  const breakYears = series
    .filter((p) => p.snapshot.accounts.seriesBreak && years.includes(p.year))
    .map((p) => p.year);
  const value = (values: Record<string, unknown>, key: string) =>
    typeof values[key] === 'number' ? (values[key] as number) : null;
  const chartTitle = span ? t('organisation.resultsChart', { name: detail.name, ...span }) : '';
  // the description and field in the page's language; the Danish text, marked as Danish, where the
  // secretariat has written no English one
  const description = detail.description[locale] ?? detail.description.da;
  const descriptionLang = detail.description[locale] ? undefined : locale === 'da' ? undefined : 'da';
  const { text: field, lang: fieldLang } = fieldTextOf(await cachedPublicNames(), detail.field, locale);
  return (
    <>
      <p className="no-print">
        <Link href={localePath(locale, '/klynger')}>← {t('organisation.back')}</Link>
      </p>
      <h1 className="mt-4 text-3xl font-semibold text-primary-darker">{detail.name}</h1>
      {description && (
        <p className="mt-4 max-w-3xl" lang={descriptionLang} data-testid="organisation-description">
          {description}
        </p>
      )}
      <h2 className="sr-only">{t('organisation.facts')}</h2>
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">{t('dimension.kind')}</dt>
        <dd>{t(`kind.${detail.kind}`)}</dd>
        <dt className="font-semibold">{t('dimension.field')}</dt>
        <dd lang={fieldLang} data-testid="organisation-field">
          {field}
        </dd>
        <dt className="font-semibold">{t('dimension.region')}</dt>
        <dd>{t(`region.${detail.region}`)}</dd>
        {detail.website && (
          <>
            <dt className="font-semibold">{t('organisation.website')}</dt>
            <dd>
              <a href={detail.website} rel="noopener">
                {detail.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        )}
      </dl>

      <SectionHeading id="resultater" permalinkLabel={t('permalinkTo', { name: t('organisation.results') })}>
        {t('organisation.results')}
      </SectionHeading>
      {detail.years.length === 0 ? (
        <p className="mt-2">{t('organisation.noYears')}</p>
      ) : (
        <>
          <ScrollRegion className="mt-4" label={t('organisation.results')}>
            <table
              className="figure-table w-full min-w-[36rem]"
              id="tabel-resultater"
              data-testid="organisation-results"
            >
              <caption className="sr-only">{t('organisation.results')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('yearLabel')}</th>
                  {HEADLINE_KEYS.map((key) => (
                    <th key={key} scope="col" className="num">
                      {labelOf(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {detail.years.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">
                      <Link
                        href={localePath(locale, `/regnskab/${row.year}`)}
                        aria-label={t('organisation.yearLink', { year: row.year })}
                      >
                        {row.year}
                      </Link>
                    </th>
                    {HEADLINE_KEYS.map((key) => {
                      const number = value(row.values, key);
                      return (
                        <td key={key} className="num">
                          {number === null ? '–' : formatInteger(number, locale)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {detail.years.length > 1 && (
            <figure id="figur-deltagere" className="mt-6">
              <figcaption className="font-semibold">{chartTitle}</figcaption>
              <LineChart
                id="chart-participants"
                title={chartTitle}
                description={t('organisation.resultsChartDescription', { name: detail.name })}
                years={years}
                series={[
                  {
                    key: 'participants',
                    label: labelOf('participants'),
                    values: detail.years.map((row) => ({
                      year: row.year,
                      value: value(row.values, 'participants'),
                    })),
                  },
                ]}
                breakYears={breakYears}
                locale={locale}
                yearLabel={t('yearLabel')}
                breakLabel={t('seriesBreak')}
                height={220}
              />
            </figure>
          )}
        </>
      )}

      {newest && newestAccounts && (
        <>
          <SectionHeading
            id="sammenligning"
            permalinkLabel={t('permalinkTo', { name: t('organisation.comparison', { year: newest.year }) })}
          >
            {t('organisation.comparison', { year: newest.year })}
          </SectionHeading>
          <p className="mt-2 max-w-3xl">{t('organisation.comparisonLead')}</p>
          {(() => {
            const own = value(newest.values, 'participants');
            const national = netFigure(newestAccounts, 'participants');
            return own !== null && national ? (
              <p className="mt-2" data-testid="share-of-national">
                {t('organisation.shareOfNational', { share: formatPercent(own / national, locale) })}
              </p>
            ) : null;
          })()}
          <ScrollRegion className="mt-4" label={t('organisation.comparison', { year: newest.year })}>
            <table className="figure-table w-full min-w-[28rem] max-w-3xl" id="tabel-sammenligning">
              <caption className="sr-only">{t('organisation.comparison', { year: newest.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('year.indicator')}</th>
                  <th scope="col" className="num">
                    {detail.name}
                  </th>
                  <th scope="col" className="num">
                    {t('organisation.nationalShare')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {HEADLINE_KEYS.filter((key) => key !== 'participants').map((key) => {
                  const ownParticipants = value(newest.values, 'participants');
                  const own = value(newest.values, key);
                  const nationalParticipants = netFigure(newestAccounts, 'participants');
                  const national = netFigure(newestAccounts, key);
                  return (
                    <tr key={key}>
                      <th scope="row">{labelOf(key)}</th>
                      <td className="num">
                        {own !== null && ownParticipants ? formatPercent(own / ownParticipants, locale) : '–'}
                      </td>
                      <td className="num">
                        {national !== null && nationalParticipants
                          ? formatPercent(national / nationalParticipants, locale)
                          : '–'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}
