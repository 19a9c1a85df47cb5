import { getTranslations, setRequestLocale } from 'next-intl/server';
import { sectionMetadata } from '@/components/public/metadata';
import { SectionHeading } from '@/components/public/permalink';
import type { Locale } from '@/lib/format';
import {
  cachedLatestPublication,
  cachedLatestPublications,
  cachedPublicNames,
  cachedPublishedSeries,
} from '@/lib/publications/cached';
import {
  toOpenAccountsYear,
  toOrganisationDetail,
  toOrganisationDirectory,
  toPublicationList,
} from '@/lib/publications/open-data';
import { ScrollRegion } from '@/components/public/scroll-region';

export const generateMetadata = sectionMetadata('data', '/om/data');

function Example({
  id,
  method,
  path,
  text,
  response,
  labels,
}: {
  id: string;
  method: string;
  path: string;
  text: string;
  response: unknown;
  labels: { example: string; response: string; permalink: string };
}) {
  return (
    <section aria-labelledby={id}>
      <SectionHeading id={id} level={3} permalinkLabel={labels.permalink}>
        {`${method} ${path}`}
      </SectionHeading>
      <p className="mt-2 max-w-3xl">{text}</p>
      <p className="mt-2 font-semibold">{labels.example}</p>
      <pre className="mt-1 whitespace-pre-wrap break-all bg-surface p-3 text-sm">
        <code>{`curl -i https://<host>${path.replace('{year}', '2016').replace('{slug}', String((response as { slug?: string }).slug ?? 'slug'))}`}</code>
      </pre>
      <p className="mt-2 font-semibold">{labels.response}</p>
      <ScrollRegion
        className="mt-1 max-h-96 overflow-y-auto bg-surface"
        label={`${labels.response}: ${path}`}
      >
        <pre className="p-3 text-sm">
          <code>{JSON.stringify(response, null, 2)}</code>
        </pre>
      </ScrollRegion>
    </section>
  );
}

export default async function DataPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'public' });
  const [latest, summaries, series, names] = await Promise.all([
    cachedLatestPublication(),
    cachedLatestPublications(),
    cachedPublishedSeries(),
    cachedPublicNames(),
  ]);
  // examples are real answers, shortened: the first entries of each list
  const yearExample = latest
    ? (() => {
        const full = toOpenAccountsYear(latest, names);
        return {
          ...full,
          indicators: full.indicators.slice(0, 2),
          organisations: full.organisations.slice(0, 1),
          evidence: full.evidence.slice(0, 1),
        };
      })()
    : null;
  const directory = toOrganisationDirectory(series, names);
  const organisationExample = directory[0] ? toOrganisationDetail(series, directory[0].slug, names) : null;
  const labels = (name: string) => ({
    example: t('data.example'),
    response: t('data.response'),
    permalink: t('permalinkTo', { name }),
  });
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker">{t('data.title')}</h1>
      <p className="mt-4 max-w-3xl">{t('data.intro')}</p>
      <p className="mt-2 max-w-3xl">{t('data.licence')}</p>
      <p className="mt-2 max-w-3xl">{t('data.csv')}</p>
      <SectionHeading id="endpoints" permalinkLabel={t('permalinkTo', { name: t('data.endpoints') })}>
        {t('data.endpoints')}
      </SectionHeading>
      <Example
        id="api-accounts"
        method="GET"
        path="/api/v1/accounts"
        text={t('data.listYears')}
        response={toPublicationList(summaries)}
        labels={labels('/api/v1/accounts')}
      />
      <Example
        id="api-accounts-year"
        method="GET"
        path="/api/v1/accounts/{year}"
        text={t('data.oneYear')}
        response={yearExample ?? {}}
        labels={labels('/api/v1/accounts/{year}')}
      />
      <Example
        id="api-organisations"
        method="GET"
        path="/api/v1/organisations"
        text={t('data.listOrganisations')}
        response={directory.slice(0, 2)}
        labels={labels('/api/v1/organisations')}
      />
      <Example
        id="api-organisation"
        method="GET"
        path="/api/v1/organisations/{slug}"
        text={t('data.oneOrganisation')}
        response={
          organisationExample ? { ...organisationExample, years: organisationExample.years.slice(-1) } : {}
        }
        labels={labels('/api/v1/organisations/{slug}')}
      />
      <SectionHeading id="fejl" permalinkLabel={t('permalinkTo', { name: t('data.errors') })}>
        {t('data.errors')}
      </SectionHeading>
      <p className="mt-2 max-w-3xl">{t('data.errorsText')}</p>
    </>
  );
}
