'use server';
// The conversation's forms (lib/conversation/mutations.ts through lib/actions/form.ts): both
// sides' pages show the new message when the answer comes back.
import { revalidatePath } from 'next/cache';
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { answerSecretariat, writeToOrganisation } from './mutations';

function refreshBothSides() {
  revalidatePath('/[locale]/portal', 'layout');
  refreshAdminPages();
}

export const answerSecretariatAction = formAction(answerSecretariat, {
  refresh: refreshBothSides,
  done: () => ({ message: 'portal.conversation.sent' }),
});

export const writeToOrganisationAction = formAction(writeToOrganisation, {
  refresh: refreshBothSides,
  done: () => ({ message: 'admin.conversation.sent' }),
});
