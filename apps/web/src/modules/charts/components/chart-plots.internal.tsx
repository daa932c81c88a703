'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { niceTicks, type ChartPalette } from '../chart-palette';
import { useChartPalette } from '../hooks/use-chart-palette';
import type { BarChartProps, LineChartProps } from './charts';

// Recharts lives in this file alone, loaded through next/dynamic by charts.tsx: only a page that
// draws a chart downloads it, after its first paint.

const MARGIN = { top: 8, right: 12, bottom: 0, left: 0 };

function axisProps(palette: ChartPalette) {
  return {
    stroke: palette.grid,
    tick: { fill: palette.text, fontSize: 11 },
    tickLine: false,
  } as const;
}

function tooltipProps(palette: ChartPalette) {
  return {
    contentStyle: {
      background: palette.tooltipBackground,
      border: `1px solid ${palette.tooltipBorder}`,
      borderRadius: 6,
      fontSize: 12,
    },
    labelStyle: { color: palette.text, fontWeight: 600 },
    itemStyle: { padding: 0 },
    // Drawn, not announced: the frame's table holds the same figures for screen readers.
    isAnimationActive: false,
  } as const;
}

function yAxis(palette: ChartPalette, yMax: number, yLabel: string) {
  return (
    <YAxis
      {...axisProps(palette)}
      domain={[0, yMax]}
      ticks={niceTicks(yMax)}
      allowDecimals
      width={44}
      tickFormatter={(v: number) => String(Math.round(v * 10) / 10)}
      label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: palette.text, fontSize: 11, dx: 6 }}
    />
  );
}

export function LineChartPlot({ data, xKey, formatX, series, yMax, yLabel, height = 240 }: LineChartProps) {
  const palette = useChartPalette();
  return (
    <LineChart
      data={data}
      responsive
      style={{ width: '100%', height }}
      margin={MARGIN}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={palette.grid} vertical={false} />
      <XAxis
        {...axisProps(palette)}
        dataKey={xKey}
        tickFormatter={formatX}
        interval="preserveStartEnd"
        minTickGap={16}
      />
      {yAxis(palette, yMax, yLabel)}
      <Tooltip
        {...tooltipProps(palette)}
        labelFormatter={(v) => (formatX && (typeof v === 'string' || typeof v === 'number') ? formatX(v) : v)}
      />
      {series.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.label}
          type={s.step ? 'step' : 'linear'}
          stroke={palette.series[s.role]}
          strokeWidth={s.width ?? 2}
          strokeDasharray={s.dashed ? '6 4' : undefined}
          dot={s.dots ? { r: 3.5, fill: palette.series[s.role], strokeWidth: 0 } : false}
          activeDot={s.dots ? { r: 5 } : false}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

export function BarChartPlot({
  data,
  xKey,
  formatX,
  series,
  yMax,
  yLabel,
  reference,
  height = 240,
}: BarChartProps) {
  const palette = useChartPalette();
  return (
    <BarChart
      data={data}
      responsive
      style={{ width: '100%', height }}
      margin={MARGIN}
      accessibilityLayer={false}
      barGap={4}
      maxBarSize={28}
    >
      <CartesianGrid stroke={palette.grid} vertical={false} />
      <XAxis
        {...axisProps(palette)}
        dataKey={xKey}
        tickFormatter={formatX}
        interval="preserveStartEnd"
        minTickGap={8}
      />
      {yAxis(palette, yMax, yLabel)}
      <Tooltip {...tooltipProps(palette)} cursor={{ fill: palette.grid, opacity: 0.4 }} />
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={palette.series[s.role]}
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
      ))}
      {reference ? (
        <ReferenceLine
          y={reference.value}
          stroke={palette.series[reference.role]}
          strokeWidth={2}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
        />
      ) : null}
    </BarChart>
  );
}
