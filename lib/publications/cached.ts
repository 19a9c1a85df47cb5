// Publications through Next's data cache: public pages and the API do no database work per
// request; publishing a new version revalidates the tag.
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db/client';
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

export async function cachedLatestPublication() {
  const [latest] = await cachedLatestPublications();
  return latest ? cachedPublication(latest.year, latest.version) : null;
}
