// A release minute and the front's micro-cache. nginx (deploy/nginx) keeps a public answer for
// "1s", counted in whole seconds of its clock, so for up to two, and it ignores the app's
// Cache-Control: an answer made in the last second or two before a release would still be served
// as fresh after the minute. `X-Accel-Expires` is the header it obeys. An answer made from
// FRONT_LEAD_MS before a release until FRONT_SETTLE_MS after the release is no longer due goes out
// with `X-Accel-Expires: @1` (expired since 1970): nginx stores it and serves it while it fetches a
// newer one (stale-while-updating, one fetch per URL at a time), never as fresh, so the front has
// the release one fetch after the instances do. Not `0`: an answer nginx may not store at all
// leaves the requests behind its cache lock waiting in half-second steps.
//
// Each instance asks the database for the next release's minute once a second, and compares it with
// the app's clock (lib/clock) as the release job does. The settling time covers the job's expiry
// reaching every instance and the coordinator's second expiry (lib/cache/coordinator.mjs SETTLE_MS).
import type { Database } from '@/db/client';
import { now } from '@/lib/clock';
import { nextDueReleaseAt } from './read';

/** nginx's one second of caching, in whole seconds of its clock: at most two */
export const FRONT_LEAD_MS = 2000;
/** lib/cache/coordinator.mjs SETTLE_MS: after it, no instance serves what it rendered before the release */
export const FRONT_SETTLE_MS = 3000;
const WATCH_INTERVAL_MS = 1000;

/** The header nginx reads before it stores an answer (and never passes on to the reader). */
export const FRONT_EXPIRED_HEADER = { name: 'X-Accel-Expires', value: '@1' } as const;

export interface ReleaseWatch {
  /** the next release the job will publish by itself (ms since 1970 by the app's clock), or null */
  nextDueAt: number | null;
  /** performance.now() when a release was last found due or about to be */
  lastImminentAt: number;
}

export function newReleaseWatch(): ReleaseWatch {
  return { nextDueAt: null, lastImminentAt: Number.NEGATIVE_INFINITY };
}

/**
 * Whether an answer made at `at` (the app's clock) may be kept as fresh by the front; `monotonic` is
 * performance.now(). Remembers a release found due or about to be, so that answers stay unkept
 * until FRONT_SETTLE_MS after it left the calendar.
 */
export function frontMayKeep(watch: ReleaseWatch, at: number, monotonic: number): boolean {
  if (watch.nextDueAt !== null && watch.nextDueAt - at < FRONT_LEAD_MS) {
    watch.lastImminentAt = monotonic;
    return false;
  }
  return monotonic - watch.lastImminentAt >= FRONT_SETTLE_MS;
}

type Watched = ReleaseWatch & { timer?: NodeJS.Timeout; refreshing?: boolean };
const shared = globalThis as typeof globalThis & { __klyngeregnskabReleaseWatch?: Watched };

/** This process's watch (what the request hooks read; tests set it). */
export function processReleaseWatch(): Watched {
  shared.__klyngeregnskabReleaseWatch ??= newReleaseWatch();
  return shared.__klyngeregnskabReleaseWatch;
}

/** For the answer being sent now (lib/request-hooks.ts): may the front keep it as fresh? */
export function frontMayKeepAnswerNow(): boolean {
  return frontMayKeep(processReleaseWatch(), now().getTime(), performance.now());
}

/** Reads the next release's minute now and then once a second, for this process (started once). */
export async function watchReleases(db: Database): Promise<void> {
  const watch = processReleaseWatch();
  if (watch.timer) return;
  const refresh = async () => {
    if (watch.refreshing) return;
    watch.refreshing = true;
    try {
      const next = await nextDueReleaseAt(db);
      watch.nextDueAt = next ? next.getTime() : null;
      // a release due between two answers still counts for the settling time after it
      frontMayKeep(watch, now().getTime(), performance.now());
    } catch {
      // the database away: keep what was known (the pages are served from the caches meanwhile)
    } finally {
      watch.refreshing = false;
    }
  };
  await refresh();
  watch.timer = setInterval(refresh, WATCH_INTERVAL_MS);
  watch.timer.unref();
}
