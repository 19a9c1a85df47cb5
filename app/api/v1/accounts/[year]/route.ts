// GET /api/v1/accounts/{year}[?version=n][&format=csv]: one year's published accounts.
import { cachedAccountsAnswer } from '@/lib/publications/cached';
import { cachedResponse, errorResponse, formatOf, optionsResponse } from '@/lib/publications/http';
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
  const answer = await cachedAccountsAnswer(year, version, format);
  if (!answer) return errorResponse(404, 'not_found', 'no such published year or version');
  return format === 'csv'
    ? cachedResponse(request, answer.body, {
        contentType: 'text/csv; charset=utf-8',
        etag: answer.etag,
        filename: `klyngeregnskab-${year}-v${answer.version}.csv`,
      })
    : cachedResponse(request, answer.body, {
        contentType: 'application/json; charset=utf-8',
        etag: answer.etag,
      });
}

export function OPTIONS() {
  return optionsResponse();
}
