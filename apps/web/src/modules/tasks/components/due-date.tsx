'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { formatLocalDate, isOverdue } from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';

/**
 * A task's due date as a label ("17 May", or the ISO date in a table), marked overdue once the
 * day has ended in the user's zone and the task is not finished.
 */
export function DueDate({ task, format = 'short' }: { task: Task; format?: 'short' | 'iso' }) {
  const zone = useTimeZone();
  if (!task.dueDate) return null;
  const late = task.status !== 'done' && task.status !== 'archived' && isOverdue(task.dueDate, zone);
  return (
    <span className={late ? 'font-medium text-rose-700 dark:text-rose-300' : undefined}>
      <span className="sr-only">Due </span>
      <time dateTime={task.dueDate}>{format === 'iso' ? task.dueDate : formatLocalDate(task.dueDate)}</time>
      {late ? <span className="ml-1">· overdue</span> : null}
    </span>
  );
}
