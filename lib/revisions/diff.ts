// Which figures a correction changed: the national figures (net, gross, under 50; a share's
// numerator and denominator) and each organisation's values, before and after. Pure.
import { isShareFigure, type Figure, type OrganisationValue } from '@/lib/accounts/types';
import type { Publication } from '@/lib/publications/types';
import { present } from '@/lib/invariant';

export interface RevisedFigure {
  /** 'national' or an organisation's slug */
  unit: string;
  unitName: string | null;
  indicator: string;
  label: { da: string; en: string };
  measure: 'net' | 'gross' | 'under50' | 'numerator' | 'denominator' | 'value';
  previous: number | null;
  current: number | null;
}

function nationalParts(figure: Figure | undefined): Partial<Record<RevisedFigure['measure'], number | null>> {
  if (!figure) return {};
  if (isShareFigure(figure)) return { numerator: figure.numerator, denominator: figure.denominator };
  return { net: figure.net, gross: figure.gross ?? null, under50: figure.under50 ?? null };
}

function organisationParts(
  value: OrganisationValue | undefined,
): Partial<Record<RevisedFigure['measure'], number | null>> {
  if (value === undefined) return { value: null };
  if (isShareFigure(value)) return { numerator: value.numerator, denominator: value.denominator };
  return { value };
}

export function revisedFigures(previous: Publication, current: Publication): RevisedFigure[] {
  const changes: RevisedFigure[] = [];
  const before = previous.snapshot.accounts;
  const after = current.snapshot.accounts;
  const keys = [...new Set([...after.indicators, ...before.indicators].map((indicator) => indicator.key))];
  const labelOf = (key: string) =>
    present(after.indicators.find((i) => i.key === key) ?? before.indicators.find((i) => i.key === key))
      .label;
  const compare = (
    unit: string,
    unitName: string | null,
    indicator: string,
    old: Partial<Record<RevisedFigure['measure'], number | null>>,
    now: Partial<Record<RevisedFigure['measure'], number | null>>,
  ) => {
    for (const measure of new Set([...Object.keys(old), ...Object.keys(now)]) as Set<
      RevisedFigure['measure']
    >) {
      const a = old[measure] ?? null;
      const b = now[measure] ?? null;
      if (a !== b)
        changes.push({
          unit,
          unitName,
          indicator,
          label: labelOf(indicator),
          measure,
          previous: a,
          current: b,
        });
    }
  };
  for (const key of keys) {
    compare(
      'national',
      null,
      key,
      nationalParts(before.indicators.find((i) => i.key === key)?.national),
      nationalParts(after.indicators.find((i) => i.key === key)?.national),
    );
  }
  const slugs = [
    ...new Set([...before.organisations, ...after.organisations].map((organisation) => organisation.slug)),
  ];
  for (const slug of slugs) {
    const old = before.organisations.find((organisation) => organisation.slug === slug);
    const now = after.organisations.find((organisation) => organisation.slug === slug);
    for (const key of keys) {
      compare(
        slug,
        present(now ?? old).name,
        key,
        organisationParts(old?.values[key]),
        organisationParts(now?.values[key]),
      );
    }
  }
  return changes;
}
