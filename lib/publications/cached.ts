// Publications through Next's data cache: public pages and the API do no database work per
// request; publishing a new version revalidates the tag.
import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db/client';
import { listPublicNames } from './directory';
import { etagOf } from './http';
import { toJsonStat } from './jsonstat';
import { accountsCsvForApi, toOpenAccountsYear, toOrganisationDetail } from './open-data';
import { getPublication, getPublishedSeries, getSeriesAsOf, listLatestPublications } from './read';
import { parseVersion, parseYear } from './view';

export const PUBLICATIONS_TAG = 'publications';
/** Tag for the public names (field names in English, descriptions): revalidate it when an organisation is edited. */
export const ORGANISATIONS_TAG = 'organisations';

export const cachedPublicNames = unstable_cache(
  async () => listPublicNames(await getDb()),
  ['publications:public-names'],
  { tags: [ORGANISATIONS_TAG] },
);

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

/** The trend as it stood when `year`'s version `version` came out: what a tied embed shows. */
export const cachedSeriesAsOf = unstable_cache(
  async (year: number, version: number) => getSeriesAsOf(await getDb(), year, version),
  ['publications:series-as-of'],
  { tags: [PUBLICATIONS_TAG] },
);

/**
 * The open-data API's answer for one year, serialised once and kept with its ETag: the API's most
 * requested answers then cost a cache read, not a transformation, serialisation and hash each time.
 */
export const cachedAccountsAnswer = unstable_cache(
  async (year: number, version: number | undefined, format: 'json' | 'csv' | 'jsonstat') => {
    const db = await getDb();
    const publication = await getPublication(db, year, version);
    if (!publication) return null;
    const names = await listPublicNames(db);
    const body =
      format === 'csv'
        ? accountsCsvForApi(publication, names)
        : format === 'jsonstat'
          ? JSON.stringify(toJsonStat(publication))
          : JSON.stringify(toOpenAccountsYear(publication, names));
    return { body, etag: etagOf(body), version: publication.version };
  },
  ['publications:api-accounts'],
  { tags: [PUBLICATIONS_TAG, ORGANISATIONS_TAG] },
);

export async function cachedLatestPublication() {
  const [latest] = await cachedLatestPublications();
  return latest ? cachedPublication(latest.year, latest.version) : null;
}

/**
 * An earlier version from the address's segments (/regnskab/[year]/v/[version]/…), with the
 * year's latest version number; null for a malformed segment or a version that was never published.
 */
export async function cachedVersionFromPath(rawYear: string, rawVersion: string) {
  const year = parseYear(rawYear);
  const version = parseVersion(rawVersion);
  if (!year || !version) return null;
  const [publication, latest] = await Promise.all([
    cachedPublication(year, version),
    cachedPublication(year),
  ]);
  return publication && latest ? { publication, latestVersion: latest.version } : null;
}

/** One organisation's published years with its public description: what /klynger/[slug] shows. */
export async function cachedOrganisationDetail(slug: string) {
  const [series, names] = await Promise.all([cachedPublishedSeries(), cachedPublicNames()]);
  return toOrganisationDetail(series, slug, names);
}
