import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { rootLocale } from '@/i18n/root-locale';
import { NotFoundNotice } from '@/components/public/not-found-notice';
import { notFoundLinks, notFoundMetadata } from '@/lib/publications/not-found-links';
import { present } from '@/lib/invariant';

// An address of an organisation that is in no published accounts.
export function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return notFoundMetadata(params, 'organisationTitle');
}

export default async function OrganisationNotFound() {
  const locale = await rootLocale();
  const t = await getTranslations({ locale, namespace: 'public' });
  const links = notFoundLinks(locale, (key) => t(`notFound.${key}` as 'notFound.toFront'));
  return (
    <NotFoundNotice
      title={t('notFound.organisationTitle')}
      body={t('notFound.organisationBody')}
      whereTo={t('notFound.whereTo')}
      // the catalogue first: it is where an organisation is most likely found
      links={[present(links[2]), ...links.filter((_, index) => index !== 2)]}
    />
  );
}
