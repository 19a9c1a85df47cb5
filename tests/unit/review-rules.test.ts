import { describe, expect, it } from 'vitest';
import { neutraliseFormula as neutralise } from '@/lib/csv/safe-cell';
import { toCsv } from '@/lib/exports/format';
import { changesSinceApproval, effectiveDeadline, isLate, reviewWarnings } from '@/lib/review/rules';

const v = (value: number, denominator: number | null = null, comment: string | null = null) => ({
  value,
  denominator,
  comment,
});

describe('review warnings', () => {
  it('warns above ±50 % from last year, with the explanation given', () => {
    expect(
      reviewWarnings(
        { a: v(151, null, ' Ny aktivitet '), b: v(150), c: v(49) },
        { a: v(100), b: v(100), c: v(100) },
      ),
    ).toEqual([
      { key: 'a', last: 100, current: 151, change: 0.51, explanation: 'Ny aktivitet' },
      { key: 'c', last: 100, current: 49, change: -0.51, explanation: null },
    ]);
  });

  it('compares shares by their percentage and skips what has nothing to compare with', () => {
    expect(reviewWarnings({ s: v(7, 10) }, { s: v(5, 10) })).toHaveLength(0);
    expect(reviewWarnings({ s: v(8, 10) }, { s: v(2, 10) })).toHaveLength(1);
    expect(reviewWarnings({ a: v(10), z: v(5, 0) }, { a: v(0), z: v(1, 2) })).toEqual([]);
    expect(reviewWarnings({ a: v(10) }, {})).toEqual([]);
  });
});

describe('changes since approval', () => {
  it('lists changed, added and removed values', () => {
    expect(changesSinceApproval({ a: v(1), b: v(2), c: v(3) }, { a: v(1), b: v(4), d: v(5) })).toEqual([
      { key: 'b', before: { value: 2, denominator: null }, after: { value: 4, denominator: null } },
      { key: 'c', before: { value: 3, denominator: null }, after: null },
      { key: 'd', before: null, after: { value: 5, denominator: null } },
    ]);
  });
});

describe('deadlines', () => {
  it('takes an extension only when it is later', () => {
    expect(effectiveDeadline('2021-03-01', null)).toBe('2021-03-01');
    expect(effectiveDeadline('2021-03-01', '2021-04-01')).toBe('2021-04-01');
    expect(effectiveDeadline('2021-03-01', '2021-02-01')).toBe('2021-03-01');
  });

  it('is late when not handed in after the deadline day, or handed in after it', () => {
    expect(isLate({ deadline: '2021-03-01', submittedAt: null, state: 'draft', today: '2021-03-01' })).toBe(
      false,
    );
    expect(isLate({ deadline: '2021-03-01', submittedAt: null, state: 'draft', today: '2021-03-02' })).toBe(
      true,
    );
    expect(
      isLate({
        deadline: '2021-03-01',
        submittedAt: new Date('2021-02-28T12:00:00Z'),
        state: 'approved',
        today: '2021-06-01',
      }),
    ).toBe(false);
    expect(
      isLate({
        deadline: '2021-03-01',
        submittedAt: new Date('2021-03-02T08:00:00Z'),
        state: 'submitted',
        today: '2021-06-01',
      }),
    ).toBe(true);
  });
});

describe('export cells', () => {
  it('neutralises every formula start and leaves other text and numbers alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${start}1`)).toBe(`'${start}1`);
    expect(neutralise('Energi og klima')).toBe('Energi og klima');
    expect(toCsv({ name: 'x', header: ['n'], rows: [[-5], [null], ['a"b']] })).toBe(
      '\uFEFFn\r\n-5\r\n\r\n"a""b"\r\n',
    );
  });
});
