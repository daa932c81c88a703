'use client';

import { useState } from 'react';
import { niceMax } from '@/modules/charts/chart-palette';
import { ChartFrame } from '@/modules/charts/components/chart-frame';
import { ThemedBarChart, ThemedLineChart } from '@/modules/charts/components/charts';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { SelectField } from '@/modules/ui/components/select-field';
import { formatLocalDate, shiftDate, todayIn } from '@/lib/local-dates';
import { useInsights } from '../hooks/use-worklog-insights';
import { ActivityHeatmap } from './activity-heatmap';
import { InsightsAchievements } from './insights-achievements';
import { RecurringThemes } from './recurring-themes';

const RANGES = [
  ['7', 'Last 7 days'],
  ['30', 'Last 30 days'],
  ['90', 'Last 90 days'],
  ['365', 'Last year'],
] as const;

// Mood is −1…1; the chart shows it as 0…100 so its axis starts at zero like every other chart.
const moodPercent = (score: number) => Math.round((score + 1) * 50);

function CountBars({
  id,
  title,
  rows,
  what,
}: {
  id: string;
  title: string;
  rows: { name: string; count: number }[];
  what: string;
}) {
  if (rows.length === 0) return null;
  const top = rows.slice(0, 10);
  return (
    <ChartFrame
      id={id}
      title={title}
      heading="h2"
      description={`${top[0]!.name} leads with ${top[0]!.count} entries of ${rows.length} ${what} found.`}
      legend={[{ label: 'Entries', role: 'primary', shape: 'bar' }]}
      numbers={{
        caption: title,
        columns: ['Name', 'Entries'],
        rows: top.map((r) => ({ key: r.name, header: r.name, cells: [r.count] })),
      }}
    >
      <ThemedBarChart
        data={top.map((r) => ({ name: r.name, count: r.count }))}
        xKey="name"
        yMax={niceMax(top[0]!.count)}
        yLabel="Entries"
        series={[{ key: 'count', label: 'Entries', role: 'primary' }]}
      />
    </ChartFrame>
  );
}

/** Charts over a chosen range: mood line, activity heatmap, skills and projects bars, achievements. */
export function InsightsPanel() {
  const zone = useTimeZone();
  const [days, setDays] = useState('30');
  const to = todayIn(zone);
  const from = shiftDate(to, -(Number(days) - 1));
  const insights = useInsights(from, to);

  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-xs">
        <SelectField label="Range" value={days} onChange={(e) => setDays(e.target.value)} options={RANGES} />
      </div>
      {insights.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading insights…</p>
      ) : insights.isError ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          Insights could not be loaded.
        </p>
      ) : insights.data.activity.every((d) => d.entries === 0 && d.tasksDone === 0) ? (
        <EmptyState title="Nothing in this range yet">
          Write an entry in the journal: mood, skills and achievements appear here once it is analysed.
        </EmptyState>
      ) : (
        <>
          {insights.data.moodTrend.length > 0 ? (
            <ChartFrame
              id="worklog-mood"
              title="Mood"
              heading="h2"
              description={`Your mood from ${formatLocalDate(from)} to ${formatLocalDate(to)}, as read from your entries (50 is neutral).`}
              legend={[{ label: 'Mood (0 low, 100 high)', role: 'primary', shape: 'line' }]}
              numbers={{
                caption: 'Mood per day',
                columns: ['Day', 'Mood (−1…1)', 'Entries'],
                rows: insights.data.moodTrend.map((m) => ({
                  key: m.date,
                  header: formatLocalDate(m.date),
                  cells: [m.score.toFixed(2), m.entries],
                })),
              }}
            >
              <ThemedLineChart
                data={insights.data.moodTrend.map((m) => ({ date: m.date, mood: moodPercent(m.score) }))}
                xKey="date"
                formatX={(d) => formatLocalDate(String(d))}
                yMax={100}
                yLabel="Mood"
                series={[{ key: 'mood', label: 'Mood', role: 'primary', dots: true }]}
              />
            </ChartFrame>
          ) : null}
          <ActivityHeatmap activity={insights.data.activity} />
          <CountBars id="worklog-skills" title="Skills" rows={insights.data.skills} what="skills" />
          <CountBars id="worklog-projects" title="Projects" rows={insights.data.projects} what="projects" />
          <InsightsAchievements
            achievements={insights.data.achievements}
            truncated={insights.data.achievementsTruncated}
          />
          <RecurringThemes themes={insights.data.themes} />
        </>
      )}
    </div>
  );
}
