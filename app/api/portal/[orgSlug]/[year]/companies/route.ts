// Download of a submission's current company list as CSV (the same columns the upload takes).
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { loadCompanyListForDownload } from '@/lib/submissions/queries';
import { companyListToCsv } from '@/lib/submissions/rules';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ orgSlug: string; year: string }> },
) {
  const { orgSlug, year } = await params;
  const actor = await getActor();
  if (!actor) return new Response('Unauthorized', { status: 401 });
  const result = await loadCompanyListForDownload(await getDb(), actor, { orgSlug, year: Number(year) });
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
