// GET /api/v1/accounts/{year}[?version=n][&format=csv|jsonstat]: one year's published accounts.
import { cachedAccountsAnswer } from '@/lib/publications/cached';
import { cachedResponse, errorResponse, optionsResponse } from '@/lib/publications/http';
import { parseYear } from '@/lib/publications/view';
import { notFoundCacheControl, publicCacheControl } from '@/lib/releases/cache-control';

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  // JSON-stat has no media type of its own; its readers take JSON
  jsonstat: 'application/json; charset=utf-8',
} as const;

type Format = keyof typeof CONTENT_TYPES;

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year: rawYear } = await params;
  const requested = new URL(request.url).searchParams.get('format') ?? 'json';
  if (!(requested in CONTENT_TYPES)) {
    return errorResponse(400, 'invalid_format', 'format must be json, csv or jsonstat');
  }
  const format = requested as Format;
  const year = parseYear(rawYear);
  const rawVersion = new URL(request.url).searchParams.get('version');
  const version =
    rawVersion === null ? undefined : /^[1-9]\d{0,3}$/.test(rawVersion) ? Number(rawVersion) : NaN;
  if (year === null || Number.isNaN(version))
    return errorResponse(404, 'not_found', 'no such published year or version', await notFoundCacheControl());
  const answer = await cachedAccountsAnswer(year, version, format);
  // a year whose release is still to come is a 404 like any unpublished year, kept only briefly
  if (!answer)
    return errorResponse(404, 'not_found', 'no such published year or version', await notFoundCacheControl());
  return cachedResponse(request, answer.body, {
    contentType: CONTENT_TYPES[format],
    etag: answer.etag,
    cacheControl: await publicCacheControl(),
    ...(format === 'csv' ? { filename: `klyngeregnskab-${year}-v${answer.version}.csv` } : {}),
  });
}

export function OPTIONS() {
  return optionsResponse();
}
