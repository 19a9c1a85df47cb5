'use server';
// The catalogue's forms (lib/indicators/mutations.ts through lib/actions/form.ts).
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { addIndicator, deleteIndicator, retireIndicator, updateIndicatorTexts } from './mutations';

const saved = () => ({ message: 'admin.indicators.saved' });

export const addIndicatorAction = formAction(addIndicator, { refresh: refreshAdminPages, done: saved });

export const updateIndicatorAction = formAction(updateIndicatorTexts, {
  refresh: refreshAdminPages,
  done: saved,
});

export const retireIndicatorAction = formAction(retireIndicator, { refresh: refreshAdminPages, done: saved });

export const deleteIndicatorAction = formAction(deleteIndicator, {
  refresh: refreshAdminPages,
  done: () => ({ message: 'admin.indicators.deleted' }),
});
