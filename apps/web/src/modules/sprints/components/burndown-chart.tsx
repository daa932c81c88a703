'use client';

import type { Burndown } from '@teamflow/contracts/sprints';
import { CHART, ChartFrame, cellClass, niceMax, plotHeight, plotWidth, tableClass } from './chart-frame';

const dayFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const label = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

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
  const step = days.length > 1 ? plotWidth / (days.length - 1) : 0;
  const x = (i: number) => CHART.left + (days.length > 1 ? i * step : plotWidth / 2);
  const y = (v: number) => CHART.top + plotHeight - (v / yMax) * plotHeight;
  const known = days.map((d, i) => ({ d, i })).filter(({ d }) => d.remainingPoints !== null);
  const path = (points: [number, number][]) =>
    points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
  const ideal = path(days.map((d, i) => [x(i), y(d.idealPoints)]));
  const remaining = path(known.map(({ d, i }) => [x(i), y(d.remainingPoints!)]));
  const scope = path(
    known.flatMap(
      ({ d, i }) =>
        [
          [x(i) - (i ? step / 2 : 0), y(d.scopePoints!)],
          [x(i) + (i < days.length - 1 ? step / 2 : 0), y(d.scopePoints!)],
        ] as [number, number][],
    ),
  );
  const last = known[known.length - 1]?.d;
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const description = last
    ? `${burndown.committedPoints} points committed; ${last.remainingPoints} of ${last.scopePoints} points remain on ${label(last.date)}.`
    : `${burndown.committedPoints} points planned; the sprint has not started.`;

  return (
    <ChartFrame
      id={`burndown-${burndown.sprintId}`}
      title={title}
      description={description}
      yMax={yMax}
      yLabel="Points"
      legend={[
        { label: 'Remaining', swatch: 'bg-indigo-600' },
        { label: 'Ideal', swatch: 'border-slate-400', dashed: true },
        { label: 'Scope', swatch: 'bg-amber-500' },
      ]}
      table={
        <table className={tableClass}>
          <caption className="sr-only">{title}: day by day</caption>
          <thead>
            <tr>
              {['Day', 'Remaining points', 'Remaining tasks', 'Scope', 'Added', 'Removed', 'Ideal'].map(
                (h) => (
                  <th key={h} scope="col" className={`${cellClass} font-medium`}>
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {label(d.date)}
                </th>
                <td className={cellClass}>{d.remainingPoints ?? '—'}</td>
                <td className={cellClass}>{d.remainingTasks ?? '—'}</td>
                <td className={cellClass}>{d.scopePoints ?? '—'}</td>
                <td className={cellClass}>{d.addedPoints || ''}</td>
                <td className={cellClass}>{d.removedPoints || ''}</td>
                <td className={cellClass}>{d.idealPoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {days.map((d, i) => {
        const lastDay = i === days.length - 1;
        // Every nth day, and the last one unless it would crowd the label before it.
        const show = lastDay || (i % labelEvery === 0 && days.length - 1 - i >= labelEvery);
        return show ? (
          <text
            key={d.date}
            x={x(i)}
            y={CHART.height - 14}
            textAnchor={lastDay && days.length > 1 ? 'end' : i === 0 ? 'start' : 'middle'}
            fontSize="11"
            fill="currentColor"
          >
            {label(d.date)}
          </text>
        ) : null;
      })}
      <path d={ideal} fill="none" strokeWidth="2" strokeDasharray="6 4" className="stroke-slate-400" />
      {known.length ? <path d={scope} fill="none" strokeWidth="1.5" className="stroke-amber-500" /> : null}
      {known.length ? (
        <path
          d={remaining}
          fill="none"
          strokeWidth="2.5"
          className="stroke-indigo-600 dark:stroke-indigo-400"
        />
      ) : null}
      {known.map(({ d, i }) => (
        <circle
          key={d.date}
          cx={x(i)}
          cy={y(d.remainingPoints!)}
          r="3.5"
          className="fill-indigo-600 dark:fill-indigo-400"
        >
          <title>{`${label(d.date)}: ${d.remainingPoints} points, ${d.remainingTasks} tasks left${d.addedPoints ? `; +${d.addedPoints} added` : ''}${d.removedPoints ? `; −${d.removedPoints} removed` : ''}`}</title>
        </circle>
      ))}
    </ChartFrame>
  );
}
