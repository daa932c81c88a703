import type { Theme } from '@/modules/ui/theme';

/**
 * The colours every chart draws with, one palette per theme. Series colours are named by role
 * (what a line or bar means), so a chart says "primary" and reads well in both themes. Every
 * series colour keeps at least 3:1 contrast (WCAG non-text contrast) against the panel it sits on:
 * white in light mode, slate-900 in dark mode.
 */
export interface ChartPalette {
  /** Axis ticks and labels. */
  text: string;
  grid: string;
  tooltipBackground: string;
  tooltipBorder: string;
  series: {
    /** The measure the chart is about (remaining points, completed points). */
    primary: string;
    /** What it is compared against (committed points). */
    secondary: string;
    /** A guide line (the ideal burndown). */
    guide: string;
    /** Something that changes the picture (scope). */
    accent: string;
    /** Good (an average reached, a streak kept). */
    positive: string;
    /** Bad (a blocker, a missed day). */
    negative: string;
  };
  /** Categories without an order (skills, people): distinguishable in sequence. */
  categorical: readonly string[];
  /** A sequential scale for heatmaps (activity per day): empty, then four steps of intensity. */
  heatmap: readonly [string, string, string, string, string];
}

export const CHART_PALETTES: Record<Theme, ChartPalette> = {
  light: {
    text: '#475569', // slate-600
    grid: '#e2e8f0', // slate-200
    tooltipBackground: '#ffffff',
    tooltipBorder: '#cbd5e1', // slate-300
    series: {
      primary: '#4f46e5', // indigo-600
      secondary: '#64748b', // slate-500
      guide: '#475569', // slate-600
      accent: '#d97706', // amber-600
      positive: '#059669', // emerald-600
      negative: '#e11d48', // rose-600
    },
    categorical: ['#4f46e5', '#0891b2', '#d97706', '#059669', '#db2777', '#7c3aed', '#65a30d', '#dc2626'],
    heatmap: ['#f1f5f9', '#c7d2fe', '#818cf8', '#4f46e5', '#312e81'],
  },
  dark: {
    text: '#cbd5e1', // slate-300
    grid: '#334155', // slate-700
    tooltipBackground: '#0f172a', // slate-900
    tooltipBorder: '#475569', // slate-600
    series: {
      primary: '#818cf8', // indigo-400
      secondary: '#64748b', // slate-500
      guide: '#94a3b8', // slate-400
      accent: '#fbbf24', // amber-400
      positive: '#34d399', // emerald-400
      negative: '#fb7185', // rose-400
    },
    categorical: ['#818cf8', '#22d3ee', '#fbbf24', '#34d399', '#f472b6', '#a78bfa', '#a3e635', '#f87171'],
    heatmap: ['#1e293b', '#312e81', '#4338ca', '#6366f1', '#a5b4fc'],
  },
};

export type SeriesRole = keyof ChartPalette['series'];

/** The heatmap step (0 = nothing … 4 = the most) for a value out of the period's maximum. */
export function heatmapLevel(value: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((value / max) * 4))) as 1 | 2 | 3 | 4;
}

/** The heatmap colour for a value out of the period's maximum. */
export function heatmapColour(palette: ChartPalette, value: number, max: number): string {
  return palette.heatmap[heatmapLevel(value, max)];
}

/** A "nice" top for the y axis, so its 4 gridlines fall on round numbers. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const step = Math.ceil(value / 4);
  const magnitude = 10 ** Math.floor(Math.log10(step));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((m) => m >= step) ?? step;
  return nice * 4;
}

/** The y axis ticks from 0 to a nice maximum: five of them. */
export const niceTicks = (max: number): number[] => [0, 1, 2, 3, 4].map((i) => (max / 4) * i);
