'use server';
// The release calendar's forms (lib/releases/schedule.ts through lib/actions/form.ts).
import { revalidatePath, updateTag } from 'next/cache';
import { formAction } from '@/lib/actions/form';
import { formatDateTime } from '@/lib/format';
import type { JobSender } from '@/lib/jobs/job';
import { appJobSender } from '@/lib/jobs/server';
import { RELEASES_TAG } from './cached';
import { cancelRelease, moveRelease, scheduleRelease } from './schedule';

/** The server's job runner, started when the first job is queued. */
const appJobs: JobSender = {
  send: async (definition, data, options) => (await appJobSender()).send(definition, data, options),
};

function refresh() {
  // the calendar page, the API and the Cache-Control of every public answer read the calendar
  updateTag(RELEASES_TAG);
  revalidatePath('/[locale]/admin', 'layout');
}

export const scheduleReleaseAction = formAction(scheduleRelease(appJobs), {
  refresh,
  done: ({ year, version, scheduledAt }, { locale }) => ({
    message: {
      key: 'statistics.admin.scheduled',
      values: { year, version, at: formatDateTime(scheduledAt, locale) },
    },
  }),
});

export const moveReleaseAction = formAction(moveRelease(appJobs), {
  refresh,
  done: ({ scheduledAt }, { locale }) => ({
    message: { key: 'statistics.admin.moved', values: { at: formatDateTime(scheduledAt, locale) } },
  }),
});

export const cancelReleaseAction = formAction(cancelRelease, {
  refresh,
  done: () => ({ message: 'statistics.admin.cancelled' }),
});
