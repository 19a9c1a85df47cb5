// What every chart of the site shares: the SVG with its title and description for assistive
// technology, the grid lines and tick labels of an axis, and the numbers again as a table for
// screen readers. Server-rendered; no chart library reaches the browser.
import type { ReactNode } from 'react';

export const AXIS = { grid: '#d9d9d9', label: '#4d4d4d', ink: '#1a1a1a' } as const;

export function ChartFrame({
  id,
  title,
  description,
  width,
  height,
  children,
  after,
  table,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  /** the marks, inside the SVG */
  children: ReactNode;
  /** below the SVG, before the table: a legend */
  after?: ReactNode;
  /** the chart's numbers (a ScreenReaderTable) */
  table: ReactNode;
}) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <div className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="h-auto w-full max-w-3xl"
        style={{ fontFamily: 'inherit' }}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <g>{children}</g>
      </svg>
      {after}
      {table}
    </div>
  );
}

/** One tick of an axis: its grid line across the plot and its label. */
export function AxisTick({
  line,
  label,
  at,
  anchor = 'middle',
  centred = false,
}: {
  line?: { x1: number; x2: number; y1: number; y2: number };
  label: ReactNode;
  at: { x: number; y: number };
  anchor?: 'start' | 'middle' | 'end';
  /** the label centred on `at` vertically (a value axis at the side) */
  centred?: boolean;
}) {
  return (
    <g>
      {line && <line {...line} stroke={AXIS.grid} />}
      <text
        x={at.x}
        y={at.y}
        dy={centred ? '0.32em' : undefined}
        textAnchor={anchor}
        fontSize={12}
        fill={AXIS.label}
      >
        {label}
      </text>
    </g>
  );
}

/** The chart's numbers as a table only screen readers see. */
export function ScreenReaderTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string | number; label: ReactNode; cells: ReactNode[] }[];
}) {
  return (
    // sr-only on a wrapper: a table does not clip its own overflow
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
