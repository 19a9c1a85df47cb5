// The statistics office's links in every page's footer: the release calendar, the revisions, the
// data catalogue and the accessibility statement the law requires on every page.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/format';
import { localePath } from '@/i18n/paths';

export async function StatisticsFooterLinks({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'statistics' });
  return (
    <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
      <li>
        <Link href={localePath(locale, '/udgivelser')}>{t('footer.calendar')}</Link>
      </li>
      <li>
        <Link href={localePath(locale, '/regnskab/revisioner')}>{t('footer.revisions')}</Link>
      </li>
      <li>
        <a href="/api/v1/catalog">{t('footer.catalogue')}</a>
      </li>
      <li>
        <Link href={localePath(locale, '/was')}>{t('footer.was')}</Link>
      </li>
    </ul>
  );
}
