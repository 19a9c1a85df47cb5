// GET /api/v1/accounts/{year}[?version=n][&format=csv]: one year's published accounts.
import { cachedPublication } from '@/lib/publications/cached';
import { csvResponse, errorResponse, formatOf, jsonResponse, optionsResponse } from '@/lib/publications/http';
import { accountsCsvForApi, toOpenAccountsYear } from '@/lib/publications/open-data';
import { parseYear } from '@/lib/publications/view';

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year: rawYear } = await params;
  const format = formatOf(request);
  if (!format) return errorResponse(400, 'invalid_format', 'format must be json or csv');
  const year = parseYear(rawYear);
  const rawVersion = new URL(request.url).searchParams.get('version');
  const version =
    rawVersion === null ? undefined : /^[1-9]\d{0,3}$/.test(rawVersion) ? Number(rawVersion) : NaN;
  if (year === null || Number.isNaN(version))
    return errorResponse(404, 'not_found', 'no such published year or version');
  const publication = await cachedPublication(year, version);
  if (!publication) return errorResponse(404, 'not_found', 'no such published year or version');
  if (format === 'csv') {
    return csvResponse(
      request,
      accountsCsvForApi(publication),
      `klyngeregnskab-${year}-v${publication.version}.csv`,
    );
  }
  return jsonResponse(request, toOpenAccountsYear(publication));
}

export function OPTIONS() {
  return optionsResponse();
}
