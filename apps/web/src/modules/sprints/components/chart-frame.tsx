import type { ReactNode } from 'react';

export const CHART = { width: 640, height: 260, left: 40, right: 16, top: 16, bottom: 36 } as const;
export const plotWidth = CHART.width - CHART.left - CHART.right;
export const plotHeight = CHART.height - CHART.top - CHART.bottom;

/** A "nice" top for the y axis: 4 gridlines at round numbers. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const step = Math.ceil(value / 4);
  const magnitude = 10 ** Math.floor(Math.log10(step));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((m) => m >= step) ?? step;
  return nice * 4;
}

interface ChartFrameProps {
  id: string;
  title: string;
  description: string;
  yMax: number;
  yLabel: string;
  children: ReactNode;
  legend: { label: string; swatch: string; dashed?: boolean }[];
  table: ReactNode;
}

/**
 * An SVG chart with what screen readers and everyone else need: a title and description on the
 * image, a legend in text, and the numbers as a table (collapsed by default).
 */
export function ChartFrame({
  id,
  title,
  description,
  yMax,
  yLabel,
  children,
  legend,
  table,
}: ChartFrameProps) {
  const ticks = [0, 1, 2, 3, 4].map((i) => (yMax / 4) * i);
  const y = (v: number) => CHART.top + plotHeight - (v / yMax) * plotHeight;
  return (
    <figure className="flex max-w-3xl flex-col gap-2">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        className="h-auto w-full text-slate-500 dark:text-slate-400"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={CHART.left}
              x2={CHART.width - CHART.right}
              y1={y(t)}
              y2={y(t)}
              className="stroke-slate-200 dark:stroke-slate-700"
            />
            <text x={CHART.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="currentColor">
              {Math.round(t * 10) / 10}
            </text>
          </g>
        ))}
        <text
          x={12}
          y={CHART.top + plotHeight / 2}
          fontSize="11"
          fill="currentColor"
          transform={`rotate(-90 12 ${CHART.top + plotHeight / 2})`}
          textAnchor="middle"
        >
          {yLabel}
        </text>
        {children}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400">
        {legend.map((l) => (
          <span key={l.label} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className={`inline-block h-0.5 w-5 ${l.swatch} ${l.dashed ? 'border-t-2 border-dashed bg-transparent' : ''}`}
            />
            {l.label}
          </span>
        ))}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">Show the numbers</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}

export const tableClass = 'w-full text-left text-xs tabular-nums';
export const cellClass = 'border-b border-slate-200 dark:border-slate-700 py-1 pr-3';
