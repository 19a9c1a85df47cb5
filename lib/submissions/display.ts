// Figures as the portal shows them, per language (16.500 / 16,500; shares with their percentage).
import { formatDkk, formatInteger, formatShare, type Locale } from '@/lib/format';
import type { Entry, IndicatorKind, LastYearValue } from './rules';

export function formatFigure(
  kind: IndicatorKind,
  value: LastYearValue | Entry | undefined,
  locale: Locale,
): string {
  if (value === undefined) return '–';
  if (typeof value === 'number')
    return kind === 'amount_dkk' ? formatDkk(value, locale) : formatInteger(value, locale);
  if ('numerator' in value)
    return `${formatInteger(value.numerator, locale)} / ${formatInteger(value.denominator, locale)} (${formatShare(value.numerator, value.denominator, locale)})`;
  if (value.denominator !== null)
    return `${formatInteger(value.value, locale)} / ${formatInteger(value.denominator, locale)} (${formatShare(value.value, value.denominator, locale)})`;
  return kind === 'amount_dkk' ? formatDkk(value.value, locale) : formatInteger(value.value, locale);
}

export function formatChange(change: number, locale: Locale): string {
  const sign = change > 0 ? '+' : '';
  return `${sign}${new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(change)}`;
}
