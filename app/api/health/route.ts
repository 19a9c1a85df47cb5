import { cacheCoordinationStatus } from '@/lib/cache/expire';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  // why the database is down goes to the log only: it may name hosts and ports
  const { databaseError, ...health } = await checkHealth();
  if (databaseError) console.error(`Health check: database down: ${databaseError}`);
  // cache: whether this instance shares cache expiries with the others and is in sync with them
  return Response.json(
    { ...health, cache: cacheCoordinationStatus() },
    {
      status: health.status === 'ok' ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
    },
  );
}
