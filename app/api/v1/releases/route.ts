// GET /api/v1/releases: the release calendar as open data (DESIGN.md's contract):
// [{ year, version, scheduledAt, publishedAt, status }], status scheduled or published.
import { errorResponse, formatOf, jsonResponse, optionsResponse, csvResponse } from '@/lib/publications/http';
import { RFC4180, toCsv } from '@/lib/csv/write';
import { cachedCalendar } from '@/lib/releases/cached';
import { publicCacheControl } from '@/lib/releases/cache-control';
import { toOpenReleases } from '@/lib/releases/read';

export async function GET(request: Request) {
  const format = formatOf(request);
  if (!format) return errorResponse(400, 'invalid_format', 'format must be json or csv');
  const [calendar, cacheControl] = await Promise.all([cachedCalendar(), publicCacheControl()]);
  const releases = toOpenReleases(calendar);
  if (format === 'csv') {
    const rows = releases.map((r) => [r.year, r.version, r.scheduledAt, r.publishedAt, r.status]);
    const csv = toCsv(['year', 'version', 'scheduledAt', 'publishedAt', 'status'], rows, RFC4180);
    return csvResponse(request, csv, 'releases.csv', cacheControl);
  }
  return jsonResponse(request, releases, cacheControl);
}

export function OPTIONS() {
  return optionsResponse();
}
