// Download of a submission's current company list as CSV (the same columns the upload takes).
import { getActor } from '@/lib/auth/session';
import { companyListForDownload } from '@/lib/submissions/queries';
import { companyListToCsv } from '@/lib/submissions/rules';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ orgSlug: string; year: string }> },
) {
  const { orgSlug, year } = await params;
  const actor = await getActor();
  if (!actor) return new Response('Unauthorized', { status: 401 });
  // four digits or no year at all: abc, 2017.5 and 99999999999 are 404s, never a query
  if (!/^\d{4}$/.test(year)) return new Response('Not found', { status: 404 });
  const result = await companyListForDownload({ orgSlug, year: Number(year) });
  if (!result.ok) {
    const status = result.kind === 'forbidden' ? 403 : 404;
    return new Response(status === 403 ? 'Forbidden' : 'Not found', { status });
  }
  return new Response(companyListToCsv(result.value.rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${result.value.filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}
