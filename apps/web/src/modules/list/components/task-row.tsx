'use client';

import { TaskPriority, TaskStatus, type Task } from '@teamflow/contracts/tasks';
import Link from 'next/link';
import { localDateOf } from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { DueDate } from '@/modules/tasks/components/due-date';
import { STATUS_LABEL } from '@/modules/tasks/task-status';
import { useHighlighted } from '@/modules/realtime/highlights';
import { usePatchTask } from '@/modules/tasks/hooks/use-patch-task';

const cellSelect =
  'rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-900';

interface TaskRowProps {
  task: Task;
  canEdit: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}

export function TaskRow({ task, canEdit, selected, onSelect }: TaskRowProps) {
  const patch = usePatchTask();
  const live = useHighlighted(task.id);
  const zone = useTimeZone();
  return (
    <tr
      aria-label={`${task.key}: ${task.title}`}
      data-live-updated={live || undefined}
      className={`border-t border-slate-100 transition-colors dark:border-slate-800 has-[a:focus-visible]:bg-indigo-50 dark:has-[a:focus-visible]:bg-indigo-950 ${live ? 'bg-amber-50 dark:bg-amber-950' : ''}`}
    >
      {canEdit ? (
        <td className="px-3 py-2">
          <input
            type="checkbox"
            aria-label={`Select ${task.key}`}
            checked={selected}
            onChange={(event) => onSelect(event.target.checked)}
          />
        </td>
      ) : null}
      <td className="px-3 py-2 font-mono text-xs text-slate-500 dark:text-slate-400">{task.key}</td>
      <td className="px-3 py-2">
        <Link
          href={`?task=${task.id}`}
          scroll={false}
          data-task-link
          className="hover:text-indigo-700 hover:underline"
        >
          {task.title}
        </Link>
      </td>
      <td className="px-3 py-2">
        <select
          aria-label={`Status of ${task.key}`}
          value={task.status}
          disabled={!canEdit || patch.isPending}
          onChange={(event) => patch.mutate({ task, body: { status: TaskStatus.parse(event.target.value) } })}
          className={cellSelect}
        >
          {TaskStatus.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2">
        <select
          aria-label={`Priority of ${task.key}`}
          value={task.priority}
          disabled={!canEdit || patch.isPending}
          onChange={(event) =>
            patch.mutate({ task, body: { priority: TaskPriority.parse(event.target.value) } })
          }
          className={`${cellSelect} capitalize`}
        >
          {TaskPriority.options.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2 whitespace-nowrap text-slate-600 dark:text-slate-400">
        {task.dueDate ? <DueDate task={task} format="iso" /> : '—'}
      </td>
      <td className="px-3 py-2 whitespace-nowrap text-slate-600 dark:text-slate-400">
        {localDateOf(task.updatedAt, zone)}
      </td>
    </tr>
  );
}
