// The app's jobs: every definition the server's runner works, with its handler. A feature adds
// its job here (issue 16's round reminders next to the scheduled releases).
import 'server-only';
import type { Database } from '@/db/client';
import { publishDueReleasesJob } from '@/lib/releases/jobs';
import { runPublishDueReleases } from '@/lib/releases/publish-due';
import { sendDueRemindersJob } from '@/lib/reminders/jobs';
import { runSendDueReminders } from '@/lib/reminders/send-due';
import { handle, type RegisteredJob } from './job';

/** What every handler of the app gets besides its data. */
export interface AppJobContext {
  db: Database;
}

export const APP_JOBS: RegisteredJob<AppJobContext>[] = [
  handle(publishDueReleasesJob, runPublishDueReleases),
  handle(sendDueRemindersJob, runSendDueReminders),
];
