// The release job's definition (its handler is in publish-due.ts). One job, "publish what is
// due": sent for the minute of every release when it is announced or moved, and run every minute
// by cron as a backstop (a release whose job was lost, an instance down at the minute). Polling
// each second puts a due release out within about a second of its minute.
import { z } from 'zod';
import { defineJob } from '@/lib/jobs/job';

export const publishDueReleasesJob = defineJob({
  name: 'releases.publish-due',
  data: z.object({}).strict(),
  pollingIntervalSeconds: 1,
  // an exception (the database went away) is tried again soon;
  // a release that cannot be published (a typed failure) is recorded on it instead
  retry: { limit: 10, delaySeconds: 5, backoff: true },
  expireInSeconds: 120,
  cron: { expression: '* * * * *', data: {} },
});
