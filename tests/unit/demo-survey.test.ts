// The demo's survey answers are balanced to the seed's shares exactly (56 / 55 / 40 %).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceSurveyShares, demoPublishedAt } from '@/db/seed/demo';
import { must } from '../helpers/must';

const totals = (rows: { denominator: number; numerators: number[] }[]) => ({
  denominator: rows.reduce((sum, row) => sum + row.denominator, 0),
  numerators: [0, 1, 2].map((k) => rows.reduce((sum, row) => sum + must(row.numerators[k]), 0)),
});

describe('balanceSurveyShares', () => {
  it('reaches the target shares exactly, keeping every organisation within its own responses', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 5, max: 400 }).chain((denominator) =>
            fc.record({
              denominator: fc.constant(denominator),
              numerators: fc.array(fc.integer({ min: 0, max: denominator }), { minLength: 3, maxLength: 3 }),
            }),
          ),
          { minLength: 20, maxLength: 60 },
        ),
        (rows) => {
          const balanced = balanceSurveyShares(rows, [0.56, 0.55, 0.4]);
          const total = totals(balanced);
          expect(total.denominator % 100).toBe(0);
          expect(total.numerators.map((n) => n / total.denominator)).toEqual([0.56, 0.55, 0.4]);
          for (const row of balanced)
            for (const numerator of row.numerators) {
              expect(numerator).toBeGreaterThanOrEqual(0);
              expect(numerator).toBeLessThanOrEqual(row.denominator);
            }
        },
      ),
    );
  });

  it('leaves its input alone and changes nothing already on target', () => {
    const rows = [{ denominator: 100, numerators: [56, 55, 40] }];
    expect(balanceSurveyShares(rows, [0.56, 0.55, 0.4])).toEqual(rows);
    const copy = structuredClone(rows);
    balanceSurveyShares([{ denominator: 90, numerators: [1, 2, 3] }], [0.56, 0.55, 0.4]);
    expect(rows).toEqual(copy);
  });
});

describe('demoPublishedAt', () => {
  it('dates each demo year in late May of its edition, after the March deadline', () => {
    const dates = [2013, 2014, 2015, 2016].map((year) => demoPublishedAt(year));
    expect(dates.map((date) => date.toISOString().slice(0, 10))).toEqual([
      '2014-05-28',
      '2015-05-29',
      '2016-05-30',
      '2017-05-24',
    ]);
  });
});
