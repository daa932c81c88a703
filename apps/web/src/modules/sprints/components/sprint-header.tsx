'use client';

import type { Sprint } from '@teamflow/contracts/sprints';
import Link from 'next/link';
import { daysBetween, formatLocalDate, formatLocalDateRange, todayIn } from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { Button } from '@/modules/ui/components/button';

export const sprintDates = (s: Sprint) =>
  s.startDate && s.endDate
    ? formatLocalDateRange(s.startDate, s.endDate)
    : s.startDate || s.endDate
      ? `${s.startDate ? formatLocalDate(s.startDate) : '…'} – ${s.endDate ? formatLocalDate(s.endDate) : '…'}`
      : 'No dates yet';

/** How long an active sprint has left, counted in days where the user is ("3 days left"). */
export function sprintDaysLeft(sprint: Sprint, today: string): string | null {
  if (sprint.state !== 'active' || !sprint.endDate) return null;
  const left = daysBetween(today, sprint.endDate);
  if (left > 1) return `${left} days left`;
  if (left === 1) return '1 day left';
  if (left === 0) return 'ends today';
  return `${-left} ${left === -1 ? 'day' : 'days'} past its end`;
}

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
  const daysLeft = sprintDaysLeft(sprint, todayIn(useTimeZone()));
  return (
    <header className="flex flex-wrap items-center justify-between gap-2">
      <div className="min-w-0">
        <h3 className="flex flex-wrap items-center gap-2 font-semibold">
          <span className="truncate">{sprint.name}</span> <SprintStateBadge state={sprint.state} />
        </h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {sprintDates(sprint)}
          {daysLeft ? ` (${daysLeft})` : ''} · {sprint.taskCount} {sprint.taskCount === 1 ? 'task' : 'tasks'}{' '}
          · {sprint.donePoints}/{sprint.totalPoints} points done
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
