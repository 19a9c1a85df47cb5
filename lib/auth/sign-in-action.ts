'use server';
// The sign-in form's action, in two steps: email and password, then — for users with a second
// factor — the six-digit code (or a recovery code). Both steps go through the database-backed
// throttle; only when everything checked out is a short-lived ticket handed to Auth.js.
import { cookies } from 'next/headers';
import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { getDb } from '@/db/client';
import { localePath } from '@/i18n/paths';
import type { FormState } from '@/lib/actions/form-state';
import { translateMessage } from '@/lib/actions/messages';
import { withDatabaseAvailability } from '@/lib/database-unavailable';
import type { Locale } from '@/lib/format';
import type { Message } from '@/lib/result';
import { siteIsHttps } from '@/lib/site-url';
import { checkPassword, checkSecondFactor, type VerifiedUser } from './credentials';
import { clientIp, formLocale } from './request';
import { createTicket, readTicket } from './ticket';
import { waitMessage } from './wait-message';

export interface SignInData {
  step: 'password' | 'second_factor';
}

export type SignInState = FormState<SignInData>;

/** A refused step: the message (under `field` when it is one field's), the step to show, the email kept. */
function refused(
  locale: Locale,
  step: SignInData['step'],
  message: Message,
  field?: 'email' | 'password' | 'code',
  email?: string,
): SignInState {
  const text = translateMessage(locale, message);
  return {
    status: 'error',
    message: text,
    ...(field ? { fieldErrors: { [field]: [text] } } : {}),
    ...(email === undefined ? {} : { values: { email } }),
    data: { step },
  };
}

const PENDING_COOKIE = 'kr-pending-second-factor';
const PENDING_SECONDS = 5 * 60;

/** Only same-site paths: a sign-in link must not send people elsewhere. */
function safeReturnPath(value: FormDataEntryValue | null): string | null {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : null;
}

async function finish(
  user: VerifiedUser,
  method: 'password' | 'password+totp' | 'password+recovery',
  locale: Locale,
  formData: FormData,
) {
  const fallback = localePath(locale, user.role === 'admin' ? '/admin' : '/portal');
  const ticket = createTicket(
    { purpose: 'sign-in', userId: user.id, sessionVersion: user.sessionVersion, method },
    60,
  );
  await signIn('credentials', {
    ticket,
    redirectTo: safeReturnPath(formData.get('callbackUrl')) ?? fallback,
  });
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const locale = formLocale(formData);
  const db = await getDb();
  const ip = await clientIp();
  const jar = await cookies();
  try {
    if (formData.get('step') === 'second_factor') {
      const pending = readTicket(jar.get(PENDING_COOKIE)?.value, 'pending-second-factor');
      if (!pending) return refused(locale, 'password', 'auth.login.secondFactorExpired');
      const code = String(formData.get('code') ?? '').trim();
      if (!code) return refused(locale, 'second_factor', 'auth.login.codeMissing', 'code');
      const result = await withDatabaseAvailability(() =>
        checkSecondFactor(db, {
          userId: pending.userId,
          sessionVersion: pending.sessionVersion,
          pending: pending.pending ?? '',
          code,
          ip,
        }),
      );
      // the database went away: "nothing was saved, try again", on the same step
      if ('ok' in result) return refused(locale, 'second_factor', result.message, 'code');
      if (result.kind === 'throttled')
        return refused(locale, 'second_factor', waitMessage(result.seconds), 'code');
      if (result.kind === 'expired') {
        jar.delete(PENDING_COOKIE);
        return refused(locale, 'password', 'auth.login.secondFactorExpired');
      }
      if (result.kind === 'failed') return refused(locale, 'second_factor', 'auth.login.codeWrong', 'code');
      jar.delete(PENDING_COOKIE);
      await finish(result.user, result.method, locale, formData);
      return { status: 'ok' };
    }

    const email = String(formData.get('email') ?? '').trim();
    const password = String(formData.get('password') ?? '');
    if (!email || !password)
      return refused(locale, 'password', 'auth.login.missing', email ? 'password' : 'email', email);
    const result = await withDatabaseAvailability(() => checkPassword(db, { email, password, ip }));
    if ('ok' in result) return refused(locale, 'password', result.message, undefined, email);
    if (result.kind === 'throttled')
      return refused(locale, 'password', waitMessage(result.seconds), 'email', email);
    if (result.kind === 'failed') return refused(locale, 'password', 'auth.login.failed', 'email', email);
    if (result.kind === 'second_factor') {
      jar.set(
        PENDING_COOKIE,
        createTicket(
          {
            purpose: 'pending-second-factor',
            userId: result.user.id,
            sessionVersion: result.user.sessionVersion,
            method: 'password',
            pending: result.pending,
          },
          PENDING_SECONDS,
        ),
        {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          maxAge: PENDING_SECONDS,
          secure: siteIsHttps(),
        },
      );
      return { status: 'idle', values: { email }, data: { step: 'second_factor' } };
    }
    await finish(result.user, 'password', locale, formData);
    return { status: 'ok' };
  } catch (error) {
    if (error instanceof AuthError) return refused(locale, 'password', 'auth.login.failed');
    throw error; // the redirect after a successful sign-in
  }
}
