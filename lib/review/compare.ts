// Pure: a submission's figures side by side with the version the secretariat returned and with
// last year's approved figures — which changed since the return, how far each moved in a year —
// and the company list's choices (what it is set against, which companies it shows).
import type { CompanyFlag } from '@/lib/domain';
export interface Figure {
  value: number;
  denominator: number | null;
  comment?: string | null;
}

export interface ComparedIndicator {
  key: string;
  current: Figure | null;
  atReturn: Figure | null;
  lastYear: Figure | null;
  /** differs from the returned version (value, denominator or explanation); false without one */
  changedSinceReturn: boolean;
  /** relative change from last year, e.g. 0.25 for +25 %; null when it cannot be told */
  changeFromLastYear: number | null;
}

/** A share as its ratio, anything else as its value; null for a share of nothing. */
export function comparable(figure: Figure): number | null {
  if (figure.denominator === null) return figure.value;
  return figure.denominator > 0 ? figure.value / figure.denominator : null;
}

export function relativeChange(now: Figure | null, before: Figure | null): number | null {
  if (!now || !before) return null;
  const last = comparable(before);
  const current = comparable(now);
  if (last === null || current === null || last <= 0) return null;
  return (current - last) / last;
}

const explanation = (figure: Figure | null) => figure?.comment?.trim() || null;

export function sameFigure(a: Figure | null, b: Figure | null): boolean {
  if (!a || !b) return a === b;
  return a.value === b.value && (a.denominator ?? null) === (b.denominator ?? null);
}

/** One row per key, in the order given (the catalogue's). */
export function compareFigures(
  keys: string[],
  current: Record<string, Figure>,
  atReturn: Record<string, Figure> | null,
  lastYear: Record<string, Figure>,
): ComparedIndicator[] {
  return keys.map((key) => {
    const now = current[key] ?? null;
    const returned = atReturn ? (atReturn[key] ?? null) : null;
    return {
      key,
      current: now,
      atReturn: returned,
      lastYear: lastYear[key] ?? null,
      changedSinceReturn:
        atReturn !== null && (!sameFigure(now, returned) || explanation(now) !== explanation(returned)),
      changeFromLastYear: relativeChange(now, lastYear[key] ?? null),
    };
  });
}

/** A CVR search as typed ("1234 5678", "12345678"): its digits, or null when it holds anything else. */
export function cvrSearchDigits(text: string): string | null {
  const compact = text.replace(/[\s.-]/g, '');
  if (compact === '') return '';
  return /^\d{1,8}$/.test(compact) ? compact : null;
}

// ---- the company list's choices ----

/** What the list is set against: last year's approved list, or the list as it was returned. */
export const COMPANY_BASES = ['last_year', 'returned'] as const;
export type CompanyBase = (typeof COMPANY_BASES)[number];
/** Which companies to show: this list, or only those added, gone or with other flags than the base. */
export const COMPANY_VIEWS = ['all', 'added', 'gone', 'changed'] as const;
export type CompanyView = (typeof COMPANY_VIEWS)[number];
export type CompanyStatus = 'added' | 'gone' | 'changed' | 'kept';

export const COMPANY_PAGE_SIZE = 50;

export type CompanyFlags = Record<CompanyFlag, boolean>;

/** The address's names for the company list's choices (kept apart from the review page's own). */
export const COMPANY_PARAMS = {
  base: 'companyBase',
  view: 'companyView',
  search: 'companySearch',
  flag: 'companyFlag',
  page: 'companyPage',
} as const;
