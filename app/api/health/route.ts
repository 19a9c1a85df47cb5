import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  // why the database is down goes to the log only: it may name hosts and ports
  const { databaseError, ...health } = await checkHealth();
  if (databaseError) console.error(`Health check: database down: ${databaseError}`);
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
