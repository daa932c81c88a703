'use client';

import { useState } from 'react';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { Button } from '@/modules/ui/components/button';
import { formatLocalDate, shiftDate, todayIn } from '@/lib/local-dates';
import { useWorklogEvents } from '../hooks/use-worklog-events';
import { ExportsPanel } from './exports-panel';
import { InsightsPanel } from './insights-panel';
import { JournalDayEditor } from './journal-day-editor';
import { WorklogSearch } from './worklog-search';
import { WorklogTimeline } from './worklog-timeline';

const TABS = [
  ['journal', 'Journal'],
  ['insights', 'Insights'],
  ['exports', 'Exports'],
] as const;
type Tab = (typeof TABS)[number][0];

/**
 * The work log: a private journal (one editor per day, in the user's own time zone), a timeline
 * with the tasks they finished, insights and exports. Only the signed-in person ever sees it.
 */
export function WorklogPage({ workspaceId }: { workspaceId: string }) {
  useWorklogEvents();
  const zone = useTimeZone();
  const today = todayIn(zone);
  const [date, setDate] = useState(today);
  const [tab, setTab] = useState<Tab>('journal');

  return (
    <main className="mx-auto flex w-full max-w-4xl flex-col gap-6 p-4 sm:p-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">Work log</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Private to you: nobody else, not even a workspace owner, can read it.
        </p>
      </header>
      <div role="tablist" aria-label="Work log" className="flex gap-2">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            role="tab"
            type="button"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className="rounded px-3 py-1 text-sm font-medium aria-selected:bg-indigo-600 aria-selected:text-white"
          >
            {label}
          </button>
        ))}
      </div>
      {tab === 'journal' ? (
        <section aria-label="Journal" className="flex flex-col gap-6">
          <div className="flex items-center gap-2">
            <Button
              variant="secondary"
              aria-label="Previous day"
              onClick={() => setDate(shiftDate(date, -1))}
            >
              ←
            </Button>
            <h2 className="text-lg font-semibold">
              {date === today ? `Today, ${formatLocalDate(date)}` : formatLocalDate(date)}
            </h2>
            <Button
              variant="secondary"
              aria-label="Next day"
              disabled={date >= today}
              onClick={() => setDate(shiftDate(date, 1))}
            >
              →
            </Button>
          </div>
          <JournalDayEditor key={date} date={date} workspaceId={workspaceId} />
          <WorklogSearch />
          <WorklogTimeline from={shiftDate(today, -13)} to={today} workspaceId={workspaceId} />
        </section>
      ) : tab === 'insights' ? (
        <InsightsPanel />
      ) : (
        <ExportsPanel />
      )}
    </main>
  );
}
