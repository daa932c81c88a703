'use client';

import type { Burndown } from '@teamflow/contracts/sprints';
import { formatLocalDate } from '@/lib/local-dates';
import { niceMax } from '@/modules/charts/chart-palette';
import { ChartFrame } from '@/modules/charts/components/chart-frame';
import { ThemedLineChart } from '@/modules/charts/components/charts';

const label = (date: string | number) => formatLocalDate(String(date));

/** Remaining story points per day against the ideal line, with the sprint's scope as a step line. */
export function BurndownChart({ burndown, title }: { burndown: Burndown; title: string }) {
  const days = burndown.days;
  if (days.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">Give the sprint dates to see its burndown.</p>
    );
  }
  const yMax = niceMax(
    Math.max(burndown.committedPoints, ...days.map((d) => Math.max(d.scopePoints ?? 0, d.idealPoints))),
  );
  const last = days.filter((d) => d.remainingPoints !== null).at(-1);
  const description = last
    ? `${burndown.committedPoints} points committed; ${last.remainingPoints} of ${last.scopePoints} points remain on ${label(last.date)}.`
    : `${burndown.committedPoints} points planned; the sprint has not started.`;

  return (
    <ChartFrame
      id={`burndown-${burndown.sprintId}`}
      title={title}
      description={description}
      legend={[
        { label: 'Remaining', role: 'primary', shape: 'line' },
        { label: 'Ideal', role: 'guide', shape: 'dashed' },
        { label: 'Scope', role: 'accent', shape: 'line' },
      ]}
      numbers={{
        caption: `${title}: day by day`,
        columns: ['Day', 'Remaining points', 'Remaining tasks', 'Scope', 'Added', 'Removed', 'Ideal'],
        rows: days.map((d) => ({
          key: d.date,
          header: label(d.date),
          cells: [
            d.remainingPoints ?? '—',
            d.remainingTasks ?? '—',
            d.scopePoints ?? '—',
            d.addedPoints || '',
            d.removedPoints || '',
            d.idealPoints,
          ],
        })),
      }}
    >
      <ThemedLineChart
        data={days.map((d) => ({
          date: d.date,
          remaining: d.remainingPoints,
          ideal: d.idealPoints,
          scope: d.scopePoints,
        }))}
        xKey="date"
        formatX={label}
        yMax={yMax}
        yLabel="Points"
        series={[
          { key: 'ideal', label: 'Ideal', role: 'guide', dashed: true },
          { key: 'scope', label: 'Scope', role: 'accent', step: true, width: 1.5 },
          { key: 'remaining', label: 'Remaining', role: 'primary', dots: true, width: 2.5 },
        ]}
      />
    </ChartFrame>
  );
}
