import { must } from '../helpers/must';
import { describe, expect, it } from 'vitest';
import { barChartGeometry, lineChartGeometry } from '@/lib/charts/scales';

describe('lineChartGeometry', () => {
  const input = {
    years: [2013, 2014, 2015, 2016],
    series: [
      {
        key: 'participants',
        label: 'Participants',
        values: [
          { year: 2013, value: 14_000 },
          { year: 2014, value: 15_505 },
          { year: 2015, value: 15_240 },
          { year: 2016, value: 16_500 },
        ],
      },
    ],
    width: 640,
    height: 320,
  };

  it('draws one path without breaks, higher values higher up', () => {
    const geometry = lineChartGeometry(input);
    expect(must(geometry.series[0]).paths).toHaveLength(1);
    const points = must(geometry.series[0]).points;
    expect(points.map((p) => p.year)).toEqual([2013, 2014, 2015, 2016]);
    expect(must(points[3]).y).toBeLessThan(must(points[0]).y);
    expect(must(points[0]).x).toBeLessThan(must(points[3]).x);
    // everything inside the drawing area
    for (const point of points) {
      expect(point.x).toBeGreaterThanOrEqual(geometry.margin.left);
      expect(point.x).toBeLessThanOrEqual(640 - geometry.margin.right);
      expect(point.y).toBeGreaterThanOrEqual(geometry.margin.top);
      expect(point.y).toBeLessThanOrEqual(320 - geometry.margin.bottom);
    }
    expect(must(geometry.yTicks[0]).value).toBe(0);
    expect(must(geometry.yTicks.at(-1)).value).toBeGreaterThanOrEqual(16_500 * 0.8);
  });

  it('splits the line at a series break and marks it between the two years', () => {
    const geometry = lineChartGeometry({ ...input, breakYears: [2015] });
    expect(must(geometry.series[0]).paths).toHaveLength(2);
    expect(geometry.breaks).toHaveLength(1);
    const x2014 = must(geometry.xTicks.find((t) => t.year === 2014)).position;
    const x2015 = must(geometry.xTicks.find((t) => t.year === 2015)).position;
    expect(must(geometry.breaks[0]).position).toBeCloseTo((x2014 + x2015) / 2);
  });

  it('ignores a break in the first year and skips missing values', () => {
    const geometry = lineChartGeometry({
      ...input,
      breakYears: [2013],
      series: [
        {
          key: 'x',
          label: 'x',
          values: [
            { year: 2013, value: null },
            { year: 2014, value: 5 },
          ],
        },
      ],
    });
    expect(geometry.breaks).toEqual([]);
    expect(must(geometry.series[0]).points).toHaveLength(1);
    expect(must(geometry.series[0]).paths).toEqual([]);
  });

  it('survives an all-zero series', () => {
    const geometry = lineChartGeometry({
      years: [2016],
      series: [{ key: 'x', label: 'x', values: [{ year: 2016, value: 0 }] }],
    });
    expect(Number.isFinite(must(must(geometry.series[0]).points[0]).y)).toBe(true);
  });
});

describe('barChartGeometry', () => {
  it('sizes bars in proportion and grows with the number of rows', () => {
    const geometry = barChartGeometry({
      data: [
        { label: 'A', value: 100 },
        { label: 'B', value: 50 },
        { label: 'C', value: 0 },
      ],
    });
    const [a, b, c] = geometry.bars;
    expect(must(a).width).toBeCloseTo(must(b).width * 2);
    expect(must(c).width).toBe(0);
    expect(must(b).y).toBeGreaterThan(must(a).y);
    const bigger = barChartGeometry({
      data: Array.from({ length: 10 }, (_, i) => ({ label: `G${i}`, value: i })),
    });
    expect(bigger.height).toBeGreaterThan(geometry.height);
  });
});
