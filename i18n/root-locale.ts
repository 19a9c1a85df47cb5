// The language of the address being answered, for the files that get no params: not-found.tsx.
// next-intl's getLocale() there falls back to reading request headers, which turns a cached page
// into a per-request one and fails its 404; the root param is read from the route itself.
import { locale } from 'next/root-params';
import { isLocale, type Locale } from '@/lib/format';

export async function rootLocale(): Promise<Locale> {
  const value: unknown = await locale();
  return isLocale(value) ? value : 'da';
}
