// Horizontal bars as server-rendered SVG, with a title, a description and the numbers as a table
// for screen readers. Labels sit in the SVG beside each bar; values at the bar's end.
import { type BarDatum, barChartGeometry } from '@/lib/charts/scales';
import { formatInteger, type Locale } from '@/lib/format';

export interface BarChartProps {
  id: string;
  title: string;
  description: string;
  data: BarDatum[];
  locale: Locale;
  groupLabel: string;
  valueLabel: string;
  width?: number;
}

function truncate(label: string, max = 30) {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function BarChart(props: BarChartProps) {
  const geometry = barChartGeometry({ data: props.data, width: props.width });
  const { width, height, margin } = geometry;
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <div className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="h-auto w-full max-w-3xl"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        <g>
          {geometry.ticks.map((tick) => (
            <g key={tick.value}>
              <line
                x1={tick.position}
                x2={tick.position}
                y1={margin.top}
                y2={height - margin.bottom}
                stroke="#d9d9d9"
              />
              <text
                x={tick.position}
                y={height - margin.bottom + 18}
                textAnchor="middle"
                fontSize={12}
                fill="#4d4d4d"
              >
                {formatInteger(tick.value, props.locale)}
              </text>
            </g>
          ))}
          {geometry.bars.map((bar) => (
            <g key={bar.label}>
              <text
                x={margin.left - 8}
                y={bar.y + bar.height / 2}
                dy="0.32em"
                textAnchor="end"
                fontSize={13}
                fill="#1a1a1a"
              >
                {truncate(bar.label)}
              </text>
              <rect
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                fill="#0059b3"
                stroke="#003972"
              />
              <text
                x={bar.x + bar.width + 6}
                y={bar.y + bar.height / 2}
                dy="0.32em"
                fontSize={12}
                fill="#1a1a1a"
              >
                {formatInteger(bar.value, props.locale)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      {/* sr-only on a wrapper: a table does not clip its own overflow */}
      <div className="sr-only">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.groupLabel}</th>
              <th scope="col">{props.valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {props.data.map((datum) => (
              <tr key={datum.label}>
                <th scope="row">{datum.label}</th>
                <td>{formatInteger(datum.value, props.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
