// The secretariat's downloads of a year: ?kind=accounts|organisations|completeness|overlap,
// ?format=csv|xlsx, ?version=n for a published version (otherwise live figures).
import { exportForRequest } from '@/lib/exports/exports';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year } = await params;
  const url = new URL(request.url);
  const version = url.searchParams.get('version');
  const result = await exportForRequest({
    year: Number(year),
    kind: url.searchParams.get('kind') ?? 'accounts',
    format: url.searchParams.get('format') ?? 'csv',
    version: version && /^\d+$/.test(version) ? Number(version) : undefined,
    locale: url.searchParams.get('locale') === 'en' ? 'en' : 'da',
  });
  if (!result.ok) {
    const status = result.kind === 'forbidden' ? 403 : result.kind === 'not_found' ? 404 : 400;
    return Response.json({ error: result.message }, { status });
  }
  const body = typeof result.value.body === 'string' ? result.value.body : new Uint8Array(result.value.body);
  return new Response(body, {
    headers: {
      'content-type': result.value.contentType,
      'content-disposition': `attachment; filename="${result.value.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
