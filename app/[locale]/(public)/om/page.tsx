import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SectionHeading } from '@/components/public/permalink';
import type { Locale } from '@/lib/format';
import { cachedLatestPublication } from '@/lib/publications/cached';
import { LICENCE, methodologyNote } from '@/lib/publications/methodology';
import { alternatesFor, localePath } from '@/lib/publications/view';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: Locale }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'public' });
  return {
    title: t('about.title'),
    description: t('about.description'),
    alternates: alternatesFor(locale, '/om'),
  };
}

export default async function AboutPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'public' });
  const latest = await cachedLatestPublication();
  // the method of the newest publication; before the first one, the current note
  const method = latest?.snapshot.methodology[locale] ?? methodologyNote[locale];
  const permalink = (name: string) => t('permalinkTo', { name });
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker">{t('about.title')}</h1>
      <SectionHeading id="hvad" permalinkLabel={permalink(t('about.what'))}>
        {t('about.what')}
      </SectionHeading>
      <p className="mt-2 max-w-3xl">{t('about.whatText')}</p>
      <SectionHeading id="metode" permalinkLabel={permalink(t('about.method'))}>
        {t('about.method')}
      </SectionHeading>
      <div className="mt-2 max-w-3xl space-y-3">
        {method.split('\n\n').map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      <SectionHeading id="licens" permalinkLabel={permalink(t('about.licence'))}>
        {t('about.licence')}
      </SectionHeading>
      <p className="mt-2 max-w-3xl">{t('about.licenceText')}</p>
      <p className="mt-2">
        <a href={LICENCE.url} rel="license">
          {LICENCE.name}
        </a>
      </p>
      <SectionHeading id="data" permalinkLabel={permalink(t('about.data'))}>
        {t('about.data')}
      </SectionHeading>
      <p className="mt-2">
        <Link href={localePath(locale, '/om/data')}>{t('data.title')}</Link>
      </p>
    </>
  );
}
