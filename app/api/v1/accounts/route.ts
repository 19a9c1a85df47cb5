// GET /api/v1/accounts: the published years with their latest version (DESIGN.md's contract).
import { cachedLatestPublications } from '@/lib/publications/cached';
import { csvResponse, errorResponse, formatOf, jsonResponse, optionsResponse } from '@/lib/publications/http';
import { LICENCE_TEXT, toCsv, toPublicationList } from '@/lib/publications/open-data';

export async function GET(request: Request) {
  const format = formatOf(request);
  if (!format) return errorResponse(400, 'invalid_format', 'format must be json or csv');
  const list = toPublicationList(await cachedLatestPublications());
  if (format === 'csv') {
    const rows = [
      ['year', 'version', 'publishedAt', 'licence'],
      ...list.map((p) => [p.year, p.version, p.publishedAt, LICENCE_TEXT]),
    ];
    return csvResponse(request, toCsv(rows, { delimiter: ',', bom: false }), 'accounts.csv');
  }
  return jsonResponse(request, list);
}

export function OPTIONS() {
  return optionsResponse();
}
