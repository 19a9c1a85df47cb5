// One breakdown chart of a publication, alone, for an iframe: the latest version's at
// /embed/{locale}/regnskab/{year}/{dimension}, a fixed version's at …/{year}/v/{version}/{dimension}.
import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts/bar-chart';
import { type BreakdownDimension, isShareFigure } from '@/lib/accounts/types';
import type { Locale } from '@/lib/format';
import { ATTRIBUTION, fieldTextOf, type PublicNames } from '@/lib/publications/open-data';
import type { Publication } from '@/lib/publications/types';
import { localePath } from '@/i18n/paths';
import { EmbedFrame } from './embed-frame';

export async function breakdownEmbedTitle(locale: Locale, dimension: BreakdownDimension, year: number) {
  const t = await getTranslations({ locale, namespace: 'public' });
  const name = t(`dimension.${dimension}`).toLocaleLowerCase(locale);
  return t('year.breakdownChart', { dimension: name, year });
}

export async function BreakdownEmbed({
  publication,
  dimension,
  locale,
  names,
  fixedVersion,
}: {
  publication: Publication;
  dimension: BreakdownDimension;
  locale: Locale;
  names: PublicNames;
  /** the version the address names, shown with the source; null for the latest */
  fixedVersion: number | null;
}) {
  const t = await getTranslations({ locale, namespace: 'public' });
  const name = t(`dimension.${dimension}`).toLocaleLowerCase(locale);
  const title = await breakdownEmbedTitle(locale, dimension, publication.year);
  const { accounts } = publication.snapshot;
  const groupName = (group: string) =>
    dimension === 'kind'
      ? t(`kind.${group}` as 'kind.cluster')
      : dimension === 'region'
        ? t(`region.${group}` as 'region.hovedstaden')
        : fieldTextOf(names, group, locale).text;
  const reportPath =
    fixedVersion === null
      ? `/regnskab/${publication.year}`
      : `/regnskab/${publication.year}/v/${fixedVersion}`;
  return (
    <EmbedFrame
      title={title}
      sourceHref={`${localePath(locale, reportPath)}#figur-${dimension}`}
      sourceText={
        fixedVersion === null
          ? ATTRIBUTION[locale]
          : `${ATTRIBUTION[locale]} ${t('year.title', { year: publication.year })}, ${t('year.historyVersion', { version: fixedVersion })}.`
      }
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
