import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BarChart } from '@/components/charts/bar-chart';
import { EmbedFrame } from '@/components/public/embed-frame';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, isShareFigure } from '@/lib/accounts/types';
import type { Locale } from '@/lib/format';
import { cachedPublication } from '@/lib/publications/cached';
import { ATTRIBUTION } from '@/lib/publications/open-data';
import { localePath, parseYear } from '@/lib/publications/view';

type Props = { params: Promise<{ locale: Locale; year: string; dimension: string }> };

async function load(rawYear: string, dimension: string) {
  const year = parseYear(rawYear);
  if (!year || !(BREAKDOWN_DIMENSIONS as readonly string[]).includes(dimension)) return null;
  return cachedPublication(year);
}

// rendered on first request, then served from the cache until a publication changes
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year, dimension } = await params;
  if (!(await load(year, dimension))) return {};
  const t = await getTranslations({ locale, namespace: 'public' });
  const name = t(`dimension.${dimension as BreakdownDimension}`).toLocaleLowerCase(locale);
  return { title: t('year.breakdownChart', { dimension: name, year }) };
}

export default async function BreakdownEmbed({ params }: Props) {
  const { locale, year, dimension: raw } = await params;
  setRequestLocale(locale);
  const publication = await load(year, raw);
  if (!publication) notFound();
  const dimension = raw as BreakdownDimension;
  const t = await getTranslations({ locale, namespace: 'public' });
  const name = t(`dimension.${dimension}`).toLocaleLowerCase(locale);
  const title = t('year.breakdownChart', { dimension: name, year: publication.year });
  const { accounts } = publication.snapshot;
  const groupName = (group: string) =>
    dimension === 'kind'
      ? t(`kind.${group}` as 'kind.cluster')
      : dimension === 'region'
        ? t(`region.${group}` as 'region.hovedstaden')
        : group;
  return (
    <EmbedFrame
      title={title}
      sourceHref={`${localePath(locale, `/regnskab/${publication.year}`)}#figur-${dimension}`}
      sourceText={ATTRIBUTION[locale]}
    >
      <BarChart
        id={`chart-${dimension}`}
        title={title}
        description={t('year.breakdownChartDescription', { dimension: name, year: publication.year })}
        data={accounts.breakdowns[dimension].map((row) => {
          const figure = row.values.participants;
          return { label: groupName(row.group), value: figure && !isShareFigure(figure) ? figure.net : 0 };
        })}
        locale={locale}
        groupLabel={t(`dimension.${dimension}`)}
        valueLabel={accounts.indicators.find((i) => i.key === 'participants')?.label[locale] ?? ''}
      />
    </EmbedFrame>
  );
}
