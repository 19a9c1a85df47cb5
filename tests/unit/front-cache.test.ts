// When the front may keep an answer as fresh (lib/releases/front-cache.ts): not from two seconds
// before a release the job will publish, not while it is due, and not until the instances' caches
// have settled after it; and the layout tag the release job expires is the one Next's
// revalidatePath would.
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { layoutTag } from '@/lib/cache/expire';
import { FRONT_LEAD_MS, FRONT_SETTLE_MS, frontMayKeep, newReleaseWatch } from '@/lib/releases/front-cache';

const RELEASE = Date.parse('2030-03-01T09:00:00.000Z');

describe('frontMayKeep', () => {
  it('keeps answers when no release is coming, or when it is further off than two seconds', () => {
    const watch = newReleaseWatch();
    expect(frontMayKeep(watch, RELEASE, 0)).toBe(true);
    watch.nextDueAt = RELEASE;
    expect(frontMayKeep(watch, RELEASE - 60_000, 0)).toBe(true);
    expect(frontMayKeep(watch, RELEASE - FRONT_LEAD_MS, 0)).toBe(true);
  });

  it('keeps none from two seconds before the minute until the release is out and settled', () => {
    const watch = newReleaseWatch();
    watch.nextDueAt = RELEASE;
    expect(frontMayKeep(watch, RELEASE - FRONT_LEAD_MS + 1, 10_000)).toBe(false);
    expect(frontMayKeep(watch, RELEASE - 1, 10_500)).toBe(false);
    // the minute has come, the job has not published yet
    expect(frontMayKeep(watch, RELEASE + 900, 11_000)).toBe(false);
    // published: gone from the calendar, counted from the last time it was seen due
    watch.nextDueAt = null;
    expect(frontMayKeep(watch, RELEASE + 1200, 11_300)).toBe(false);
    expect(frontMayKeep(watch, RELEASE + 3900, 11_000 + FRONT_SETTLE_MS - 1)).toBe(false);
    expect(frontMayKeep(watch, RELEASE + 4000, 11_000 + FRONT_SETTLE_MS)).toBe(true);
  });

  it('measures the minute with the app’s clock and the settling with the monotonic one', () => {
    // a test clock standing still at 09:59:59 for a minute of real time: still not kept
    const watch = newReleaseWatch();
    watch.nextDueAt = RELEASE;
    expect(frontMayKeep(watch, RELEASE - 1000, 0)).toBe(false);
    expect(frontMayKeep(watch, RELEASE - 1000, 60_000)).toBe(false);
  });
});

describe('layoutTag', () => {
  it('is the tag revalidatePath(route, "layout") expires', async () => {
    // what Next's server sets up before it loads its request storage
    (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
    const { revalidatePath } = await import('next/cache');
    const { workAsyncStorage } = await import('next/dist/server/app-render/work-async-storage.external.js');
    for (const route of ['/[locale]', '/', '/[locale]/admin']) {
      const store = { incrementalCache: {}, pendingRevalidatedTags: [] as { tag: string }[] };
      workAsyncStorage.run(store as never, () => revalidatePath(route, 'layout'));
      expect(store.pendingRevalidatedTags.map((item) => item.tag)).toEqual([layoutTag(route)]);
    }
  });
});
