// The addresses the app mails: a one-time link's page, in the language it was sent in, on the
// configured origin (lib/site-url.ts) — never a request's Host or X-Forwarded-* headers.
import { localePath } from '@/i18n/paths';
import type { Locale } from '@/lib/format';
import { siteUrl } from '@/lib/site-url';

/** The page a one-time link opens, in the language it was sent in. */
export function linkPath(locale: Locale, kind: 'invitation' | 'password_reset', token: string): string {
  return localePath(locale, kind === 'invitation' ? `/invitation/${token}` : `/login/nulstil/${token}`);
}

/** The mailed one-time link, absolute on the configured origin. */
export function oneTimeLink(
  locale: Locale,
  kind: 'invitation' | 'password_reset',
  token: string,
  env: Record<string, string | undefined> = process.env,
): string {
  return siteUrl(linkPath(locale, kind, token), env).href;
}
