// GET /api/v1/organisations/{slug}: one organisation and its published figures, year by year.
import { cachedOrganisationDetail } from '@/lib/publications/cached';
import { csvResponse, errorResponse, formatOf, jsonResponse, optionsResponse } from '@/lib/publications/http';
import { organisationDetailCsv } from '@/lib/publications/open-data';
import { notFoundCacheControl, publicCacheControl } from '@/lib/releases/cache-control';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const format = formatOf(request);
  if (!format) return errorResponse(400, 'invalid_format', 'format must be json or csv');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return errorResponse(404, 'not_found', 'no such organisation');
  const detail = await cachedOrganisationDetail(slug);
  if (!detail) return errorResponse(404, 'not_found', 'no such organisation', await notFoundCacheControl());
  const cacheControl = await publicCacheControl();
  if (format === 'csv')
    return csvResponse(request, organisationDetailCsv(detail), `${slug}.csv`, cacheControl);
  return jsonResponse(request, detail, cacheControl);
}

export function OPTIONS() {
  return optionsResponse();
}
