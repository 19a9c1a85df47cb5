'use server';
// The round's forms (lib/review/mutations.ts through lib/actions/form.ts).
import { localePath } from '@/i18n/paths';
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import {
  approveSubmission,
  bulkApproveWithoutWarnings,
  extendDeadline,
  flagValue,
  returnSubmission,
  sendReminders,
} from './mutations';

// the approve and return forms go away with the new state: the review page itself tells the outcome
const backToReview = (done: 'approved' | 'returned') =>
  formAction(done === 'approved' ? approveSubmission : returnSubmission, {
    refresh: refreshAdminPages,
    done: (_value, { fields, locale }) => ({
      redirect: localePath(locale, `/admin/indberetning/${fields.submissionId}?done=${done}`),
    }),
  });

export const approveAction = backToReview('approved');

export const returnAction = backToReview('returned');

export const flagAction = formAction(flagValue, {
  refresh: refreshAdminPages,
  done: () => ({ message: 'admin.form.saved' }),
});

export const bulkApproveAction = formAction(bulkApproveWithoutWarnings, {
  refresh: refreshAdminPages,
  done: ({ approved, skipped }) => ({
    message: {
      key: 'admin.overview.bulkApproved',
      values: { approved: approved.length, skipped: skipped.length },
    },
  }),
});

export const extendDeadlineAction = formAction(extendDeadline, {
  refresh: refreshAdminPages,
  done: ({ deadline }) => ({ message: { key: 'admin.overview.extended_ok', values: { deadline } } }),
});

export const remindAction = formAction(sendReminders, {
  done: ({ sent }) => ({
    message: { key: 'admin.overview.remindSent', values: { count: sent.length } },
    lines: [
      ...(sent.some((entry) => entry.delivery === 'logged') ? ['admin.overview.remindLogged'] : []),
      ...sent.map(({ email, organisation }) => ({
        key: 'admin.overview.remindRecipient',
        values: { email, organisation },
      })),
    ],
  }),
});
