'use server';
// Forms reached without a session: asking for a reset link, and setting a password through an
// invitation or reset link (lib/auth/password-reset.ts through lib/actions/form.ts). The link's
// token is the only authority.
import { localePath } from '@/i18n/paths';
import { formAction } from '@/lib/actions/form';
import { acceptPasswordResetRequest, setPasswordWithToken } from './password-reset';

export const requestResetAction = formAction(acceptPasswordResetRequest, {
  done: () => ({ message: 'auth.reset.sent' }),
});

/** The purpose is the form's, never the poster's: an invitation link cannot reset, nor the reverse. */
const setPassword = (purpose: 'invitation' | 'password_reset') =>
  formAction(setPasswordWithToken, {
    input: (fields) => ({ ...fields, purpose }),
    done: (_value, { locale }) => ({ redirect: localePath(locale, '/login?passwordSet=1') }),
  });

export const acceptInvitationAction = setPassword('invitation');

export const resetPasswordAction = setPassword('password_reset');
