import 'server-only';
// Facts about the current request that actions need: the caller's address and the site's origin.
import { headers } from 'next/headers';
import { isLocale, type Locale } from '@/lib/format';
import { clientAddress } from './client-address';

export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return clientAddress(h.get('x-forwarded-for'), h.get('x-real-ip'));
}

/** AUTH_URL when set (production), otherwise the address the request came in on. */
export async function requestBaseUrl(): Promise<string> {
  const configured = process.env.AUTH_URL?.trim();
  if (configured) return configured.replace(/\/api\/auth\/?$/, '').replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}

export function formLocale(formData: FormData): Locale {
  const value = formData.get('locale');
  return isLocale(value) ? value : 'da';
}

export interface FormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  done?: boolean;
  recoveryCodes?: string[];
  link?: string | null;
}
