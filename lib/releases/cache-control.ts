// How long a public answer may be kept: until the next scheduled release at most, so no browser
// or proxy holds the old answer (or the 404 of a year not yet out) past the release minute.
import { now } from '@/lib/clock';
import { cacheControlUntil } from '@/lib/publications/http';
import { cachedCalendar } from './cached';
import { nextReleaseAt } from './read';

export async function publicCacheControl(): Promise<string> {
  const at = now();
  return cacheControlUntil(nextReleaseAt(await cachedCalendar(), at), at);
}

/** For a 404: short as before (a minute), and shorter still before a release. */
export async function notFoundCacheControl(): Promise<string> {
  const at = now();
  const next = nextReleaseAt(await cachedCalendar(), at);
  const seconds = next ? Math.max(0, Math.floor((next.getTime() - at.getTime()) / 1000)) : 60;
  return `public, max-age=${Math.min(60, seconds)}`;
}
