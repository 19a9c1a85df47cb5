// Expiring public caches from outside a request: a scheduled job, a script in the server process.
// Next's revalidateTag needs a request or an action around it; this reaches the same cache (the
// expiry manifest Next's cache reads) directly and, when instances share expiries (REDIS_URL), every
// other instance too. Inside actions keep using updateTag/revalidatePath: they end up here as well,
// through lib/cache/handler.mjs.
import 'server-only';
import { NEXT_CACHE_IMPLICIT_TAG_ID } from 'next/dist/lib/constants';
import { cacheCoordinator } from './coordinator.mjs';

/** Expires `tags` in this instance at once and publishes the expiry to every other instance. */
export async function expireCachedTags(tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await cacheCoordinator().expire(tags, undefined);
}

/**
 * The tag `revalidatePath(route, 'layout')` expires: every page rendered under that layout carries
 * it (Next's implicit tags). `route` as the app directory names it, e.g. '/[locale]'.
 */
export function layoutTag(route: string): string {
  return `${NEXT_CACHE_IMPLICIT_TAG_ID}${route === '/' ? '' : route.replace(/\/$/, '')}/layout`;
}

/** Whether this instance shares expiries with others and is in sync with them right now. */
export function cacheCoordinationStatus(): { shared: boolean; inSync: boolean } {
  const { shared, inSync } = cacheCoordinator().status();
  return { shared, inSync };
}
