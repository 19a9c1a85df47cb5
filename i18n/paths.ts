// The one locale-path helper: Danish at /…, English at /en/… (routing.ts's `as-needed` prefix; the
// rewrite of /… to /da/… lives in next.config.mjs). Pure, so lib/, pages, route handlers and the
// browser build the same paths; next-intl's own navigation (navigation.ts) reads the same routing.
import { defaultLocale, type Locale } from '@/lib/format';

/** `path` (starting with '/') in `locale`: '/admin' → '/en/admin'; '/' → '/en'. */
export function localePath(locale: Locale, path = '/'): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** The same page in the other language. */
export function pathInOtherLocale(pathname: string, otherLocale: Locale): string {
  if (otherLocale !== defaultLocale) return localePath(otherLocale, pathname);
  const danish = pathname.replace(/^\/en(?=\/|$)/, '');
  return danish === '' ? '/' : danish;
}
