'use server';
// Forms reached without a session: asking for a reset link, and setting a password through an
// invitation or reset link. The link's token is the only authority.
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { translate } from '@/i18n/messages';
import { withDatabaseAvailability } from '@/lib/database-unavailable';
import { requestPasswordReset, setPasswordWithToken } from './password-reset';
import { clientIp, type FormState, formLocale, requestBaseUrl } from './request';

export async function requestResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const email = String(formData.get('email') ?? '');
  const [ip, baseUrl] = [await clientIp(), await requestBaseUrl()];
  const result = await withDatabaseAvailability(locale, async () =>
    requestPasswordReset(await getDb(), { email, ip }, { baseUrl, locale }),
  );
  if (!result.ok)
    return { message: result.message, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : undefined };
  return { done: true, message: translate(locale, 'auth.reset.sent') };
}

async function setPassword(purpose: 'invitation' | 'password_reset', formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const input = {
    token: String(formData.get('token') ?? ''),
    password: String(formData.get('password') ?? ''),
    confirmation: String(formData.get('confirmation') ?? ''),
    purpose,
    ip: await clientIp(),
  };
  const result = await withDatabaseAvailability(locale, async () =>
    setPasswordWithToken(await getDb(), input, locale),
  );
  if (!result.ok)
    return { message: result.message, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : undefined };
  redirect(`${locale === 'en' ? '/en' : ''}/login?passwordSet=1`);
}

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return setPassword('invitation', formData);
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return setPassword('password_reset', formData);
}
