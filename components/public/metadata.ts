// The metadata of a public page: its title (and description, where it has one) from its messages,
// and its address in both languages. A section of the site takes them from
// messages/<locale>/public.json (`<section>.title`, `<section>.description`).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/format';
import { alternatesFor } from '@/lib/publications/view';

export function pageMetadata(
  path: string,
  keys: { namespace: 'public' | 'statistics'; title: string; description?: string },
) {
  return async ({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace: keys.namespace });
    return {
      title: t(keys.title),
      ...(keys.description ? { description: t(keys.description) } : {}),
      alternates: alternatesFor(locale, path),
    };
  };
}

export function sectionMetadata(section: string, path: string) {
  return pageMetadata(path, {
    namespace: 'public',
    title: `${section}.title`,
    description: `${section}.description`,
  });
}
