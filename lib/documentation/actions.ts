'use server';
// The documentation form (lib/documentation/mutations.ts through lib/actions/form.ts).
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { saveDocumentationTexts } from './mutations';

export const saveDocumentationAction = formAction(saveDocumentationTexts, {
  // nothing public changes: the texts reach the public with the year's next publication
  refresh: refreshAdminPages,
  done: () => ({ message: 'statistics.documentationAdmin.saved' }),
  keepValues: true,
});
