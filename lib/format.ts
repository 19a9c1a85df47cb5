// Numbers the way each language writes them: 16.500 and 23,0 % in Danish, 16,500 and 23.0% in English.
export type Locale = 'da' | 'en';
export const locales: readonly Locale[] = ['da', 'en'];
export const defaultLocale: Locale = 'da';

const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

const integerFormats = new Map<Locale, Intl.NumberFormat>();
function integerFormat(locale: Locale) {
  let format = integerFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 0 });
    integerFormats.set(locale, format);
  }
  return format;
}

export function formatInteger(value: number, locale: Locale): string {
  return integerFormat(locale).format(value);
}

/** A share of 0–1 as a percentage with one decimal: "23,0 %" / "23.0%". */
export function formatPercent(share: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

export function formatShare(
  numerator: number,
  denominator: number,
  locale: Locale,
  fractionDigits = 1,
): string {
  // no denominator, or no number at all (NaN, or a ratio beyond what a double holds): a dash,
  // never "NaN %" or "∞ %"
  const share = numerator / denominator;
  if (!(denominator > 0) || !Number.isFinite(share)) return '–';
  return formatPercent(share, locale, fractionDigits);
}

export function formatDkk(value: number, locale: Locale): string {
  return locale === 'da' ? `${formatInteger(value, locale)} kr.` : `DKK ${formatInteger(value, locale)}`;
}

export function formatDate(value: Date | string, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeZone: 'Europe/Copenhagen',
  }).format(date);
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(date);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'da' || value === 'en';
}
