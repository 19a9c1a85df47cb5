import { getLocale, getTranslations } from 'next-intl/server';
import { ForbiddenNotice } from '@/components/portal/forbidden-notice';

// Rendered with status 403 when a portal page calls forbidden() (the refusal is already audited
// by lib/auth/permissions before that).
export default async function PortalForbidden() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'portal' });
  return (
    <ForbiddenNotice
      title={t('forbidden.title')}
      body={t('forbidden.body')}
      back={t('forbidden.back')}
      href={locale === 'en' ? '/en/portal' : '/portal'}
    />
  );
}
