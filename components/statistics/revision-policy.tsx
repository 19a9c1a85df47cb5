// The revision policy, on /om: how published figures are corrected and shown.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SectionHeading } from '@/components/public/permalink';
import type { Locale } from '@/lib/format';
import { localePath } from '@/i18n/paths';

export async function RevisionPolicy({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'statistics' });
  return (
    <>
      <SectionHeading id="revisionspolitik" permalinkLabel={t('revisions.permalink')}>
        {t('revisions.policyHeading')}
      </SectionHeading>
      <p className="mt-2 max-w-3xl" data-testid="revision-policy">
        {t('revisions.policy')}
      </p>
      <p className="mt-2">
        <Link href={localePath(locale, '/regnskab/revisioner')}>{t('citation.revisions')}</Link> ·{' '}
        <Link href={localePath(locale, '/udgivelser')}>{t('calendar.title')}</Link>
      </p>
    </>
  );
}
