// GET /api/v1/organisations: every organisation in the published accounts.
import { cachedPublishedSeries } from '@/lib/publications/cached';
import { csvResponse, errorResponse, formatOf, jsonResponse, optionsResponse } from '@/lib/publications/http';
import { organisationsCsv, toOrganisationDirectory } from '@/lib/publications/open-data';

export async function GET(request: Request) {
  const format = formatOf(request);
  if (!format) return errorResponse(400, 'invalid_format', 'format must be json or csv');
  const directory = toOrganisationDirectory(await cachedPublishedSeries());
  if (format === 'csv') return csvResponse(request, organisationsCsv(directory), 'organisations.csv');
  return jsonResponse(request, directory);
}

export function OPTIONS() {
  return optionsResponse();
}
