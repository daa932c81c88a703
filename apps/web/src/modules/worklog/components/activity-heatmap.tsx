'use client';

import type { WorklogInsights } from '@teamflow/contracts/worklog';
import { heatmapColour } from '@/modules/charts/chart-palette';
import { ChartFrame } from '@/modules/charts/components/chart-frame';
import { useChartPalette } from '@/modules/charts/hooks/use-chart-palette';
import { formatLocalDate, isoWeekdayOf } from '@/lib/local-dates';

/** Entries plus tasks done per day, as a contribution-style grid (weeks across, Monday on top). */
export function ActivityHeatmap({ activity }: { activity: WorklogInsights['activity'] }) {
  const palette = useChartPalette();
  const total = (d: (typeof activity)[number]) => d.entries + d.tasksDone;
  const max = Math.max(1, ...activity.map(total));
  const lead = activity.length ? isoWeekdayOf(activity[0]!.date) - 1 : 0;
  const cells = [...Array.from({ length: lead }, () => null), ...activity];
  const active = activity.filter((d) => total(d) > 0).length;
  return (
    <ChartFrame
      id="worklog-activity"
      title="Activity per day"
      heading="h2"
      description={`Entries written and tasks completed each day: active on ${active} of ${activity.length} days.`}
      legend={[{ label: 'Entries + tasks done (darker is more)', role: 'primary', shape: 'bar' }]}
      numbers={{
        caption: 'Activity per day',
        columns: ['Day', 'Entries', 'Tasks done'],
        rows: activity
          .filter((d) => total(d) > 0)
          .map((d) => ({ key: d.date, header: formatLocalDate(d.date), cells: [d.entries, d.tasksDone] })),
      }}
    >
      <div
        className="grid grid-flow-col grid-rows-7 gap-0.5 overflow-x-auto py-2"
        style={{ gridAutoColumns: '12px' }}
      >
        {cells.map((d, i) =>
          d ? (
            <span
              key={d.date}
              title={`${d.date}: ${d.entries} entries, ${d.tasksDone} tasks done`}
              className="h-3 w-3 rounded-sm"
              style={{ background: heatmapColour(palette, total(d), max) }}
            />
          ) : (
            <span key={`lead-${i}`} className="h-3 w-3" />
          ),
        )}
      </div>
    </ChartFrame>
  );
}
