import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { rootLocale } from '@/i18n/root-locale';
import { notFoundMetadata } from '@/lib/publications/not-found-links';
import { localePath } from '@/i18n/paths';

// An embed address with no chart behind it (a year not published, a version that does not exist):
// a short note inside the frame, with status 404, and a link to the accounts.
export function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return notFoundMetadata(params, 'yearTitle');
}

export default async function EmbedNotFound() {
  const locale = await rootLocale();
  const t = await getTranslations({ locale, namespace: 'public' });
  return (
    <>
      <h1 className="text-lg font-semibold text-primary-darker">{t('notFound.yearTitle')}</h1>
      <p className="mt-2">{t('notFound.yearBody')}</p>
      <p className="mt-2">
        <a href={localePath(locale, '/regnskab')} target="_top">
          {t('notFound.toAccounts')}
        </a>
      </p>
    </>
  );
}
