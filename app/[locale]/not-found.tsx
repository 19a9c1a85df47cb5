import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { rootLocale } from '@/i18n/root-locale';
import { NotFoundNotice } from '@/components/public/not-found-notice';
import { notFoundLinks, notFoundMetadata } from '@/lib/publications/not-found-links';

// Rendered in the site's layout, with status 404, whenever a page below app/[locale] calls
// notFound() and no nearer not-found.tsx exists, and for every unknown address ([...rest]).
export function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return notFoundMetadata(params, 'pageTitle');
}

export default async function NotFound() {
  const locale = await rootLocale();
  const t = await getTranslations({ locale, namespace: 'public' });
  return (
    <NotFoundNotice
      title={t('notFound.pageTitle')}
      body={t('notFound.pageBody')}
      whereTo={t('notFound.whereTo')}
      links={notFoundLinks(locale, (key) => t(`notFound.${key}` as 'notFound.toFront'))}
    />
  );
}
