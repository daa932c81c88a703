'use client';

import type { Velocity } from '@teamflow/contracts/sprints';
import { CHART, ChartFrame, cellClass, niceMax, plotHeight, plotWidth, tableClass } from './chart-frame';

/** Committed against completed points for each recent sprint, with the average completed as a line. */
export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const sprints = velocity.sprints;
  if (sprints.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Velocity appears once a sprint has been completed.
      </p>
    );
  }
  const yMax = niceMax(Math.max(...sprints.map((s) => Math.max(s.committedPoints, s.completedPoints))));
  const slot = plotWidth / sprints.length;
  const bar = Math.min(28, slot / 3);
  const y = (v: number) => CHART.top + plotHeight - (v / yMax) * plotHeight;
  const avgY = y(velocity.averageCompletedPoints);
  const short = (name: string) => (name.length > 14 ? `${name.slice(0, 13)}…` : name);

  return (
    <ChartFrame
      id={`velocity-${velocity.projectId}`}
      title="Velocity"
      description={`Average ${velocity.averageCompletedPoints} points completed per sprint over the last ${sprints.length} sprints (${velocity.averageCommittedPoints} committed).`}
      yMax={yMax}
      yLabel="Points"
      legend={[
        { label: 'Committed', swatch: 'bg-slate-400' },
        { label: 'Completed', swatch: 'bg-indigo-600' },
        {
          label: `Average completed (${velocity.averageCompletedPoints})`,
          swatch: 'border-emerald-600',
          dashed: true,
        },
      ]}
      table={
        <table className={tableClass}>
          <caption className="sr-only">Velocity per sprint</caption>
          <thead>
            <tr>
              {['Sprint', 'Committed points', 'Completed points', 'Committed tasks', 'Completed tasks'].map(
                (h) => (
                  <th key={h} scope="col" className={`${cellClass} font-medium`}>
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {sprints.map((s) => (
              <tr key={s.sprintId}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {s.name}
                </th>
                <td className={cellClass}>{s.committedPoints}</td>
                <td className={cellClass}>{s.completedPoints}</td>
                <td className={cellClass}>{s.committedTasks}</td>
                <td className={cellClass}>{s.completedTasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {sprints.map((s, i) => {
        const cx = CHART.left + slot * i + slot / 2;
        return (
          <g key={s.sprintId}>
            <rect
              x={cx - bar - 2}
              y={y(s.committedPoints)}
              width={bar}
              height={y(0) - y(s.committedPoints)}
              className="fill-slate-400"
            >
              <title>{`${s.name}: ${s.committedPoints} committed`}</title>
            </rect>
            <rect
              x={cx + 2}
              y={y(s.completedPoints)}
              width={bar}
              height={y(0) - y(s.completedPoints)}
              className="fill-indigo-600 dark:fill-indigo-400"
            >
              <title>{`${s.name}: ${s.completedPoints} completed`}</title>
            </rect>
            <text x={cx} y={CHART.height - 14} textAnchor="middle" fontSize="11" fill="currentColor">
              {short(s.name)}
            </text>
          </g>
        );
      })}
      <line
        x1={CHART.left}
        x2={CHART.width - CHART.right}
        y1={avgY}
        y2={avgY}
        strokeWidth="2"
        strokeDasharray="6 4"
        className="stroke-emerald-600"
      />
    </ChartFrame>
  );
}
