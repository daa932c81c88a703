'use client';

import type { XpEvent } from '@teamflow/contracts/progress';
import { ChartFrame } from '@/modules/charts/components/chart-frame';
import { ThemedBarChart } from '@/modules/charts/components/charts';
import { datesBetween, formatLocalDate, shiftDate } from '@/lib/local-dates';

/** XP per local day over the last two weeks, from the recent awards (their own local dates). */
export function XpByDayChart({ recent, today }: { recent: XpEvent[]; today: string }) {
  const days = datesBetween(shiftDate(today, -13), today);
  const byDay = new Map<string, number>();
  for (const e of recent) byDay.set(e.localDate, (byDay.get(e.localDate) ?? 0) + e.xp);
  const data = days.map((date) => ({ date, xp: byDay.get(date) ?? 0 }));
  const max = Math.max(50, ...data.map((d) => d.xp));
  return (
    <ChartFrame
      id="xp-by-day"
      title="XP per day"
      description={`XP earned on each of the last 14 days; ${data.reduce((t, d) => t + d.xp, 0)} in all.`}
      legend={[{ label: 'XP', role: 'primary', shape: 'bar' }]}
      numbers={{
        caption: 'XP per day',
        columns: ['Day', 'XP'],
        rows: data.map((d) => ({ key: d.date, header: formatLocalDate(d.date), cells: [d.xp] })),
      }}
    >
      <ThemedBarChart
        data={data}
        xKey="date"
        formatX={(v) => formatLocalDate(String(v))}
        series={[{ key: 'xp', label: 'XP', role: 'primary' }]}
        yMax={Math.ceil(max / 50) * 50}
        yLabel="XP"
        height={180}
      />
    </ChartFrame>
  );
}
