'use server';
// The account page's forms (lib/users/account.ts through lib/actions/form.ts).
import { revalidatePath } from 'next/cache';
import { signOut } from '@/auth';
import { localePath } from '@/i18n/paths';
import { type Done, formAction } from '@/lib/actions/form';
import { keepThisSession } from '@/lib/auth/keep-session';
import {
  changePassword,
  confirmTotpEnrolment,
  logOutEverywhere,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from './account';

export interface AccountData {
  /** shown once, after enrolling or renewing */
  recoveryCodes?: string[];
}

const refreshAccountPage = () => revalidatePath('/[locale]/konto', 'page');

export const changePasswordAction = formAction(changePassword, {
  // every other session has ended; this one carries on at the new session version. The page is
  // loaded afresh (a redirect), since this request still carries the cookie of the old version.
  refresh: async ({ sessionVersion }, _fields, _locale, actor) => {
    if (actor) await keepThisSession(actor.userId, sessionVersion);
  },
  done: (_value, { locale }) => ({ redirect: localePath(locale, '/konto?passwordChanged=1') }),
});

export const startTotpAction = formAction(startTotpEnrolment, {
  refresh: refreshAccountPage,
});

export const confirmTotpAction = formAction(confirmTotpEnrolment, {
  refresh: refreshAccountPage,
  done: ({ recoveryCodes }): Done<AccountData> => ({
    message: 'auth.account.totpEnabled',
    data: { recoveryCodes },
  }),
});

export const regenerateRecoveryCodesAction = formAction(regenerateRecoveryCodes, {
  done: ({ recoveryCodes }): Done<AccountData> => ({ data: { recoveryCodes } }),
});

export const logOutEverywhereAction = formAction(logOutEverywhere, {
  // this session ends too: off to the sign-in page
  refresh: (_value, _fields, locale) => signOut({ redirectTo: localePath(locale, '/login') }),
});
