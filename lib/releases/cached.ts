// The calendar through Next's data cache: announcing, moving or cancelling updates the tag, and
// the release job expires it at the minute (lib/cache/expire.ts).
import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { listCalendar } from './read';

export const RELEASES_TAG = 'releases';

const cachedCalendarRows = unstable_cache(
  async () => listCalendar(await getDb(), new Date(0)),
  ['releases:calendar'],
  { tags: [RELEASES_TAG] },
);

/** The calendar, with "delayed" judged now (by the app's clock), not when it was cached. */
export async function cachedCalendar() {
  const at = now();
  return (await cachedCalendarRows()).map((entry) => ({
    ...entry,
    delayed:
      entry.status === 'scheduled' &&
      entry.scheduledAt !== null &&
      Date.parse(entry.scheduledAt) <= at.getTime(),
  }));
}
