import 'server-only';
// The secretariat's setting for automatic reminders: how many days before the deadline and after
// it. One row (the migration makes it, with no reminders); changed by an adminAction, audited with
// what it was and what it became.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { reminderSettings } from '@/db/schema';
import { adminAction } from '@/lib/actions/define';
import { ok } from '@/lib/result';
import { wholeNumber } from '@/lib/validation/input';
import { MAX_REMINDER_DAYS, type ReminderSettings } from './rules';

export async function readReminderSettings(db: Database): Promise<ReminderSettings> {
  const [row] = await db.select().from(reminderSettings).where(eq(reminderSettings.id, 1));
  return { daysBefore: row?.daysBefore ?? null, daysAfter: row?.daysAfter ?? null };
}

/** An empty field is "no reminder on this side"; anything else a whole number in range. */
const optionalDays = (code: string, min: number) =>
  z.preprocess(
    (value) => ((typeof value === 'string' && value.trim() === '') || value == null ? null : value),
    wholeNumber(code, { min, max: MAX_REMINDER_DAYS }).nullable(),
  );

export const reminderSettingsSchema = z.object({
  // 0: on the deadline day itself
  daysBefore: optionalDays('days_before_invalid', 0),
  // 1: the first day that is late (the deadline day is still in time)
  daysAfter: optionalDays('days_after_invalid', 1),
});

export const configureReminders = adminAction(
  reminderSettingsSchema,
  async (ctx, settings) => {
    const before = await readReminderSettings(ctx.tx);
    await ctx.tx
      .insert(reminderSettings)
      .values({ id: 1, ...settings, updatedBy: ctx.actor.userId, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: reminderSettings.id,
        set: { ...settings, updatedBy: ctx.actor.userId, updatedAt: new Date() },
      });
    await ctx.audit({
      action: 'round.remind_settings',
      entityType: 'reminder_settings',
      entityId: 1,
      before: { ...before },
      after: { ...settings },
    });
    return ok(settings);
  },
  { name: 'round.remind_settings', messages: 'reminders.errors' },
);
