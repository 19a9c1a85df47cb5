// The reminder job's definition (its handler is in send-due.ts). One job, "send the reminders that
// are due": run by cron each hour of the working day in Danish time, so a reminder reaches people
// in office hours and an instance down at one hour is made up for at the next. Every run is
// idempotent (send-due.ts claims each reminder before sending it).
import { z } from 'zod';
import { defineJob } from '@/lib/jobs/job';

export const sendDueRemindersJob = defineJob({
  name: 'round.send-due-reminders',
  data: z.object({}).strict(),
  pollingIntervalSeconds: 5,
  // an exception (the database went away) is tried again; a mail server that refuses one mail is
  // recorded on that reminder (delivery `failed`), not retried into a second copy
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  expireInSeconds: 600,
  cron: { expression: '0 8-17 * * 1-5', data: {} },
});
