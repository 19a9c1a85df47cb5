// A trend chart as server-rendered SVG (the frame, axes and screen-reader table: frame.tsx), with
// markers and dash patterns so it reads in black and white.
import { formatInteger, type Locale } from '@/lib/format';
import { type LineSeries, lineChartGeometry } from '@/lib/charts/scales';
import { AXIS, AxisTick, ChartFrame, ScreenReaderTable } from './frame';
import { styleOf } from './styles';

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
  const number = (value: number) => formatInteger(value, props.locale);
  const legend =
    props.series.length > 1 ? (
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-hidden="true">
        {props.series.map((series, index) => {
          const style = styleOf(index);
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
    ) : undefined;
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      description={props.description}
      width={width}
      height={height}
      after={legend}
      table={
        <ScreenReaderTable
          caption={props.title}
          columns={[props.yearLabel, ...props.series.map((series) => series.label)]}
          rows={props.years.map((year) => ({
            key: year,
            label: year,
            cells: props.series.map((series) => {
              const value = series.values.find((v) => v.year === year)?.value;
              return value == null ? '–' : number(value);
            }),
          }))}
        />
      }
    >
      {geometry.yTicks.map((tick) => (
        <AxisTick
          key={tick.value}
          line={{ x1: margin.left, x2: width - margin.right, y1: tick.position, y2: tick.position }}
          label={number(tick.value)}
          at={{ x: margin.left - 8, y: tick.position }}
          anchor="end"
          centred
        />
      ))}
      {geometry.xTicks.map((tick) => (
        <AxisTick
          key={tick.year}
          label={tick.year}
          at={{ x: tick.position, y: height - margin.bottom + 20 }}
        />
      ))}
      {geometry.breaks.map((mark) => (
        <g key={mark.year}>
          <line
            x1={mark.position}
            x2={mark.position}
            y1={margin.top}
            y2={height - margin.bottom}
            stroke={AXIS.ink}
            strokeDasharray="4 4"
          />
          <text x={mark.position + 4} y={margin.top + 10} fontSize={11} fill={AXIS.ink}>
            {props.breakLabel}
          </text>
        </g>
      ))}
      {geometry.series.map((series, index) => {
        const style = styleOf(index);
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
    </ChartFrame>
  );
}
