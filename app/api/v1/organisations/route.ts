// GET /api/v1/organisations: every organisation in the published accounts.
import { cachedPublicNames, cachedPublishedSeries } from '@/lib/publications/cached';
import { csvResponse, errorResponse, formatOf, jsonResponse, optionsResponse } from '@/lib/publications/http';
import { organisationsCsv, toOrganisationDirectory } from '@/lib/publications/open-data';
import { publicCacheControl } from '@/lib/releases/cache-control';

export async function GET(request: Request) {
  const format = formatOf(request);
  if (!format) return errorResponse(400, 'invalid_format', 'format must be json or csv');
  const [series, names, cacheControl] = await Promise.all([
    cachedPublishedSeries(),
    cachedPublicNames(),
    publicCacheControl(),
  ]);
  const directory = toOrganisationDirectory(series, names);
  if (format === 'csv')
    return csvResponse(request, organisationsCsv(directory), 'organisations.csv', cacheControl);
  return jsonResponse(request, directory, cacheControl);
}

export function OPTIONS() {
  return optionsResponse();
}
