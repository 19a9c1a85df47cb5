// Pure review rules (no I/O): which changes from last year need the secretariat's eye, and what
// changed in a submission since it was approved. The entry form raises the same ±50 % warning
// (issue 4); here it is recomputed from the stored values so review never trusts a client.
import { daysLeft, isYearOpenForStaff } from '@/lib/submissions/rules';
import { danishDate } from '@/lib/time-zone';

export const BIG_CHANGE = 0.5;

export type StoredValue = { value: number; denominator: number | null; comment: string | null };

export interface ReviewWarning {
  key: string;
  last: number;
  current: number;
  /** relative change, e.g. 0.8 for +80 % */
  change: number;
  /** the explanation staff gave in the value's comment, if any */
  explanation: string | null;
  /** present when the figure is still the one approved before: settled then (issue 16) */
  settled?: true;
}

function ratio(value: { value: number; denominator: number | null }): number | null {
  if (value.denominator === null) return value.value;
  return value.denominator > 0 ? value.value / value.denominator : null;
}

/**
 * A warning for every indicator that moved more than ±50 % from last year's approved figure,
 * marked settled where the figure is still the one approved (`approved`, when it was).
 */
export function reviewWarnings(
  current: Record<string, StoredValue>,
  lastYear: Record<string, StoredValue>,
  approved?: Record<string, { value: number; denominator: number | null }> | null,
): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  for (const [key, value] of Object.entries(current)) {
    const previous = lastYear[key];
    if (!previous) continue;
    const last = ratio(previous);
    const now = ratio(value);
    if (last === null || now === null || last <= 0) continue;
    const change = (now - last) / last;
    if (Math.abs(change) > BIG_CHANGE) {
      const atApproval = approved?.[key];
      const settled =
        atApproval !== undefined &&
        atApproval.value === value.value &&
        (atApproval.denominator ?? null) === (value.denominator ?? null);
      warnings.push({
        key,
        last,
        current: now,
        change,
        explanation: value.comment?.trim() || null,
        ...(settled ? { settled: true as const } : {}),
      });
    }
  }
  return warnings.sort((a, b) => a.key.localeCompare(b.key));
}

export interface ValueChange {
  key: string;
  before: { value: number; denominator: number | null } | null;
  after: { value: number; denominator: number | null } | null;
}

/** What differs between the values at approval and now (added, removed or changed). */
export function changesSinceApproval(
  atApproval: Record<string, { value: number; denominator: number | null }>,
  now: Record<string, { value: number; denominator: number | null }>,
): ValueChange[] {
  const keys = new Set([...Object.keys(atApproval), ...Object.keys(now)]);
  const changes: ValueChange[] = [];
  for (const key of [...keys].sort()) {
    const before = atApproval[key] ?? null;
    const after = now[key] ?? null;
    if (before?.value === after?.value && (before?.denominator ?? null) === (after?.denominator ?? null))
      continue;
    changes.push({
      key,
      before: before ? { value: before.value, denominator: before.denominator ?? null } : null,
      after: after ? { value: after.value, denominator: after.denominator ?? null } : null,
    });
  }
  return changes;
}

/** The deadline that applies to one organisation: its own extension, else the year's. */
export function effectiveDeadline(yearDeadline: string, override: string | null): string {
  return override && override > yearDeadline ? override : yearDeadline;
}

/** Late: not handed in by the end of the deadline day, or handed in after it. */
export function isLate(input: {
  deadline: string;
  submittedAt: Date | null;
  state: string | null;
  today: string;
}): boolean {
  const handedIn = input.state === 'submitted' || input.state === 'approved';
  // the deadline is a Danish day: handed in at 00:30 Danish time the day after is late
  if (handedIn && input.submittedAt) return danishDate(input.submittedAt) > input.deadline;
  return input.today > input.deadline;
}

/**
 * What is wrong with the new deadline a return sets for the organisation (a message key), or
 * null. Required when staff could not act on the return otherwise — the year is closed or
 * published, or the organisation's deadline has passed; never in the past; later than the year's.
 */
export function returnDeadlineProblem(
  year: { state: 'open' | 'closed' | 'published'; deadline: string },
  deadlineOverride: string | null,
  deadline: string | null,
  now: Date,
): string | null {
  if (deadline === null)
    return returnNeedsDeadline(year, deadlineOverride, now) ? 'compare.return.errors.required' : null;
  if (daysLeft(deadline, now) < 0) return 'compare.return.errors.past';
  if (deadline <= year.deadline) return 'compare.return.errors.notLater';
  return null;
}

/** Whether a return today must set a new deadline: staff could not edit the report otherwise. */
export function returnNeedsDeadline(
  year: { state: 'open' | 'closed' | 'published'; deadline: string },
  deadlineOverride: string | null,
  now: Date,
): boolean {
  return !isYearOpenForStaff(year, deadlineOverride, now);
}
