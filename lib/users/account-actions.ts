'use server';
// The account page's actions: thin — resolve the actor, call lib/users/account.ts, revalidate.
import { revalidatePath } from 'next/cache';
import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { translate } from '@/i18n/messages';
import { type FormState, formLocale } from '@/lib/auth/request';
import { getActor } from '@/lib/auth/session';
import type { Failure } from '@/lib/result';
import {
  changePassword,
  confirmTotpEnrolment,
  logOutEverywhere,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from './account';

function failure(result: { ok: true } | Failure): FormState | null {
  if (result.ok) return null;
  return { message: result.message, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : undefined };
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const result = await changePassword(
    await getDb(),
    await getActor(),
    {
      current: String(formData.get('current') ?? ''),
      password: String(formData.get('password') ?? ''),
      confirmation: String(formData.get('confirmation') ?? ''),
    },
    locale,
  );
  return failure(result) ?? { done: true, message: translate(locale, 'auth.account.passwordChanged') };
}

export async function startTotpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const result = await startTotpEnrolment(await getDb(), await getActor(), locale);
  revalidatePath('/[locale]/konto', 'page');
  return failure(result) ?? { done: true };
}

export async function confirmTotpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const result = await confirmTotpEnrolment(
    await getDb(),
    await getActor(),
    { code: String(formData.get('code') ?? '') },
    locale,
  );
  if (!result.ok) return failure(result)!;
  revalidatePath('/[locale]/konto', 'page');
  return {
    done: true,
    recoveryCodes: result.value.recoveryCodes,
    message: translate(locale, 'auth.account.totpEnabled'),
  };
}

export async function regenerateRecoveryCodesAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const locale = formLocale(formData);
  const result = await regenerateRecoveryCodes(
    await getDb(),
    await getActor(),
    { code: String(formData.get('code') ?? '') },
    locale,
  );
  if (!result.ok) return failure(result)!;
  return { done: true, recoveryCodes: result.value.recoveryCodes };
}

export async function logOutEverywhereAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const result = await logOutEverywhere(await getDb(), await getActor());
  if (!result.ok) return;
  await signOut({ redirectTo: locale === 'en' ? '/en/login' : '/login' });
}
