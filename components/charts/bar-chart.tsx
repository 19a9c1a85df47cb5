// Horizontal bars as server-rendered SVG (the frame, axis and screen-reader table: frame.tsx).
// Labels sit in the SVG beside each bar; values at the bar's end.
import { type BarDatum, barChartGeometry } from '@/lib/charts/scales';
import { formatInteger, type Locale } from '@/lib/format';
import { AXIS, AxisTick, ChartFrame, ScreenReaderTable } from './frame';

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
  const number = (value: number) => formatInteger(value, props.locale);
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      description={props.description}
      width={width}
      height={height}
      table={
        <ScreenReaderTable
          caption={props.title}
          columns={[props.groupLabel, props.valueLabel]}
          rows={props.data.map((datum) => ({
            key: datum.label,
            label: datum.label,
            cells: [number(datum.value)],
          }))}
        />
      }
    >
      {geometry.ticks.map((tick) => (
        <AxisTick
          key={tick.value}
          line={{ x1: tick.position, x2: tick.position, y1: margin.top, y2: height - margin.bottom }}
          label={number(tick.value)}
          at={{ x: tick.position, y: height - margin.bottom + 18 }}
        />
      ))}
      {geometry.bars.map((bar) => (
        <g key={bar.label}>
          <text
            x={margin.left - 8}
            y={bar.y + bar.height / 2}
            dy="0.32em"
            textAnchor="end"
            fontSize={13}
            fill={AXIS.ink}
          >
            {truncate(bar.label)}
          </text>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill="#0059b3" stroke="#003972" />
          <text
            x={bar.x + bar.width + 6}
            y={bar.y + bar.height / 2}
            dy="0.32em"
            fontSize={12}
            fill={AXIS.ink}
          >
            {number(bar.value)}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}
