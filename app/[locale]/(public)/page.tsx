import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { netOf } from '@/lib/accounts/figures';
import { formatInteger, type Locale } from '@/lib/format';
import { cachedLatestPublication } from '@/lib/publications/cached';

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'home' });
  const publication = await cachedLatestPublication();
  if (!publication) {
    return (
      <>
        <h1 className="text-3xl font-semibold">{t('title')}</h1>
        <p className="mt-4">{t('noPublication')}</p>
      </>
    );
  }
  const { accounts } = publication.snapshot;
  const number = (key: string) => formatInteger(netOf(accounts, key) ?? 0, locale);
  const prefix = locale === 'en' ? '/en' : '';
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker">{t('title')}</h1>
      <p className="mt-6 max-w-3xl text-xl" data-testid="headline">
        {t('headline', {
          year: String(accounts.year),
          participants: number('participants'),
          newIdeas: number('new_ideas'),
          newCompetences: number('new_competences'),
          newProducts: number('new_products'),
        })}
      </p>
      <p className="mt-4">
        {t('organisations', {
          total: formatInteger(accounts.organisationCounts.total, locale),
          edition: String(accounts.edition),
        })}
      </p>
      <p className="mt-6">
        <Link href={`${prefix}/regnskab/${accounts.year}`}>
          {t('readAccounts', { year: String(accounts.year) })}
        </Link>
      </p>
    </>
  );
}
