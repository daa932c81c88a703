'use client';

import { useQuest } from '../hooks/use-progress';
import { FlagIcon, INLINE_ICON } from './progress-icons';

/** The team quest: the active sprint's goal with done against committed points. */
export function QuestBar({ workspaceId, projectId }: { workspaceId: string; projectId?: string }) {
  const { data: quest } = useQuest(workspaceId, projectId);
  if (!quest?.sprintId) return null;
  const percent = Math.min(100, quest.percent);
  return (
    <section
      aria-label="Team quest"
      data-testid="quest-bar"
      className="flex flex-col gap-1 rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">
          <FlagIcon className={`${INLINE_ICON} mr-1.5`} />
          {quest.goal ?? quest.name}
          <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{quest.name}</span>
        </span>
        <span className="text-xs text-slate-600 dark:text-slate-300">
          {quest.donePoints} / {quest.committedPoints} points
        </span>
      </div>
      <div
        role="meter"
        aria-label="Sprint goal progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className="h-full rounded-full bg-emerald-600 dark:bg-emerald-400"
          style={{ width: `${percent}%` }}
        />
      </div>
    </section>
  );
}
