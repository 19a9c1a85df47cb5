// Figures as the portal shows them, per language (16.500 / 16,500; shares with their percentage).
import { formatDkk, formatInteger, formatShare, type Locale } from '@/lib/format';
import { commentField, denominatorField, type Entry, type IndicatorKind, type LastYearValue } from './rules';

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

/** Stored entries as the entry form's fields hold them: `<key>`, `<key>_denominator`, `<key>_comment`. */
export function formFieldsOf(values: Record<string, Entry>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, entry] of Object.entries(values)) {
    fields[key] = String(entry.value);
    if (entry.denominator !== null) fields[denominatorField(key)] = String(entry.denominator);
    if (entry.comment) fields[commentField(key)] = entry.comment;
  }
  return fields;
}

/** The timeline's label (portal.form.timeline.actions.<label>) of each audited step of a submission. */
const TIMELINE_LABELS: Record<string, string> = {
  'submission.created': 'created',
  'submission.saved': 'saved',
  'submission.submitted': 'submitted',
  // the secretariat's decisions are audited by their verb (lib/review), the seed's rows by their state
  'submission.return': 'returned',
  'submission.returned': 'returned',
  'submission.approve': 'approved',
  'submission.approved': 'approved',
  'submission.company_list_uploaded': 'company_list_uploaded',
  'submission.extend_deadline': 'deadline_extended',
  'submission.receipt_sent': 'receipt_sent',
  'value.flag': 'value_flagged',
  'value.unflag': 'value_unflagged',
  'import.figures': 'imported',
};

export function timelineLabel(action: string, detail: Record<string, unknown> | null): string {
  if (action === 'submission.message')
    return detail?.from === 'secretariat' ? 'secretariat_wrote' : 'organisation_answered';
  return TIMELINE_LABELS[action] ?? 'other';
}
