import { getLocale, getTranslations } from 'next-intl/server';
import { ForbiddenNotice } from '@/components/portal/forbidden-notice';

// Rendered with status 403 when a page or layout below app/[locale] calls forbidden() and no nearer
// boundary exists: the secretariat's pages (app/[locale]/admin/layout.tsx) refusing staff.
export default async function Forbidden() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'admin' });
  const portal = await getTranslations({ locale, namespace: 'portal' });
  return (
    <ForbiddenNotice
      title={portal('forbidden.title')}
      body={t('forbidden')}
      back={portal('forbidden.back')}
      href={locale === 'en' ? '/en/portal' : '/portal'}
    />
  );
}
