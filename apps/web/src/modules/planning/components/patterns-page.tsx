'use client';

import type { MyPatterns } from '@teamflow/contracts/patterns';
import Link from 'next/link';
import { useState } from 'react';
import { shiftDate, todayIn } from '@/lib/local-dates';
import { ProviderBadge } from '@/modules/ai/components/provider-badge';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { niceMax } from '@/modules/charts/chart-palette';
import { ChartFrame } from '@/modules/charts/components/chart-frame';
import { ThemedBarChart } from '@/modules/charts/components/charts';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { useMyPatterns } from '../hooks/use-patterns';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

function FinishingCharts({ p }: { p: MyPatterns }) {
  const byHour = Array.from({ length: 24 }, (_, h) => ({
    name: hour(h),
    count: p.finished.byWeekdayHour.filter((c) => c.hour === h).reduce((sum, c) => sum + c.count, 0),
  }));
  const byDay = WEEKDAYS.map((name, i) => ({
    name,
    count: p.finished.byWeekdayHour.filter((c) => c.weekday === i + 1).reduce((sum, c) => sum + c.count, 0),
  }));
  const yMax = niceMax(Math.max(1, ...byHour.map((r) => r.count), ...byDay.map((r) => r.count)));
  return (
    <>
      <ChartFrame
        id="patterns-hours"
        heading="h2"
        title="When I finish tasks, by hour"
        description={`${p.finished.total} tasks finished; busiest hour ${p.finished.busiestHour === null ? 'none' : hour(p.finished.busiestHour)} (${p.timeZone}).`}
        legend={[{ label: 'Tasks finished', role: 'primary', shape: 'bar' }]}
        numbers={{
          caption: 'Tasks finished per hour of the day',
          columns: ['Hour', 'Tasks'],
          rows: byHour.map((r) => ({ key: r.name, header: r.name, cells: [r.count] })),
        }}
      >
        <ThemedBarChart
          data={byHour}
          xKey="name"
          yMax={yMax}
          yLabel="Tasks"
          series={[{ key: 'count', label: 'Tasks finished', role: 'primary' }]}
        />
      </ChartFrame>
      <ChartFrame
        id="patterns-weekdays"
        heading="h2"
        title="When I finish tasks, by weekday"
        description={`Busiest day: ${p.finished.busiestWeekday === null ? 'none' : WEEKDAYS[p.finished.busiestWeekday - 1]}.`}
        legend={[{ label: 'Tasks finished', role: 'primary', shape: 'bar' }]}
        numbers={{
          caption: 'Tasks finished per weekday',
          columns: ['Weekday', 'Tasks'],
          rows: byDay.map((r) => ({ key: r.name, header: r.name, cells: [r.count] })),
        }}
      >
        <ThemedBarChart
          data={byDay}
          xKey="name"
          yMax={yMax}
          yLabel="Tasks"
          series={[{ key: 'count', label: 'Tasks finished', role: 'primary' }]}
        />
      </ChartFrame>
    </>
  );
}

function TimingCharts({ p }: { p: MyPatterns }) {
  const points = p.estimates.byPoints.map((b) => ({ name: `${b.points} pt`, hours: b.medianHours }));
  const cycle = p.cycleTime.map((c) => ({ name: c.priority, hours: c.medianHours }));
  return (
    <>
      {points.length ? (
        <ChartFrame
          id="patterns-estimates"
          heading="h2"
          title="Story points against time in progress"
          description={`Median hours in progress for each estimate; agreement ${p.estimates.agreement ?? 'not enough data'}.`}
          legend={[{ label: 'Median hours in progress', role: 'secondary', shape: 'bar' }]}
          numbers={{
            caption: 'Median hours in progress per story-point estimate',
            columns: ['Points', 'Tasks', 'Median hours'],
            rows: p.estimates.byPoints.map((b) => ({
              key: String(b.points),
              header: b.points,
              cells: [b.tasks, b.medianHours],
            })),
          }}
        >
          <ThemedBarChart
            data={points}
            xKey="name"
            yMax={niceMax(Math.max(1, ...points.map((r) => r.hours)))}
            yLabel="Hours"
            series={[{ key: 'hours', label: 'Median hours in progress', role: 'secondary' }]}
          />
        </ChartFrame>
      ) : null}
      {cycle.length ? (
        <ChartFrame
          id="patterns-cycle"
          heading="h2"
          title="Cycle time per priority"
          description="Median hours from created to done, for each priority."
          legend={[{ label: 'Median hours to done', role: 'accent', shape: 'bar' }]}
          numbers={{
            caption: 'Median hours from created to done per priority',
            columns: ['Priority', 'Tasks', 'Median hours'],
            rows: p.cycleTime.map((c) => ({
              key: c.priority,
              header: c.priority,
              cells: [c.tasks, c.medianHours],
            })),
          }}
        >
          <ThemedBarChart
            data={cycle}
            xKey="name"
            yMax={niceMax(Math.max(1, ...cycle.map((r) => r.hours)))}
            yLabel="Hours"
            series={[{ key: 'hours', label: 'Median hours to done', role: 'accent' }]}
          />
        </ChartFrame>
      ) : null}
    </>
  );
}

/** "My patterns": how I work, from my own tasks only, in my zone. Nobody else can open mine. */
export function PatternsPage({ workspaceId }: { workspaceId: string }) {
  const zone = useTimeZone();
  const today = todayIn(zone);
  const [to, setTo] = useState(today);
  const [from, setFrom] = useState(shiftDate(today, -29));
  const patterns = useMyPatterns(from, to);
  const p = patterns.data;
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <header className="flex flex-col gap-1">
        <Link
          href={`/w/${workspaceId}`}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          ← Workspace
        </Link>
        <h1 className="text-2xl font-bold tracking-tight">My patterns</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Only you can see this page. It reads the tasks assigned to you.
        </p>
      </header>
      <div className="flex flex-wrap gap-3">
        <TextField
          label="From"
          type="date"
          value={from}
          max={to}
          onChange={(e) => e.target.value && setFrom(e.target.value)}
        />
        <TextField
          label="To"
          type="date"
          value={to}
          min={from}
          onChange={(e) => e.target.value && setTo(e.target.value)}
        />
      </div>
      {patterns.error ? (
        <FormError message={patterns.error.message} />
      ) : !p ? (
        <SkeletonList label="Loading your patterns" rows={3} />
      ) : (
        <>
          <section aria-label="Summary" className="flex flex-col gap-2">
            <p data-testid="patterns-summary">{p.summary}</p>
            <ProviderBadge source={p.source} />
          </section>
          {p.blocked.byTask.length ? (
            <section aria-labelledby="blocked-by" className="text-sm">
              <h2 id="blocked-by" className="font-semibold">
                Held up most by
              </h2>
              <ul>
                {p.blocked.byTask.map((b) => (
                  <li key={b.key}>
                    {b.key} {b.title}: {b.holds}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <FinishingCharts p={p} />
          <TimingCharts p={p} />
        </>
      )}
    </main>
  );
}
