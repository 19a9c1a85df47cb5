// The secretariat's audit log as CSV: the page's filters (?user, organisation, action, from, to)
// and ?locale=da|en for the language of its labels (Danish by default).
import { exportAuditLogForRequest } from '@/lib/audit/export';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const url = new URL(request.url);
  const query = Object.fromEntries(url.searchParams.entries());
  const result = await exportAuditLogForRequest({ query, locale: query.locale === 'en' ? 'en' : 'da' });
  if (!result.ok) {
    const status = result.kind === 'forbidden' ? 403 : 400;
    return Response.json({ error: result.message }, { status });
  }
  return new Response(result.value.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${result.value.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
