// Where a reader who reached a missing page can go on to, in the page's language.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { isLocale, type Locale } from '@/lib/format';
import { localePath } from '@/i18n/paths';

export function notFoundLinks(locale: Locale, label: (key: string) => string) {
  return [
    { href: localePath(locale, '/'), label: label('toFront') },
    { href: localePath(locale, '/regnskab'), label: label('toAccounts') },
    { href: localePath(locale, '/klynger'), label: label('toOrganisations') },
    { href: localePath(locale, '/om'), label: label('toAbout') },
  ];
}

/** A missing page's title in its language (not-found.tsx gets the route's params for this only). */
export async function notFoundMetadata(
  params: Promise<{ locale: string }>,
  key: 'pageTitle' | 'yearTitle' | 'organisationTitle',
): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : 'da', namespace: 'public' });
  return { title: t(`notFound.${key}`), robots: { index: false } };
}
