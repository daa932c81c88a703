'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { formatLocalDate, type LocalDate } from '@/lib/local-dates';
import { PRIORITY_EDGE } from './calendar-task-chip';

/** Phone width: the month's days that have tasks, as a list (the grid needs a wider screen). */
export function AgendaList({
  days,
  byDay,
  today,
  onOpen,
}: {
  days: LocalDate[];
  byDay: Map<LocalDate, Task[]>;
  today: LocalDate;
  onOpen: (task: Task) => void;
}) {
  const withTasks = days.filter((d) => (byDay.get(d)?.length ?? 0) > 0);
  if (withTasks.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-400">No task is due this month.</p>;
  return (
    <ol aria-label="Agenda" className="flex flex-col gap-3">
      {withTasks.map((day) => (
        <li key={day}>
          <h3 className="mb-1 text-sm font-semibold">
            {formatLocalDate(day, 'long')}
            {day === today ? (
              <span className="ml-2 text-xs text-indigo-700 dark:text-indigo-300">Today</span>
            ) : null}
          </h3>
          <ul className="flex flex-col gap-1">
            {byDay.get(day)!.map((task) => (
              <li key={task.id}>
                <button
                  type="button"
                  onClick={() => onOpen(task)}
                  className={`flex w-full items-center gap-2 rounded border border-l-4 border-slate-200 bg-white px-2 py-2 text-left text-sm dark:border-slate-700 dark:bg-slate-900 ${PRIORITY_EDGE[task.priority]}`}
                >
                  <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{task.key}</span>
                  <span className="flex-1 truncate">{task.title}</span>
                  <span className="text-xs text-slate-500 dark:text-slate-400 capitalize">
                    {task.priority}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
