// An evidence statement's figure the way each language writes it: "4 gange" / "4 times",
// "3,6 procentpoint" / "3.6 percentage points", "56 %" / "56%".
import { formatInteger, formatPercent, type Locale } from '@/lib/format';
import type { EvidenceSource, EvidenceUnit } from './types';

const UNIT_WORDS: Record<Locale, Record<Exclude<EvidenceUnit, 'percent' | 'count'>, [string, string]>> = {
  // [singular, plural]
  da: { times: ['gang', 'gange'], percentage_points: ['procentpoint', 'procentpoint'] },
  en: { times: ['time', 'times'], percentage_points: ['percentage point', 'percentage points'] },
};

function formatDecimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 }).format(
    value,
  );
}

export function formatEvidenceFigure(value: number | null, unit: EvidenceUnit | null, locale: Locale) {
  if (value === null || unit === null) return null;
  if (unit === 'percent') {
    const digits = Number.isInteger(value) ? 0 : 1;
    return formatPercent(value / 100, locale, digits);
  }
  if (unit === 'count')
    return Number.isInteger(value) ? formatInteger(value, locale) : formatDecimal(value, locale);
  const [one, many] = UNIT_WORDS[locale][unit];
  return `${formatDecimal(value, locale)} ${value === 1 ? one : many}`;
}

/** "CEBR for Styrelsen for Forskning og Innovation (2014): The Short-run Impact …" */
export function sourceLine(source: EvidenceSource): string {
  return `${source.publisher}${source.year ? ` (${source.year})` : ''}: ${source.title}`;
}
