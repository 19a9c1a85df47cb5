// Chart geometry computed on the server with d3-scale and d3-shape: the browser receives plain
// SVG and never a chart library. Pure functions, unit-tested.
import { present } from '@/lib/invariant';
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Tick {
  value: number;
  position: number;
}

export interface LineSeries {
  key: string;
  label: string;
  /** one value per year; null where the year has no figure */
  values: { year: number; value: number | null }[];
}

export interface LinePoint {
  year: number;
  value: number;
  x: number;
  y: number;
}

export interface LineChartGeometry {
  width: number;
  height: number;
  margin: Margin;
  xTicks: { year: number; position: number }[];
  yTicks: Tick[];
  /** per series: one SVG path per unbroken segment (a series break splits the line) */
  series: { key: string; label: string; paths: string[]; points: LinePoint[] }[];
  /** x positions half-way between the year before a break and the break year */
  breaks: { year: number; position: number }[];
}

/**
 * A trend chart over years. A series break before year Y means figures from Y on are not
 * comparable with those before: the line is not drawn across it and the break is marked.
 */
export function lineChartGeometry(input: {
  years: number[];
  series: LineSeries[];
  breakYears?: number[];
  width?: number;
  height?: number;
  margin?: Margin;
}): LineChartGeometry {
  const width = input.width ?? 640;
  const height = input.height ?? 320;
  const margin = input.margin ?? { top: 16, right: 24, bottom: 32, left: 64 };
  const years = [...input.years].sort((a, b) => a - b);
  const x = scalePoint<number>()
    .domain(years)
    .range([margin.left, width - margin.right])
    .padding(0.3);
  const max = Math.max(0, ...input.series.flatMap((series) => series.values.map((v) => v.value ?? 0)));
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const breakYears = (input.breakYears ?? []).filter((year) => years.indexOf(year) > 0);
  const draw = line<LinePoint>()
    .x((point) => point.x)
    .y((point) => point.y);

  const series = input.series.map((one) => {
    const points: LinePoint[] = [];
    for (const { year, value } of [...one.values].sort((a, b) => a.year - b.year)) {
      if (value === null || !years.includes(year)) continue;
      points.push({ year, value, x: x(year) ?? 0, y: y(value) });
    }
    const segments: LinePoint[][] = [];
    let current: LinePoint[] = [];
    for (const point of points) {
      if (breakYears.includes(point.year) && current.length > 0) {
        segments.push(current);
        current = [];
      }
      current.push(point);
    }
    if (current.length > 0) segments.push(current);
    return {
      key: one.key,
      label: one.label,
      points,
      paths: segments.filter((segment) => segment.length > 1).map((segment) => draw(segment) ?? ''),
    };
  });

  return {
    width,
    height,
    margin,
    xTicks: years.map((year) => ({ year, position: x(year) ?? 0 })),
    yTicks: y.ticks(5).map((value) => ({ value, position: y(value) })),
    series,
    breaks: breakYears.map((year) => {
      const before = present(years[years.indexOf(year) - 1]);
      return { year, position: ((x(before) ?? 0) + (x(year) ?? 0)) / 2 };
    }),
  };
}

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartGeometry {
  width: number;
  height: number;
  margin: Margin;
  bars: { label: string; value: number; x: number; y: number; width: number; height: number }[];
  ticks: Tick[];
}

/** Horizontal bars, one row per group, sized to fit the number of groups. */
export function barChartGeometry(input: {
  data: BarDatum[];
  width?: number;
  rowHeight?: number;
  margin?: Margin;
}): BarChartGeometry {
  const width = input.width ?? 640;
  const rowHeight = input.rowHeight ?? 28;
  const margin = input.margin ?? { top: 8, right: 72, bottom: 28, left: 200 };
  const height = margin.top + margin.bottom + rowHeight * Math.max(1, input.data.length);
  const band = scaleBand<string>()
    .domain(input.data.map((datum) => datum.label))
    .range([margin.top, height - margin.bottom])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const max = Math.max(0, ...input.data.map((datum) => datum.value));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice()
    .range([margin.left, width - margin.right]);
  return {
    width,
    height,
    margin,
    bars: input.data.map((datum) => ({
      label: datum.label,
      value: datum.value,
      x: margin.left,
      y: band(datum.label) ?? 0,
      width: Math.max(0, x(Math.max(0, datum.value)) - margin.left),
      height: band.bandwidth(),
    })),
    ticks: x.ticks(4).map((value) => ({ value, position: x(value) })),
  };
}
