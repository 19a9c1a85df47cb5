// A reviewed figure in words, as its kind is written: counts as numbers, amounts in kroner, shares
// as numerator / denominator with the percentage.
import { formatDkk, formatInteger, formatPercent, type Locale } from '@/lib/format';

export function figureText(
  figure: { value: number; denominator: number | null } | null,
  kind: string,
  locale: Locale,
): string {
  if (!figure) return '–';
  if (figure.denominator !== null) {
    const share =
      figure.denominator > 0 ? ` (${formatPercent(figure.value / figure.denominator, locale)})` : '';
    return `${formatInteger(figure.value, locale)} / ${formatInteger(figure.denominator, locale)}${share}`;
  }
  return kind === 'amount_dkk' ? formatDkk(figure.value, locale) : formatInteger(figure.value, locale);
}

/** A relative change as "+25,0 %" / "−12.5%"; a dash when it cannot be told. */
export function changeText(change: number | null, locale: Locale): string {
  if (change === null) return '–';
  return `${change > 0 ? '+' : ''}${formatPercent(change, locale)}`;
}
