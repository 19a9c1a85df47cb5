// Pure reminder rules (no I/O): which reminder, if any, an organisation is due on a Danish day.
// A reminder is keyed by the deadline it is about, so an extended deadline earns its own reminders
// and a deadline that stays put earns each kind once, however often the job runs.

/** The secretariat's setting: days before and after the deadline; null means no reminder on that side. */
export interface ReminderSettings {
  daysBefore: number | null;
  daysAfter: number | null;
}

export type ReminderKind = 'before' | 'after';

/** The states of those who have not handed in: they are reminded. */
export const UNSUBMITTED_STATES = ['not_started', 'draft', 'returned'] as const;

export const MAX_REMINDER_DAYS = 60;

/** A Danish calendar day (YYYY-MM-DD) moved by whole days. */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The day each kind of reminder is first due for a deadline, under the settings. */
export function reminderDays(
  deadline: string,
  settings: ReminderSettings,
): Record<ReminderKind, string | null> {
  return {
    before: settings.daysBefore === null ? null : addDays(deadline, -settings.daysBefore),
    // the deadline day is still in time: "1 day after" is the first day that is late
    after: settings.daysAfter === null ? null : addDays(deadline, settings.daysAfter),
  };
}

/**
 * The reminder an organisation is due today, if any: `before` from its day up to the deadline day,
 * `after` from its day on. A reminder already sent for this deadline is not due again.
 */
export function dueReminder(input: {
  state: string;
  deadline: string;
  today: string;
  settings: ReminderSettings;
  sent: ReadonlySet<ReminderKind>;
}): ReminderKind | null {
  if (!(UNSUBMITTED_STATES as readonly string[]).includes(input.state)) return null;
  const days = reminderDays(input.deadline, input.settings);
  if (input.today > input.deadline) {
    return days.after !== null && input.today >= days.after && !input.sent.has('after') ? 'after' : null;
  }
  return days.before !== null && input.today >= days.before && !input.sent.has('before') ? 'before' : null;
}
