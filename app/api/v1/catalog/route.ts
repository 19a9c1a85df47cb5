// GET /api/v1/catalog: the data catalogue in DCAT-AP-DK 2.0, as JSON-LD, for open-data portals
// to harvest (DESIGN.md's contract).
import { siteOrigin } from '@/lib/site-url';
import { catalogDocument } from '@/lib/catalog/dcat';
import { cachedPublishedSeries } from '@/lib/publications/cached';
import { cachedResponse, optionsResponse } from '@/lib/publications/http';
import { publicCacheControl } from '@/lib/releases/cache-control';
import { cachedSiteProfile } from '@/lib/site-profile/cached';

export async function GET(request: Request) {
  const [series, profile, cacheControl] = await Promise.all([
    cachedPublishedSeries(),
    cachedSiteProfile(),
    publicCacheControl(),
  ]);
  const body = JSON.stringify(catalogDocument([...series].reverse(), siteOrigin(), profile));
  return cachedResponse(request, body, { contentType: 'application/ld+json; charset=utf-8', cacheControl });
}

export function OPTIONS() {
  return optionsResponse();
}
