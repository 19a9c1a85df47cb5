'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { translate } from '@/i18n/messages';
import { isLocale } from '@/lib/format';

export interface SignInState {
  error?: string;
  email?: string;
}

/** Only same-site paths: a sign-in link must not send people elsewhere. */
function safeReturnPath(value: FormDataEntryValue | null, fallback: string): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : fallback;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const locale = isLocale(formData.get('locale')) ? (formData.get('locale') as 'da' | 'en') : 'da';
  const email = String(formData.get('email') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (!email || !password) return { error: translate(locale, 'auth.login.missing'), email };
  const fallback = locale === 'en' ? '/en/portal' : '/portal';
  try {
    await signIn('credentials', {
      email,
      password,
      redirectTo: safeReturnPath(formData.get('callbackUrl'), fallback),
    });
  } catch (error) {
    if (error instanceof AuthError) return { error: translate(locale, 'auth.login.failed'), email };
    throw error; // the redirect after a successful sign-in
  }
  return {};
}
