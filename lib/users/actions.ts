'use server';
// The secretariat's user forms (lib/users/mutations.ts through lib/actions/form.ts).
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { failureState } from '@/lib/actions/messages';
import { changeUser, invitePerson } from './mutations';

export const inviteUserAction = formAction(invitePerson, {
  lists: ['organisationIds'],
  refresh: refreshAdminPages,
  // a taken address is told under the email field; the summary asks to correct the marked field
  failure: (failure, state, locale) =>
    failure.kind === 'conflict'
      ? {
          ...state,
          message: failureState({ ...failure, message: 'admin.errors.invalid_input' }, locale).message,
        }
      : state,
  // issue 3's invitation: the one-time link is mailed when SMTP_URL is set; otherwise it is shown
  // here for the secretariat to copy
  done: ({ email, link, delivered }) => ({
    message: 'admin.users.invited',
    lines: [
      { key: delivered ? 'admin.users.invitationMailed' : 'admin.users.invitationLink', values: { email } },
    ],
    verbatim: delivered ? [] : [link],
  }),
});

export const changeUserAction = formAction(changeUser, {
  lists: ['organisationIds'],
  input: ({ userId, change, role, organisationIds }) => ({
    userId,
    change: { kind: change, role, organisationIds },
  }),
  refresh: refreshAdminPages,
  done: () => ({ message: 'admin.users.changed' }),
});
