// A trend chart as server-rendered SVG: a title and description for assistive technology, the
// numbers as a table for screen readers, markers and dash patterns so it reads in black and white.
import { formatInteger, type Locale } from '@/lib/format';
import { type LineSeries, lineChartGeometry } from '@/lib/charts/scales';
import { SERIES_STYLES } from './styles';

export interface LineChartProps {
  id: string;
  title: string;
  description: string;
  years: number[];
  series: LineSeries[];
  breakYears?: number[];
  locale: Locale;
  yearLabel: string;
  breakLabel: string;
  width?: number;
  height?: number;
}

function Marker({ shape, x, y, color }: { shape: string; x: number; y: number; color: string }) {
  if (shape === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
  if (shape === 'triangle')
    return <path d={`M${x},${y - 5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z`} fill={color} />;
  if (shape === 'diamond')
    return <path d={`M${x},${y - 5} L${x + 5},${y} L${x},${y + 5} L${x - 5},${y} Z`} fill={color} />;
  return <circle cx={x} cy={y} r={4} fill={color} />;
}

export function LineChart(props: LineChartProps) {
  const geometry = lineChartGeometry({
    years: props.years,
    series: props.series,
    breakYears: props.breakYears,
    width: props.width,
    height: props.height,
  });
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
        style={{ fontFamily: 'inherit' }}
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        <g>
          {geometry.yTicks.map((tick) => (
            <g key={tick.value}>
              <line
                x1={margin.left}
                x2={width - margin.right}
                y1={tick.position}
                y2={tick.position}
                stroke="#d9d9d9"
              />
              <text
                x={margin.left - 8}
                y={tick.position}
                dy="0.32em"
                textAnchor="end"
                fontSize={12}
                fill="#4d4d4d"
              >
                {formatInteger(tick.value, props.locale)}
              </text>
            </g>
          ))}
          {geometry.xTicks.map((tick) => (
            <text
              key={tick.year}
              x={tick.position}
              y={height - margin.bottom + 20}
              textAnchor="middle"
              fontSize={12}
              fill="#4d4d4d"
            >
              {tick.year}
            </text>
          ))}
          {geometry.breaks.map((mark) => (
            <g key={mark.year}>
              <line
                x1={mark.position}
                x2={mark.position}
                y1={margin.top}
                y2={height - margin.bottom}
                stroke="#1a1a1a"
                strokeDasharray="4 4"
              />
              <text x={mark.position + 4} y={margin.top + 10} fontSize={11} fill="#1a1a1a">
                {props.breakLabel}
              </text>
            </g>
          ))}
          {geometry.series.map((series, index) => {
            const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
            return (
              <g key={series.key}>
                {series.paths.map((path) => (
                  <path
                    key={path}
                    d={path}
                    fill="none"
                    stroke={style.color}
                    strokeWidth={2.5}
                    strokeDasharray={style.dash}
                  />
                ))}
                {series.points.map((point) => (
                  <Marker key={point.year} shape={style.shape} x={point.x} y={point.y} color={style.color} />
                ))}
              </g>
            );
          })}
        </g>
      </svg>
      {props.series.length > 1 && (
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-hidden="true">
          {props.series.map((series, index) => {
            const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
            return (
              <li key={series.key} className="flex items-center gap-2">
                <svg width="28" height="12" aria-hidden="true" focusable="false">
                  <line
                    x1="0"
                    x2="28"
                    y1="6"
                    y2="6"
                    stroke={style.color}
                    strokeWidth={2.5}
                    strokeDasharray={style.dash}
                  />
                  <Marker shape={style.shape} x={14} y={6} color={style.color} />
                </svg>
                {series.label}
              </li>
            );
          })}
        </ul>
      )}
      {/* sr-only on a wrapper: a table does not clip its own overflow */}
      <div className="sr-only">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.yearLabel}</th>
              {props.series.map((series) => (
                <th key={series.key} scope="col">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.years.map((year) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                {props.series.map((series) => {
                  const value = series.values.find((v) => v.year === year)?.value;
                  return <td key={series.key}>{value == null ? '–' : formatInteger(value, props.locale)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
