import 'server-only';
// Facts about the current request that actions need: the caller's address (decided by the
// server's request hook from the socket, never from a header the client wrote) and the locale.
import { headers } from 'next/headers';
import { isLocale, type Locale } from '@/lib/format';
import { requestSeal } from '@/lib/request-hooks';
import { CLIENT_ADDRESS_HEADER, openClientAddress } from './client-address';

export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return openClientAddress(h.get(CLIENT_ADDRESS_HEADER), requestSeal());
}

export function formLocale(formData: FormData): Locale {
  const value = formData.get('locale');
  return isLocale(value) ? value : 'da';
}
