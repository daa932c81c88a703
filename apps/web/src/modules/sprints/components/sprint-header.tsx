'use client';

import type { Sprint } from '@teamflow/contracts/sprints';
import Link from 'next/link';
import { Button } from '@/modules/ui/components/button';

const dayFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
export const sprintDates = (s: Sprint) =>
  s.startDate || s.endDate
    ? `${s.startDate ? dayFormat.format(new Date(`${s.startDate}T00:00:00Z`)) : '…'} – ${
        s.endDate ? dayFormat.format(new Date(`${s.endDate}T00:00:00Z`)) : '…'
      }`
    : 'No dates yet';

const STATE_STYLE: Record<Sprint['state'], string> = {
  planned: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  active: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  completed: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200',
};

export function SprintStateBadge({ state }: { state: Sprint['state'] }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[state]}`}>
      {state.charAt(0).toUpperCase() + state.slice(1)}
    </span>
  );
}

interface SprintHeaderProps {
  sprint: Sprint;
  reportHref: string;
  canEdit: boolean;
  /** False while another sprint of the project is active. */
  canStart: boolean;
  pending: boolean;
  onStart: () => void;
  onComplete: () => void;
}

export function SprintHeader({
  sprint,
  reportHref,
  canEdit,
  canStart,
  pending,
  onStart,
  onComplete,
}: SprintHeaderProps) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-2">
      <div className="min-w-0">
        <h3 className="flex flex-wrap items-center gap-2 font-semibold">
          <span className="truncate">{sprint.name}</span> <SprintStateBadge state={sprint.state} />
        </h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {sprintDates(sprint)} · {sprint.taskCount} {sprint.taskCount === 1 ? 'task' : 'tasks'} ·{' '}
          {sprint.donePoints}/{sprint.totalPoints} points done
        </p>
        {sprint.goal ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">Goal: {sprint.goal}</p>
        ) : null}
      </div>
      <div className="flex items-center gap-2">
        <Link href={reportHref} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Report<span className="sr-only"> for {sprint.name}</span>
        </Link>
        {canEdit && sprint.state === 'planned' ? (
          <Button
            variant="secondary"
            onClick={onStart}
            disabled={pending || !canStart}
            title={canStart ? undefined : 'Complete the active sprint first'}
            aria-label={`Start ${sprint.name}`}
          >
            Start sprint
          </Button>
        ) : null}
        {canEdit && sprint.state === 'active' ? (
          <Button
            variant="secondary"
            onClick={onComplete}
            disabled={pending}
            aria-label={`Complete ${sprint.name}`}
          >
            Complete sprint
          </Button>
        ) : null}
      </div>
    </header>
  );
}
