// The metadata of a public page that is one section of the site: its title and description from
// messages/<locale>/public.json (`<section>.title`, `<section>.description`) and its address in both
// languages.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/format';
import { alternatesFor } from '@/lib/publications/view';

export function sectionMetadata(section: string, path: string) {
  return async ({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace: 'public' });
    return {
      title: t(`${section}.title` as 'about.title'),
      description: t(`${section}.description` as 'about.description'),
      alternates: alternatesFor(locale, path),
    };
  };
}
