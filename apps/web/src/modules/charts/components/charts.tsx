'use client';

import dynamic from 'next/dynamic';
import type { SeriesRole } from '../chart-palette';

/** One row of a chart's data: the x value and a number (or null for "no value yet") per series. */
export type ChartRow = Record<string, string | number | null>;

export interface LineSeries {
  key: string;
  label: string;
  role: SeriesRole;
  dashed?: boolean;
  /** Drawn as steps (a level that changes on given days, like a sprint's scope). */
  step?: boolean;
  /** A dot on each value (for few, meaningful points). */
  dots?: boolean;
  width?: number;
}

export interface LineChartProps {
  data: ChartRow[];
  xKey: string;
  formatX?: (value: string | number) => string;
  series: LineSeries[];
  /** The top of the y axis: pass niceMax(largest value) so gridlines fall on round numbers. */
  yMax: number;
  yLabel: string;
  height?: number;
}

export interface BarSeries {
  key: string;
  label: string;
  role: SeriesRole;
}

export interface BarChartProps {
  data: ChartRow[];
  xKey: string;
  formatX?: (value: string | number) => string;
  series: BarSeries[];
  yMax: number;
  yLabel: string;
  /** A horizontal line across the bars (an average, a target). */
  reference?: { value: number; role: SeriesRole };
  height?: number;
}

function PlotPlaceholder() {
  return <div aria-hidden className="h-60 w-full animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />;
}

/**
 * A themed line chart (Recharts, light and dark palettes, axis and tooltip styled alike). Put it
 * inside a ChartFrame, which gives it its accessible name, legend and numbers. Recharts loads
 * with the first chart a page draws, never with a page that has none.
 */
export const ThemedLineChart = dynamic<LineChartProps>(
  () => import('./chart-plots.internal').then((m) => m.LineChartPlot),
  { ssr: false, loading: PlotPlaceholder },
);

/** A themed bar chart with an optional reference line; see ThemedLineChart. */
export const ThemedBarChart = dynamic<BarChartProps>(
  () => import('./chart-plots.internal').then((m) => m.BarChartPlot),
  { ssr: false, loading: PlotPlaceholder },
);
