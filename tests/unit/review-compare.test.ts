// Pure rules of the review page's comparisons and of a return's new deadline (issue 16, items 6, 7).
import { describe, expect, it } from 'vitest';
import { compareFigures, cvrSearchDigits, relativeChange } from '@/lib/review/compare';
import { returnDeadlineProblem, returnNeedsDeadline } from '@/lib/review/rules';
import { isYearOpenForStaff } from '@/lib/submissions/rules';

describe('figures beside the returned version and last year', () => {
  const current = {
    projects: { value: 12, denominator: null, comment: 'Nyt EU-projekt' },
    share: { value: 30, denominator: 60 },
    same: { value: 5, denominator: null },
  };
  const atReturn = {
    projects: { value: 15, denominator: null },
    share: { value: 30, denominator: 60 },
    same: { value: 5, denominator: null, comment: 'Forklaring' },
  };
  const lastYear = { projects: { value: 10, denominator: null }, share: { value: 20, denominator: 40 } };

  it('marks what changed since the return, the explanation included, and the change from last year', () => {
    const rows = compareFigures(['projects', 'share', 'same', 'absent'], current, atReturn, lastYear);
    expect(rows.map((row) => [row.key, row.changedSinceReturn, row.changeFromLastYear])).toEqual([
      ['projects', true, 0.2],
      ['share', false, 0],
      ['same', true, null],
      ['absent', false, null],
    ]);
  });

  it('without a returned version nothing is marked as changed', () => {
    const rows = compareFigures(['projects'], current, null, lastYear);
    expect(rows[0]).toMatchObject({ atReturn: null, changedSinceReturn: false });
  });

  it('a change from nothing, or of a share of nothing, cannot be told', () => {
    expect(relativeChange({ value: 5, denominator: null }, { value: 0, denominator: null })).toBeNull();
    expect(relativeChange({ value: 5, denominator: 10 }, { value: 0, denominator: 0 })).toBeNull();
    expect(relativeChange(null, { value: 1, denominator: null })).toBeNull();
  });
});

describe('a CVR search', () => {
  it('takes the digits as typed, spaces and dashes included; refuses anything else', () => {
    expect(cvrSearchDigits('1234 5678')).toBe('12345678');
    expect(cvrSearchDigits('12-34')).toBe('1234');
    expect(cvrSearchDigits('  ')).toBe('');
    for (const text of ['abc', '1234x', '%', '123456789', "1' or 1=1"])
      expect(cvrSearchDigits(text)).toBeNull();
  });
});

describe('a return’s new deadline', () => {
  const now = new Date('2024-05-10T10:00:00Z');
  const open = { state: 'open' as const, deadline: '2024-06-01' };
  const passed = { state: 'open' as const, deadline: '2024-03-01' };
  const closed = { state: 'closed' as const, deadline: '2024-03-01' };
  const published = { state: 'published' as const, deadline: '2024-03-01' };

  it('is needed when staff could not edit otherwise: closed, published, or the deadline passed', () => {
    expect(returnNeedsDeadline(open, null, now)).toBe(false);
    expect(returnNeedsDeadline(passed, null, now)).toBe(true);
    expect(returnNeedsDeadline(passed, '2024-05-20', now)).toBe(false);
    expect(returnNeedsDeadline(closed, null, now)).toBe(true);
    expect(returnNeedsDeadline(published, null, now)).toBe(true);
    expect(returnNeedsDeadline(closed, '2024-05-09', now)).toBe(true);
    expect(returnDeadlineProblem(closed, null, null, now)).toBe('compare.return.errors.required');
    expect(returnDeadlineProblem(open, null, null, now)).toBeNull();
  });

  it('is never in the past and always after the year’s deadline', () => {
    expect(returnDeadlineProblem(closed, null, '2024-05-09', now)).toBe('compare.return.errors.past');
    expect(returnDeadlineProblem(open, null, '2024-05-20', now)).toBe('compare.return.errors.notLater');
    expect(returnDeadlineProblem(closed, null, '2024-05-10', now)).toBeNull();
    expect(returnDeadlineProblem(open, null, '2024-07-01', now)).toBeNull();
  });

  it('opens a closed or published year for that organisation only, until the day it names', () => {
    expect(isYearOpenForStaff(closed, '2024-05-10', now)).toBe(true);
    expect(isYearOpenForStaff(published, '2024-05-31', now)).toBe(true);
    expect(isYearOpenForStaff(closed, '2024-05-09', now)).toBe(false);
    expect(isYearOpenForStaff(closed, null, now)).toBe(false);
  });
});
