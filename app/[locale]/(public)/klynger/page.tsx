import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ORGANISATION_KINDS, REGIONS } from '@/lib/accounts/types';
import { formatInteger, type Locale } from '@/lib/format';
import { cachedPublicNames, cachedPublishedSeries } from '@/lib/publications/cached';
import { fieldTextOf, filterOrganisations, toOrganisationDirectory } from '@/lib/publications/open-data';
import { ScrollRegion } from '@/components/public/scroll-region';
import { alternatesFor } from '@/lib/publications/view';
import { localePath } from '@/i18n/paths';
import { param } from '@/lib/search-params';

// The filter lives in the URL (?kind=&field=&region=), so the page renders per request from the
// cached publications; it does no database work of its own.
export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'public' });
  return {
    title: t('organisations.title'),
    description: t('organisations.description'),
    alternates: alternatesFor(locale, '/klynger'),
  };
}

export default async function OrganisationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'public' });
  const [series, names] = await Promise.all([cachedPublishedSeries(), cachedPublicNames()]);
  const directory = toOrganisationDirectory(series, names);
  // the filter's value is the Danish name (stable in links), its label the page's language
  const fieldText = (field: string) => fieldTextOf(names, field, locale);
  const fields = [...new Set(directory.map((o) => o.field))].sort((a, b) =>
    fieldText(a).text.localeCompare(fieldText(b).text, locale),
  );
  const raw = await searchParams;
  const filter = {
    kind: (ORGANISATION_KINDS as readonly string[]).includes(param(raw, 'kind')) ? param(raw, 'kind') : '',
    field: fields.includes(param(raw, 'field')) ? param(raw, 'field') : '',
    region: (REGIONS as readonly string[]).includes(param(raw, 'region')) ? param(raw, 'region') : '',
  };
  const shown = filterOrganisations(directory, filter);
  const latest = series[series.length - 1];
  const latestValues = new Map(
    (latest?.snapshot.accounts.organisations ?? []).map((o) => [o.slug, o.values.participants]),
  );
  const select = 'mt-1 border-2 border-ink bg-white px-2 py-1';
  const path = localePath(locale, '/klynger');
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker">{t('organisations.title')}</h1>
      <p className="mt-4 max-w-3xl">{t('organisations.description')}</p>
      <form method="get" action={path} className="mt-6 bg-surface p-4" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="text-lg font-semibold">
          {t('organisations.filterHeading')}
        </h2>
        <div className="mt-2 flex flex-wrap items-end gap-4">
          <div className="flex flex-col">
            <label htmlFor="filter-kind">{t('dimension.kind')}</label>
            <select id="filter-kind" name="kind" defaultValue={filter.kind} className={select}>
              <option value="">{t('organisations.all')}</option>
              {ORGANISATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor="filter-field">{t('dimension.field')}</label>
            <select id="filter-field" name="field" defaultValue={filter.field} className={select}>
              <option value="">{t('organisations.all')}</option>
              {fields.map((field) => (
                <option key={field} value={field} lang={fieldText(field).lang}>
                  {fieldText(field).text}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor="filter-region">{t('dimension.region')}</label>
            <select id="filter-region" name="region" defaultValue={filter.region} className={select}>
              <option value="">{t('organisations.all')}</option>
              {REGIONS.map((region) => (
                <option key={region} value={region}>
                  {t(`region.${region}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="bg-primary px-4 py-1.5 font-medium text-white hover:bg-primary-darker"
          >
            {t('organisations.apply')}
          </button>
          {(filter.kind || filter.field || filter.region) && <a href={path}>{t('organisations.reset')}</a>}
        </div>
      </form>
      <p className="mt-4" role="status" data-testid="organisation-count">
        {t('organisations.count', { count: formatInteger(shown.length, locale) })}
      </p>
      {shown.length === 0 ? (
        <p className="mt-2">{t('organisations.none')}</p>
      ) : (
        <ScrollRegion className="mt-2" label={t('organisations.title')}>
          <table className="figure-table w-full min-w-[40rem]" id="katalog" data-testid="catalogue">
            <caption className="sr-only">{t('organisations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('year.name')}</th>
                <th scope="col">{t('dimension.kind')}</th>
                <th scope="col">{t('dimension.field')}</th>
                <th scope="col">{t('dimension.region')}</th>
                {latest && (
                  <th scope="col" className="num">
                    {t('organisations.latestYear', { year: latest.year })}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {shown.map((organisation) => {
                const value = latestValues.get(organisation.slug);
                return (
                  <tr key={organisation.slug}>
                    <th scope="row">
                      <Link href={localePath(locale, `/klynger/${organisation.slug}`)}>
                        {organisation.name}
                      </Link>
                    </th>
                    <td>{t(`kind.${organisation.kind}`)}</td>
                    <td lang={fieldText(organisation.field).lang}>{fieldText(organisation.field).text}</td>
                    <td>{t(`region.${organisation.region}`)}</td>
                    {latest && (
                      <td className="num">
                        {typeof value === 'number'
                          ? formatInteger(value, locale)
                          : t('organisations.notInLatest', { year: latest.year })}
                      </td>
                    )}
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
