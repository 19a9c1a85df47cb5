'use server';
// The account page's actions: thin — resolve the actor, call lib/users/account.ts, revalidate.
// Each runs inside withDatabaseAvailability: a stopped database gives the form the typed "nothing
// was saved, try again" message instead of an error page.
import { revalidatePath } from 'next/cache';
import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { translate } from '@/i18n/messages';
import { type FormState, formLocale } from '@/lib/auth/request';
import { getActor } from '@/lib/auth/session';
import { withDatabaseAvailability } from '@/lib/database-unavailable';
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
  const input = {
    current: String(formData.get('current') ?? ''),
    password: String(formData.get('password') ?? ''),
    confirmation: String(formData.get('confirmation') ?? ''),
  };
  const result = await withDatabaseAvailability(locale, async () =>
    changePassword(await getDb(), await getActor(), input, locale),
  );
  return failure(result) ?? { done: true, message: translate(locale, 'auth.account.passwordChanged') };
}

export async function startTotpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const result = await withDatabaseAvailability(locale, async () =>
    startTotpEnrolment(await getDb(), await getActor(), locale),
  );
  if (!result.ok) return failure(result)!;
  revalidatePath('/[locale]/konto', 'page');
  return { done: true };
}

export async function confirmTotpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const code = String(formData.get('code') ?? '');
  const result = await withDatabaseAvailability(locale, async () =>
    confirmTotpEnrolment(await getDb(), await getActor(), { code }, locale),
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
  const code = String(formData.get('code') ?? '');
  const result = await withDatabaseAvailability(locale, async () =>
    regenerateRecoveryCodes(await getDb(), await getActor(), { code }, locale),
  );
  if (!result.ok) return failure(result)!;
  return { done: true, recoveryCodes: result.value.recoveryCodes };
}

export async function logOutEverywhereAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const result = await withDatabaseAvailability(locale, async () =>
    logOutEverywhere(await getDb(), await getActor()),
  );
  if (!result.ok) return failure(result)!;
  await signOut({ redirectTo: locale === 'en' ? '/en/login' : '/login' });
  return { done: true };
}
