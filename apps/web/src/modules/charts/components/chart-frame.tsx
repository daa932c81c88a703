'use client';

import type { ReactNode } from 'react';
import type { SeriesRole } from '../chart-palette';
import { useChartPalette } from '../hooks/use-chart-palette';

export interface LegendEntry {
  label: string;
  role: SeriesRole;
  /** How the series is drawn, so the swatch looks like it. */
  shape: 'line' | 'dashed' | 'bar';
}

export interface ChartNumbers {
  /** Read by screen readers as the table's name. */
  caption: string;
  columns: string[];
  rows: { key: string; header: ReactNode; cells: ReactNode[] }[];
}

interface ChartFrameProps {
  id: string;
  /** The image's accessible name ("Burndown of Sprint 1"). */
  title: string;
  /**
   * Shows the title above the chart as a heading of this level, for a chart that has none of its
   * own on the page (the sprint page heads its charts itself).
   */
  heading?: 'h2' | 'h3';
  /** The image's accessible description: what the chart says, in one or two sentences. */
  description: string;
  legend: LegendEntry[];
  numbers: ChartNumbers;
  /** The plot: a ThemedLineChart, ThemedBarChart or any drawing (it is presentational). */
  children: ReactNode;
}

const cellClass = 'border-b border-slate-200 py-1 pr-3 dark:border-slate-700';

/**
 * What every chart needs besides its drawing: an image with a name and a description (the plot
 * inside is presentational), a legend in text, and the numbers as a table behind "Show the
 * numbers", for screen readers and for anyone who wants the figures.
 */
export function ChartFrame({
  id,
  title,
  heading: Heading,
  description,
  legend,
  numbers,
  children,
}: ChartFrameProps) {
  const palette = useChartPalette();
  return (
    <figure className="flex max-w-3xl min-w-0 flex-col gap-2">
      {Heading ? (
        <Heading id={`${id}-title`} className="font-semibold">
          {title}
        </Heading>
      ) : null}
      <div role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="min-w-0">
        {Heading ? null : (
          <span id={`${id}-title`} hidden>
            {title}
          </span>
        )}
        <span id={`${id}-desc`} hidden>
          {description}
        </span>
        {children}
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        {legend.map((entry) => (
          <span key={entry.label} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className={`inline-block ${entry.shape === 'bar' ? 'h-2.5 w-2.5 rounded-sm' : 'h-0 w-5 border-t-2'} ${entry.shape === 'dashed' ? 'border-dashed' : ''}`}
              style={
                entry.shape === 'bar'
                  ? { backgroundColor: palette.series[entry.role] }
                  : { borderColor: palette.series[entry.role] }
              }
            />
            {entry.label}
          </span>
        ))}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">Show the numbers</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">{numbers.caption}</caption>
            <thead>
              <tr>
                {numbers.columns.map((column) => (
                  <th key={column} scope="col" className={`${cellClass} font-medium`}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {numbers.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className={`${cellClass} font-normal`}>
                    {row.header}
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={i} className={cellClass}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
