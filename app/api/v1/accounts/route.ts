// GET /api/v1/accounts: the published years with their latest version (DESIGN.md's contract).
import { RFC4180, toCsv } from '@/lib/csv/write';
import { cachedLatestPublications } from '@/lib/publications/cached';
import { csvResponse, errorResponse, formatOf, jsonResponse, optionsResponse } from '@/lib/publications/http';
import { LICENCE_TEXT, toPublicationList } from '@/lib/publications/open-data';
import { publicCacheControl } from '@/lib/releases/cache-control';

export async function GET(request: Request) {
  const format = formatOf(request);
  if (!format) return errorResponse(400, 'invalid_format', 'format must be json or csv');
  const [latest, cacheControl] = await Promise.all([cachedLatestPublications(), publicCacheControl()]);
  const list = toPublicationList(latest);
  if (format === 'csv') {
    const rows = list.map((p) => [p.year, p.version, p.publishedAt, LICENCE_TEXT]);
    const csv = toCsv(['year', 'version', 'publishedAt', 'licence'], rows, RFC4180);
    return csvResponse(request, csv, 'accounts.csv', cacheControl);
  }
  return jsonResponse(request, list, cacheControl);
}

export function OPTIONS() {
  return optionsResponse();
}
