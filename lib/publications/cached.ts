// Publications through Next's data cache: public pages and the API do no database work per
// request; publishing a new version revalidates the tag.
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db/client';
import { listOrganisationDetails } from './directory';
import { etagOf } from './http';
import { accountsCsvForApi, toOpenAccountsYear, toOrganisationDetail } from './open-data';
import { getPublication, getPublishedSeries, listLatestPublications } from './read';

export const PUBLICATIONS_TAG = 'publications';

export const cachedLatestPublications = unstable_cache(
  async () => listLatestPublications(await getDb()),
  ['publications:latest'],
  { tags: [PUBLICATIONS_TAG] },
);

export const cachedPublication = unstable_cache(
  async (year: number, version?: number) => getPublication(await getDb(), year, version),
  ['publications:one'],
  { tags: [PUBLICATIONS_TAG] },
);

export const cachedPublishedSeries = unstable_cache(
  async () => getPublishedSeries(await getDb()),
  ['publications:series'],
  { tags: [PUBLICATIONS_TAG] },
);

/**
 * The open-data API's answer for one year, serialised once and kept with its ETag: the API's most
 * requested answers then cost a cache read, not a transformation, serialisation and hash each time.
 */
export const cachedAccountsAnswer = unstable_cache(
  async (year: number, version: number | undefined, format: 'json' | 'csv') => {
    const publication = await getPublication(await getDb(), year, version);
    if (!publication) return null;
    const body =
      format === 'csv' ? accountsCsvForApi(publication) : JSON.stringify(toOpenAccountsYear(publication));
    return { body, etag: etagOf(body), version: publication.version };
  },
  ['publications:api-accounts'],
  { tags: [PUBLICATIONS_TAG] },
);

export async function cachedLatestPublication() {
  const [latest] = await cachedLatestPublications();
  return latest ? cachedPublication(latest.year, latest.version) : null;
}

/** Tag for the public organisation descriptions: revalidate it when an organisation is edited. */
export const ORGANISATIONS_TAG = 'organisations';

export const cachedOrganisationDetails = unstable_cache(
  async () => listOrganisationDetails(await getDb()),
  ['publications:organisation-details'],
  { tags: [PUBLICATIONS_TAG, ORGANISATIONS_TAG] },
);

/** One organisation's published years with its public description: what /klynger/[slug] shows. */
export async function cachedOrganisationDetail(slug: string) {
  const [series, details] = await Promise.all([cachedPublishedSeries(), cachedOrganisationDetails()]);
  return toOrganisationDetail(
    series,
    slug,
    details.find((row) => row.slug === slug),
  );
}
