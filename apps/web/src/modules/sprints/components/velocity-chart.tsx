'use client';

import type { Velocity } from '@teamflow/contracts/sprints';
import { niceMax } from '@/modules/charts/chart-palette';
import { ChartFrame } from '@/modules/charts/components/chart-frame';
import { ThemedBarChart } from '@/modules/charts/components/charts';

const short = (name: string | number) => {
  const text = String(name);
  return text.length > 14 ? `${text.slice(0, 13)}…` : text;
};

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

  return (
    <ChartFrame
      id={`velocity-${velocity.projectId}`}
      title="Velocity"
      description={`Average ${velocity.averageCompletedPoints} points completed per sprint over the last ${sprints.length} sprints (${velocity.averageCommittedPoints} committed).`}
      legend={[
        { label: 'Committed', role: 'secondary', shape: 'bar' },
        { label: 'Completed', role: 'primary', shape: 'bar' },
        {
          label: `Average completed (${velocity.averageCompletedPoints})`,
          role: 'positive',
          shape: 'dashed',
        },
      ]}
      numbers={{
        caption: 'Velocity per sprint',
        columns: ['Sprint', 'Committed points', 'Completed points', 'Committed tasks', 'Completed tasks'],
        rows: sprints.map((s) => ({
          key: s.sprintId,
          header: s.name,
          cells: [s.committedPoints, s.completedPoints, s.committedTasks, s.completedTasks],
        })),
      }}
    >
      <ThemedBarChart
        data={sprints.map((s) => ({
          name: s.name,
          committed: s.committedPoints,
          completed: s.completedPoints,
        }))}
        xKey="name"
        formatX={short}
        yMax={yMax}
        yLabel="Points"
        series={[
          { key: 'committed', label: 'Committed', role: 'secondary' },
          { key: 'completed', label: 'Completed', role: 'primary' },
        ]}
        reference={{ value: velocity.averageCompletedPoints, role: 'positive' }}
      />
    </ChartFrame>
  );
}
