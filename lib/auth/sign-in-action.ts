'use server';
// The sign-in form's action, in two steps: email and password, then — for users with a second
// factor — the six-digit code (or a recovery code). Both steps go through the database-backed
// throttle; only when everything checked out is a short-lived ticket handed to Auth.js.
import { cookies, headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { getDb } from '@/db/client';
import { translate } from '@/i18n/messages';
import { withDatabaseAvailability } from '@/lib/database-unavailable';
import { isLocale, type Locale } from '@/lib/format';
import { checkPassword, checkSecondFactor, type VerifiedUser } from './credentials';
import { createTicket, readTicket } from './ticket';
import { clientIp } from './request';

export interface SignInState {
  step?: 'password' | 'second_factor';
  error?: string;
  /** which field the error belongs to, for aria-describedby */
  errorField?: 'email' | 'password' | 'code';
  email?: string;
}

const PENDING_COOKIE = 'kr-pending-second-factor';
const PENDING_SECONDS = 5 * 60;

/** Only same-site paths: a sign-in link must not send people elsewhere. */
function safeReturnPath(value: FormDataEntryValue | null): string | null {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : null;
}

async function secureCookies(): Promise<boolean> {
  const h = await headers();
  return h.get('x-forwarded-proto') === 'https' || (process.env.AUTH_URL ?? '').startsWith('https:');
}

function waitMessage(locale: Locale, seconds: number): string {
  return seconds > 90
    ? translate(locale, 'auth.login.lockedMinutes', { minutes: Math.ceil(seconds / 60) })
    : translate(locale, 'auth.login.slowedSeconds', { seconds });
}

async function finish(
  user: VerifiedUser,
  method: 'password' | 'password+totp' | 'password+recovery',
  locale: Locale,
  formData: FormData,
) {
  const prefix = locale === 'en' ? '/en' : '';
  const fallback = user.role === 'admin' ? `${prefix}/admin` : `${prefix}/portal`;
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
  const locale: Locale = isLocale(formData.get('locale')) ? (formData.get('locale') as Locale) : 'da';
  const db = await getDb();
  const ip = await clientIp();
  const jar = await cookies();
  try {
    if (formData.get('step') === 'second_factor') {
      const pending = readTicket(jar.get(PENDING_COOKIE)?.value, 'pending-second-factor');
      if (!pending) return { step: 'password', error: translate(locale, 'auth.login.secondFactorExpired') };
      const code = String(formData.get('code') ?? '').trim();
      if (!code) {
        return {
          step: 'second_factor',
          error: translate(locale, 'auth.login.codeMissing'),
          errorField: 'code',
        };
      }
      const result = await withDatabaseAvailability(locale, () =>
        checkSecondFactor(db, {
          userId: pending.userId,
          sessionVersion: pending.sessionVersion,
          code,
          ip,
        }),
      );
      // the database went away: "nothing was saved, try again", on the same step
      if ('ok' in result) return { step: 'second_factor', error: result.message, errorField: 'code' };
      if (result.kind === 'throttled') {
        return { step: 'second_factor', error: waitMessage(locale, result.seconds), errorField: 'code' };
      }
      if (result.kind === 'failed') {
        return {
          step: 'second_factor',
          error: translate(locale, 'auth.login.codeWrong'),
          errorField: 'code',
        };
      }
      jar.delete(PENDING_COOKIE);
      await finish(result.user, result.method, locale, formData);
      return {};
    }

    const email = String(formData.get('email') ?? '').trim();
    const password = String(formData.get('password') ?? '');
    if (!email || !password) {
      return {
        step: 'password',
        error: translate(locale, 'auth.login.missing'),
        errorField: email ? 'password' : 'email',
        email,
      };
    }
    const result = await withDatabaseAvailability(locale, () => checkPassword(db, { email, password, ip }));
    if ('ok' in result) return { step: 'password', error: result.message, email };
    if (result.kind === 'throttled') {
      return { step: 'password', error: waitMessage(locale, result.seconds), errorField: 'email', email };
    }
    if (result.kind === 'failed') {
      return { step: 'password', error: translate(locale, 'auth.login.failed'), errorField: 'email', email };
    }
    if (result.kind === 'second_factor') {
      jar.set(
        PENDING_COOKIE,
        createTicket(
          {
            purpose: 'pending-second-factor',
            userId: result.user.id,
            sessionVersion: result.user.sessionVersion,
            method: 'password',
          },
          PENDING_SECONDS,
        ),
        {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          maxAge: PENDING_SECONDS,
          secure: await secureCookies(),
        },
      );
      return { step: 'second_factor', email };
    }
    await finish(result.user, 'password', locale, formData);
    return {};
  } catch (error) {
    if (error instanceof AuthError)
      return { step: 'password', error: translate(locale, 'auth.login.failed') };
    throw error; // the redirect after a successful sign-in
  }
}
