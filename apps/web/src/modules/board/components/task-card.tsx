import type { Task } from '@teamflow/contracts/tasks';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { initials } from '@/lib/initials';
import { readableTextOn } from '@/lib/readable-text';
import { useHighlighted } from '@/modules/realtime/highlights';
import type { WorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { DueDate } from '@/modules/tasks/components/due-date';
import { PendingBadge } from '@/modules/offline/components/pending-badge';
import { PriorityBadge } from '@/modules/tasks/components/priority-badge';

interface TaskCardProps {
  task: Task;
  directory: WorkspaceDirectory;
  /** The drag handle, present only for roles that may move tasks. */
  handle?: ReactNode;
  dragging?: boolean;
}

export function TaskCard({ task, directory, handle, dragging = false }: TaskCardProps) {
  const assignees = task.assigneeIds.map((id) => directory.people.get(id)).filter((p) => p !== undefined);
  const labels = task.labelIds.map((id) => directory.labels.get(id)).filter((l) => l !== undefined);
  // Changed by someone else a moment ago (realtime).
  const live = useHighlighted(task.id);
  return (
    <article
      aria-label={`${task.key}: ${task.title}`}
      data-task-key={task.key}
      data-live-updated={live || undefined}
      className={`flex gap-2 rounded-lg border bg-white dark:bg-slate-900 p-3 shadow-sm transition-shadow has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-indigo-500 ${dragging ? 'border-indigo-400 shadow-lg' : 'border-slate-200 dark:border-slate-700'} ${live ? 'ring-2 ring-amber-400' : ''}`}
    >
      {handle}
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex items-center justify-between gap-2">
          <span className="flex items-center gap-1.5">
            <span className="text-xs font-semibold text-slate-600 dark:text-slate-400">{task.key}</span>
            <PendingBadge taskId={task.id} />
          </span>
          <PriorityBadge priority={task.priority} />
        </div>
        <Link
          href={`?task=${task.id}`}
          scroll={false}
          data-task-link
          className="text-sm leading-snug font-medium text-slate-900 dark:text-slate-100 hover:text-indigo-700 dark:hover:text-indigo-300"
        >
          {task.title}
        </Link>
        {labels.length > 0 ? (
          <ul aria-label="Labels" className="flex flex-wrap gap-1">
            {labels.map((label) => (
              <li
                key={label.id}
                className="rounded-full px-2 py-0.5 text-[11px] font-medium"
                style={{ backgroundColor: label.color, color: readableTextOn(label.color) }}
              >
                {label.name}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
          <DueDate task={task} />
          {task.storyPoints ? (
            <span className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800 dark:text-slate-300">
              <span aria-hidden>{task.storyPoints} pt</span>
              <span className="sr-only">{task.storyPoints} story points</span>
            </span>
          ) : null}
          <span className="ml-auto flex -space-x-1">
            {assignees.map((person) => (
              <span
                key={person.id}
                role="img"
                title={person.name}
                aria-label={`Assigned to ${person.name}`}
                className="flex h-6 w-6 items-center justify-center rounded-full border-2 border-white bg-indigo-100 text-[10px] font-bold text-indigo-800 dark:border-slate-900"
              >
                {initials(person.name)}
              </span>
            ))}
          </span>
        </div>
      </div>
    </article>
  );
}
