'use client';

import { TIMELINE_TASK_LIMIT } from '@teamflow/contracts/worklog';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { formatLocalDate } from '@/lib/local-dates';
import { useTimeline } from '../hooks/use-worklog';
import { AnalysisChips } from './analysis-chips';

/** The last two weeks: entries merged with the tasks completed, newest day first. */
export function WorklogTimeline({
  from,
  to,
  workspaceId,
}: {
  from: string;
  to: string;
  workspaceId: string;
}) {
  const timeline = useTimeline(from, to);
  if (timeline.isPending)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Loading the timeline…</p>;
  if (timeline.isError) return <p role="alert">The timeline could not be loaded.</p>;
  if (timeline.data.items.length === 0)
    return (
      <EmptyState title="No entries or finished tasks in the last two weeks">
        Write today’s entry above.
      </EmptyState>
    );
  return (
    <div className="flex flex-col gap-3">
      {timeline.data.tasksTruncated ? (
        // The api lists the most recent tasks only: say so, or the older days would look idle.
        <p role="status" className="text-sm text-amber-800 dark:text-amber-200">
          Showing your {TIMELINE_TASK_LIMIT.toLocaleString('en')} most recently completed tasks; earlier ones
          in this range are not listed.
        </p>
      ) : null}
      <ol aria-label="Timeline" className="flex flex-col gap-3">
        {timeline.data.items.map((item) =>
          item.kind === 'entry' ? (
            <li key={item.entry.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
              <p className="mb-1 text-xs font-semibold text-slate-500 dark:text-slate-400">
                {formatLocalDate(item.date)} · entry
              </p>
              <MarkdownView source={item.entry.body} workspaceId={workspaceId} />
              <div className="mt-2">
                <AnalysisChips analysis={item.entry.analysis} />
              </div>
            </li>
          ) : (
            <li
              key={item.task.id}
              className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
            >
              <span className="text-xs font-semibold text-slate-500 dark:text-slate-400">
                {formatLocalDate(item.date)} · done
              </span>{' '}
              <span className="font-mono">{item.task.key}</span> {item.task.title}{' '}
              <span className="text-xs text-slate-500 dark:text-slate-400">({item.task.project.name})</span>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
