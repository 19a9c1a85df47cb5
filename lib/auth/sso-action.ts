'use server';
// Starts sign-in through the optional OpenID Connect provider (lib/auth/oidc.ts decides who may).
import { signIn } from '@/auth';
import { isLocale } from '@/lib/format';
import { OIDC_PROVIDER_ID, oidcSettings } from './oidc';

export async function signInWithSsoAction(formData: FormData): Promise<void> {
  if (!oidcSettings()) return;
  const prefix = formData.get('locale') === 'en' && isLocale('en') ? '/en' : '';
  await signIn(OIDC_PROVIDER_ID, { redirectTo: `${prefix}/portal` });
}
