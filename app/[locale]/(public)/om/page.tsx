import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { sectionMetadata } from '@/components/public/metadata';
import { EvidenceList } from '@/components/public/evidence-list';
import { SectionHeading } from '@/components/public/permalink';
import { RevisionPolicy } from '@/components/statistics/revision-policy';
import { netOf } from '@/lib/accounts/figures';
import { formatInteger, type Locale } from '@/lib/format';
import { cachedLatestPublication } from '@/lib/publications/cached';
import { LICENCE, methodologyNote } from '@/lib/publications/methodology';
import { localePath } from '@/i18n/paths';
import { roundedFraming } from '@/lib/publications/view';

export const generateMetadata = sectionMetadata('about', '/om');

export default async function AboutPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'public' });
  const latest = await cachedLatestPublication();
  // the method of the newest publication; before the first one, the current note
  const method = latest?.snapshot.methodology[locale] ?? methodologyNote[locale];
  const permalink = (name: string) => t('permalinkTo', { name });
  const accounts = latest?.snapshot.accounts;
  const framing = accounts
    ? roundedFraming(accounts.organisationCounts.total, netOf(accounts, 'participants') ?? 0)
    : null;
  const evidence = latest?.snapshot.evidence ?? [];
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker">{t('about.title')}</h1>
      <SectionHeading id="hvad" permalinkLabel={permalink(t('about.what'))}>
        {t('about.what')}
      </SectionHeading>
      {framing && (
        <p className="mt-2 max-w-3xl" data-testid="framing">
          {t('home.framing', {
            over: String(framing.over),
            organisations: formatInteger(framing.organisations, locale),
            participants: formatInteger(framing.participants, locale),
          })}
        </p>
      )}
      <p className="mt-2 max-w-3xl">{t('about.whatText')}</p>
      {latest && evidence.length > 0 && (
        <section aria-labelledby="evidens">
          <SectionHeading id="evidens" permalinkLabel={permalink(t('about.evidence'))}>
            {t('about.evidence')}
          </SectionHeading>
          <p className="mt-2 max-w-3xl">{t('about.evidenceLead', { year: latest.year })}</p>
          <EvidenceList statements={evidence} locale={locale} sourceLabel={t('evidenceSource')} />
        </section>
      )}
      <SectionHeading id="metode" permalinkLabel={permalink(t('about.method'))}>
        {t('about.method')}
      </SectionHeading>
      <div className="mt-2 max-w-3xl space-y-3">
        {method.split('\n\n').map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      <RevisionPolicy locale={locale} />
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
