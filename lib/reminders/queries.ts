import 'server-only';
// What the secretariat sees of the automatic reminders: the setting, the open years with the days
// their reminders go out, and every reminder sent (or claimed and not sent), newest first.
import { desc, eq } from 'drizzle-orm';
import { organisations, reminderMails, reportingYears } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { ok, type Result } from '@/lib/result';
import { isYearNumber } from '@/lib/validation/input';
import { type ReminderSettings, reminderDays } from './rules';
import { readReminderSettings } from './settings';

/** The page lists this many reminders; the count says how many there are in all. */
export const REMINDERS_SHOWN = 500;

export interface ReminderYear {
  year: number;
  deadline: string;
  before: string | null;
  after: string | null;
}

export interface ReminderRow {
  id: number;
  year: number;
  organisation: string;
  email: string;
  kind: 'before' | 'after';
  deadline: string;
  claimedAt: Date;
  sentAt: Date | null;
  delivery: 'smtp' | 'logged' | 'failed' | null;
}

export interface RemindersPage {
  settings: ReminderSettings;
  openYears: ReminderYear[];
  /** the year the list shows; null: every year */
  year: number | null;
  years: number[];
  reminders: ReminderRow[];
}

export const getRemindersPage = adminQuery(
  'round.remind_read',
  async ({ db }, input: { year?: string }): Promise<Result<RemindersPage>> => {
    const settings = await readReminderSettings(db);
    const allYears = await db.select().from(reportingYears).orderBy(desc(reportingYears.year));
    const asked = Number(input.year);
    const year = isYearNumber(asked) && allYears.some((row) => row.year === asked) ? asked : null;
    const reminders = await db
      .select({
        id: reminderMails.id,
        year: reminderMails.year,
        organisation: organisations.name,
        email: reminderMails.email,
        kind: reminderMails.kind,
        deadline: reminderMails.deadline,
        claimedAt: reminderMails.claimedAt,
        sentAt: reminderMails.sentAt,
        delivery: reminderMails.delivery,
      })
      .from(reminderMails)
      .innerJoin(organisations, eq(organisations.id, reminderMails.organisationId))
      .where(year === null ? undefined : eq(reminderMails.year, year))
      .orderBy(desc(reminderMails.claimedAt), desc(reminderMails.id))
      .limit(REMINDERS_SHOWN);
    return ok({
      settings,
      openYears: allYears
        .filter((row) => row.state === 'open')
        .map((row) => ({ year: row.year, deadline: row.deadline, ...reminderDays(row.deadline, settings) })),
      year,
      years: allYears.map((row) => row.year),
      reminders,
    });
  },
);

/** The reminders page: this request's database and actor. */
export const readRemindersPage = forRequest(getRemindersPage);
