'use server';
// The reminder setting's form (settings.ts through lib/actions/form.ts).
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { configureReminders } from './settings';

export const configureRemindersAction = formAction(configureReminders, {
  refresh: refreshAdminPages,
  done: () => ({ message: 'reminders.saved' }),
});
