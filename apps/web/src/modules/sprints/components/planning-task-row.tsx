'use client';

import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import type { Sprint } from '@teamflow/contracts/sprints';
import type { Task } from '@teamflow/contracts/tasks';
import Link from 'next/link';
import { STATUS_LABEL } from '@/modules/tasks/task-status';

interface PlanningTaskRowProps {
  task: Task;
  /** Sprints a task may move to (not completed); absent for read-only roles. */
  targets?: Sprint[];
  onMove?: (to: string | null) => void;
}

/** A task in the backlog or a sprint: drag it by its handle, or pick its sprint from the list. */
export function PlanningTaskRow({ task, targets, onMove }: PlanningTaskRowProps) {
  const editable = Boolean(targets && onMove);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: task.id,
    disabled: !editable,
  });
  const done = task.status === 'done' || task.status === 'archived';
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform) }}
      className={`flex flex-wrap items-center gap-2 rounded-md border bg-white px-2 py-1.5 text-sm dark:bg-slate-900 ${
        isDragging ? 'z-10 border-indigo-400 shadow-lg' : 'border-slate-200 dark:border-slate-700'
      }`}
      aria-label={`${task.key}: ${task.title}`}
    >
      {editable ? (
        <button
          ref={setActivatorNodeRef}
          type="button"
          aria-label={`Drag ${task.key}`}
          className="flex w-5 shrink-0 cursor-grab touch-none justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800"
          {...attributes}
          {...listeners}
        >
          <span aria-hidden className="tracking-[-0.3em]">
            ⋮⋮
          </span>
        </button>
      ) : null}
      <span className="w-16 shrink-0 text-xs font-semibold text-slate-500 dark:text-slate-400">
        {task.key}
      </span>
      <Link
        href={`?task=${task.id}`}
        scroll={false}
        className={`min-w-0 flex-1 basis-32 truncate hover:text-indigo-700 ${done ? 'text-slate-500 dark:text-slate-400 line-through' : ''}`}
      >
        {task.title}
      </Link>
      <span className="hidden text-xs text-slate-500 dark:text-slate-400 sm:inline">
        {STATUS_LABEL[task.status]}
      </span>
      <span
        className="w-8 shrink-0 rounded bg-slate-100 px-1 text-center text-xs tabular-nums dark:bg-slate-800"
        title="Story points"
      >
        {task.storyPoints ?? '–'}
      </span>
      {editable ? (
        <select
          aria-label={`Sprint for ${task.key}`}
          value={task.sprintId ?? ''}
          onChange={(event) => onMove!(event.target.value || null)}
          className="ml-auto w-36 shrink-0 rounded sm:w-40 border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="">Backlog</option>
          {targets!.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      ) : null}
    </li>
  );
}
