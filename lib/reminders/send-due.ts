import 'server-only';
// The reminders due today, sent: to the staff of every organisation that has not handed in its
// report for an open year, the set number of days before its deadline (its own, if extended) and
// after it. Each reminder is claimed first — a row whose unique key is (year, organisation,
// person, before/after, deadline), inserted or not in one statement — and only the run whose
// insert landed sends it. So several instances running the job at once, a retried run, or a run
// the hour after, never send a reminder twice; a run that dies between its claim and the mail
// leaves it claimed and unsent (shown so to the secretariat) rather than risk a second copy.
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { reminderMails, reportingYears } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import { now as clockNow } from '@/lib/clock';
import type { JobRun } from '@/lib/jobs/job';
import type { AppJobContext } from '@/lib/jobs/registry';
import { sendMail } from '@/lib/mail/send';
import { reminderRecipients, roundOverview } from '@/lib/review/queries';
import { danishDate } from '@/lib/time-zone';
import { reminderMail } from './mail';
import { dueReminder, type ReminderKind, UNSUBMITTED_STATES } from './rules';
import { readReminderSettings } from './settings';

export interface SentReminder {
  year: number;
  organisationId: number;
  email: string;
  kind: ReminderKind;
  deadline: string;
  delivery: 'smtp' | 'logged' | 'failed';
}

export async function sendDueReminders(
  db: Database,
  options: { now: Date; config?: NodeJS.ProcessEnv },
): Promise<SentReminder[]> {
  const config = options.config ?? process.env;
  const settings = await readReminderSettings(db);
  if (settings.daysBefore === null && settings.daysAfter === null) return [];
  const today = danishDate(options.now);
  const sent: SentReminder[] = [];
  const years = await db.select().from(reportingYears).where(eq(reportingYears.state, 'open'));
  for (const { year } of years) {
    const overview = await roundOverview(db, { year, today });
    if (!overview.ok) continue;
    const pending = new Map(
      overview.value.rows
        .filter((row) => (UNSUBMITTED_STATES as readonly string[]).includes(row.state))
        .map((row) => [row.organisationId, row]),
    );
    const claimed = await db
      .select({
        organisationId: reminderMails.organisationId,
        userId: reminderMails.userId,
        kind: reminderMails.kind,
        deadline: reminderMails.deadline,
      })
      .from(reminderMails)
      .where(eq(reminderMails.year, year));
    const claimedFor = (organisationId: number, userId: number, deadline: string) =>
      new Set(
        claimed
          .filter(
            (row) =>
              row.organisationId === organisationId && row.userId === userId && row.deadline === deadline,
          )
          .map((row) => row.kind),
      );
    const sentThisYear: SentReminder[] = [];
    for (const person of await reminderRecipients(db, [...pending.keys()])) {
      const row = pending.get(person.organisationId);
      if (!row) continue;
      const kind = dueReminder({
        state: row.state,
        deadline: row.deadline,
        today,
        settings,
        sent: claimedFor(person.organisationId, person.userId, row.deadline),
      });
      if (!kind) continue;
      const [claim] = await db
        .insert(reminderMails)
        .values({
          year,
          organisationId: person.organisationId,
          userId: person.userId,
          email: person.email,
          kind,
          deadline: row.deadline,
          claimedAt: options.now,
        })
        .onConflictDoNothing()
        .returning({ id: reminderMails.id });
      // another run claimed it first: that run sends it
      if (!claim) continue;
      const { delivered } = await sendMail(
        reminderMail(
          {
            to: person.email,
            name: person.name,
            organisation: person.organisation,
            slug: person.slug,
            year,
            deadline: row.deadline,
            kind,
          },
          config,
        ),
        config,
      );
      const delivery = delivered ? 'smtp' : config.SMTP_URL?.trim() ? 'failed' : 'logged';
      await db
        .update(reminderMails)
        .set({ sentAt: new Date(), delivery })
        .where(eq(reminderMails.id, claim.id));
      sentThisYear.push({
        year,
        organisationId: person.organisationId,
        email: person.email,
        kind,
        deadline: row.deadline,
        delivery,
      });
    }
    if (sentThisYear.length > 0) {
      await recordAuditEvent(db, {
        action: 'round.remind_auto',
        entityType: 'reporting_year',
        entityId: year,
        after: {
          recipients: sentThisYear.map((entry) => entry.email),
          remindedBefore: sentThisYear.filter((entry) => entry.kind === 'before').length,
          remindedAfter: sentThisYear.filter((entry) => entry.kind === 'after').length,
        },
      });
    }
    sent.push(...sentThisYear);
  }
  return sent;
}

/** The job's handler in the server: the app's clock and configuration. */
export async function runSendDueReminders(_data: Record<string, never>, run: JobRun<AppJobContext>) {
  await sendDueReminders(run.context.db, { now: clockNow() });
}
