// The trend chart alone, for an iframe: the whole published series at /embed/{locale}/trend, or
// the series as it stood when one publication came out at /embed/{locale}/trend/{year}/{version}.
import { getTranslations } from 'next-intl/server';
import { LineChart } from '@/components/charts/line-chart';
import type { Locale } from '@/lib/format';
import { ATTRIBUTION } from '@/lib/publications/open-data';
import type { Publication } from '@/lib/publications/types';
import { HEADLINE_KEYS, trendOf } from '@/lib/publications/view';
import { localePath } from '@/i18n/paths';
import { EmbedFrame } from './embed-frame';
import { present } from '@/lib/invariant';

export async function trendEmbedTitle(locale: Locale, series: Publication[]) {
  const t = await getTranslations({ locale, namespace: 'public' });
  const { years } = trendOf(series, HEADLINE_KEYS, locale);
  if (years.length === 0) return null;
  return t('home.trendHeading', { first: present(years[0]), last: present(years[years.length - 1]) });
}

export async function TrendEmbed({
  series,
  locale,
  asOf,
}: {
  series: Publication[];
  locale: Locale;
  /** the publication the address is tied to; null for the current series */
  asOf: { year: number; version: number } | null;
}) {
  const t = await getTranslations({ locale, namespace: 'public' });
  const trend = trendOf(series, HEADLINE_KEYS, locale);
  const first = present(trend.years[0]);
  const last = present(trend.years[trend.years.length - 1]);
  const title = t('home.trendHeading', { first, last });
  return (
    <EmbedFrame
      title={title}
      sourceHref={
        asOf
          ? localePath(locale, `/regnskab/${asOf.year}/v/${asOf.version}`)
          : `${localePath(locale, '/')}#udvikling`
      }
      sourceText={
        asOf
          ? `${ATTRIBUTION[locale]} ${t('year.title', { year: asOf.year })}, ${t('year.historyVersion', { version: asOf.version })}.`
          : ATTRIBUTION[locale]
      }
    >
      <LineChart
        id="trend-chart"
        title={title}
        description={t('home.trendDescription', { first, last })}
        years={trend.years}
        series={trend.lines}
        breakYears={trend.breakYears}
        locale={locale}
        yearLabel={t('yearLabel')}
        breakLabel={t('seriesBreak')}
      />
    </EmbedFrame>
  );
}
