import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LineChart } from '@/components/charts/line-chart';
import { EmbedCode } from '@/components/public/embed-code';
import { EvidenceList } from '@/components/public/evidence-list';
import { SectionHeading } from '@/components/public/permalink';
import { localePath } from '@/i18n/paths';
import { netOf } from '@/lib/accounts/figures';
import { formatInteger, formatPercent, formatShare, type Locale } from '@/lib/format';
import { cachedLatestPublication, cachedPublishedSeries } from '@/lib/publications/cached';
import {
  alternatesFor,
  HEADLINE_KEYS,
  roundedFraming,
  SURVEY_KEYS,
  shareFigure,
  shareOfParticipants,
  trendOf,
  yearSpan,
} from '@/lib/publications/view';
import { siteOrigin } from '@/lib/site-url';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: Locale }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'home' });
  const common = await getTranslations({ locale, namespace: 'common' });
  const latest = await cachedLatestPublication();
  return {
    title: { absolute: `${t('title')} · ${common('siteName')}` },
    description: common('siteTagline'),
    alternates: alternatesFor(locale, '/'),
    openGraph: latest
      ? {
          images: [
            { url: localePath(locale, `/regnskab/${latest.year}/og-image`), width: 1200, height: 630 },
          ],
        }
      : undefined,
  };
}

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'home' });
  const p = await getTranslations({ locale, namespace: 'public' });
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
  const series = await cachedPublishedSeries();
  const trend = trendOf(series, HEADLINE_KEYS, locale);
  // the latest publication is in the series: at least one year
  const { first, last } = yearSpan(trend.years) ?? { first: accounts.year, last: accounts.year };
  const label = (key: string) => accounts.indicators.find((i) => i.key === key)?.label[locale] ?? key;
  const yearHref = localePath(locale, `/regnskab/${accounts.year}`);
  const framing = roundedFraming(accounts.organisationCounts.total, netOf(accounts, 'participants') ?? 0);
  const evidence = publication.snapshot.evidence ?? [];
  return (
    <>
      <h1 className="text-3xl font-semibold text-primary-darker sm:text-4xl">{t('title')}</h1>
      <p className="mt-4 max-w-3xl text-lg" data-testid="framing">
        {p('home.framing', {
          over: String(framing.over),
          organisations: formatInteger(framing.organisations, locale),
          participants: formatInteger(framing.participants, locale),
        })}
      </p>
      <p className="mt-6 text-lg">
        <strong className="text-2xl font-semibold" data-testid="organisation-counts">
          {p('home.organisationsCount', {
            clusters: formatInteger(accounts.organisationCounts.cluster, locale),
            networks: formatInteger(accounts.organisationCounts.innovation_network, locale),
          })}
        </strong>{' '}
        {p('home.organisationsLead', { edition: String(accounts.edition), year: String(accounts.year) })}
      </p>
      <p className="mt-6 max-w-3xl text-xl" data-testid="headline">
        {t('headline', {
          year: String(accounts.year),
          participants: number('participants'),
          newIdeas: number('new_ideas'),
          newCompetences: number('new_competences'),
          newProducts: number('new_products'),
        })}
      </p>

      <SectionHeading
        id="resultater"
        permalinkLabel={p('permalinkTo', { name: p('home.figuresHeading', { year: String(accounts.year) }) })}
      >
        {p('home.figuresHeading', { year: String(accounts.year) })}
      </SectionHeading>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="key-figures">
        {HEADLINE_KEYS.map((key) => {
          const share = shareOfParticipants(accounts, key);
          return (
            <li key={key} className="border-l-4 border-primary bg-surface p-4">
              <p className="text-3xl font-semibold text-primary-darker">{number(key)}</p>
              <p className="mt-1">{label(key)}</p>
              {key !== 'participants' && share !== null && (
                <p className="mt-1 text-sm text-muted">
                  {p('home.ofParticipants', { share: formatPercent(share, locale) })}
                </p>
              )}
            </li>
          );
        })}
      </ul>

      {SURVEY_KEYS.some((key) => shareFigure(accounts, key)) && (
        <>
          <SectionHeading
            id="undersoegelse"
            permalinkLabel={p('permalinkTo', { name: p('home.surveyHeading') })}
          >
            {p('home.surveyHeading')}
          </SectionHeading>
          <p className="mt-2">{p('home.surveyLead')}</p>
          <ul className="mt-4 grid gap-4 sm:grid-cols-3" data-testid="survey">
            {SURVEY_KEYS.map((key) => {
              const share = shareFigure(accounts, key);
              if (!share) return null;
              return (
                <li key={key} className="border-l-4 border-primary-darker bg-surface p-4">
                  <p className="text-3xl font-semibold text-primary-darker">
                    {formatShare(share.numerator, share.denominator, locale, 0)}
                  </p>
                  <p className="mt-1">{label(key)}</p>
                  <p className="mt-1 text-sm text-muted">
                    {p('home.surveyOf', {
                      numerator: formatInteger(share.numerator, locale),
                      denominator: formatInteger(share.denominator, locale),
                    })}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}

      {evidence.length > 0 && (
        <section aria-labelledby="evidens">
          <SectionHeading id="evidens" permalinkLabel={p('permalinkTo', { name: p('home.evidenceHeading') })}>
            {p('home.evidenceHeading')}
          </SectionHeading>
          <p className="mt-2">{p('home.evidenceLead')}</p>
          <EvidenceList statements={evidence} locale={locale} sourceLabel={p('evidenceSource')} />
        </section>
      )}

      {trend.years.length > 1 && (
        <section aria-labelledby="udvikling">
          <SectionHeading
            id="udvikling"
            permalinkLabel={p('permalinkTo', { name: p('home.trendHeading', { first, last }) })}
          >
            {p('home.trendHeading', { first, last })}
          </SectionHeading>
          <LineChart
            id="trend-chart"
            title={p('home.trendHeading', { first, last })}
            description={p('home.trendDescription', { first, last })}
            years={trend.years}
            series={trend.lines}
            breakYears={trend.breakYears}
            locale={locale}
            yearLabel={p('yearLabel')}
            breakLabel={p('seriesBreak')}
          />
          {series.map((one) => {
            const seriesBreak = one.snapshot.accounts.seriesBreak;
            return seriesBreak ? (
              <p key={one.year} className="mt-2 text-sm">
                {p('seriesBreakNote', { year: one.year, note: seriesBreak[locale] })}
              </p>
            ) : null;
          })}
          {trend.doubleCounted.length > 0 && (
            <p className="mt-2 text-sm">
              {p('doubleCountedYears', { years: trend.doubleCounted.join(', ') })}
            </p>
          )}
          <EmbedCode
            id="trend"
            src={`${siteOrigin()}/embed/${locale}/trend/${publication.year}/${publication.version}`}
            title={p('home.trendHeading', { first, last })}
            width={680}
            height={520}
            text={{
              summary: p('embedTo', { name: p('home.trendHeading', { first, last }) }),
              codeLabel: p('embedCode.label'),
              codeHint: p('embedCode.trendHint', { year: publication.year, version: publication.version }),
              preview: p('embedCode.preview'),
            }}
          />
        </section>
      )}

      <nav aria-labelledby="mere" className="mt-12 border-t border-rule pt-6">
        <h2 id="mere" className="text-2xl font-semibold text-primary-darker">
          {p('home.more')}
        </h2>
        <ul className="mt-4 grid gap-2 sm:grid-cols-2">
          <li>
            <Link href={yearHref}>{t('readAccounts', { year: String(accounts.year) })}</Link>
          </li>
          <li>
            <Link href={localePath(locale, '/regnskab')}>{p('home.linkAccounts')}</Link>
          </li>
          <li>
            <Link href={localePath(locale, '/klynger')}>{p('home.linkOrganisations')}</Link>
          </li>
          <li>
            <Link href={localePath(locale, '/om')}>{p('home.linkAbout')}</Link>
          </li>
          <li>
            <Link href={localePath(locale, '/om/data')}>{p('home.linkData')}</Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
