// The human downloads of a year's accounts: CSV for Danish Excel (semicolon, UTF-8 with BOM,
// labelled headers in the page's language), XLSX, and zip (tables, metadata, README; lib/publications/zip).
// `?version=n` for an earlier version.
import { isLocale } from '@/lib/format';
import { cachedPublication, cachedPublicNames } from '@/lib/publications/cached';
import { cachedResponse, errorResponse } from '@/lib/publications/http';
import { accountsCsvForDownload } from '@/lib/publications/open-data';
import { parseYear } from '@/lib/publications/view';
import { accountsWorkbook } from '@/lib/publications/xlsx';
import { accountsZip, zipFileName } from '@/lib/publications/zip';
import { siteOrigin } from '@/lib/site-url';
import { publicCacheControl } from '@/lib/releases/cache-control';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; year: string; format: string }> },
) {
  const { locale, year: rawYear, format } = await params;
  const year = parseYear(rawYear);
  const rawVersion = new URL(request.url).searchParams.get('version');
  const version = rawVersion && /^[1-9]\d{0,3}$/.test(rawVersion) ? Number(rawVersion) : undefined;
  if (
    !isLocale(locale) ||
    !year ||
    (format !== 'csv' && format !== 'xlsx' && format !== 'zip') ||
    (rawVersion && !version)
  ) {
    return errorResponse(404, 'not_found', 'no such download');
  }
  const publication = await cachedPublication(year, version);
  if (!publication) return errorResponse(404, 'not_found', 'no such published year or version');
  const name = `klyngeregnskab-${year}-v${publication.version}-${locale}`;
  const names = await cachedPublicNames();
  if (format === 'zip') {
    return cachedResponse(request, accountsZip(publication, siteOrigin(), names), {
      contentType: 'application/zip',
      filename: zipFileName(publication),
      cacheControl: await publicCacheControl(),
    });
  }
  if (format === 'csv') {
    return cachedResponse(request, accountsCsvForDownload(publication, locale, names), {
      contentType: 'text/csv; charset=utf-8',
      filename: `${name}.csv`,
    });
  }
  return cachedResponse(request, new Uint8Array(await accountsWorkbook(publication, locale, names)), {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${name}.xlsx`,
  });
}
