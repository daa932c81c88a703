'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Task } from '@teamflow/contracts/tasks';
import type { WorkspaceDirectory } from '../hooks/use-workspace-directory';
import { TaskCard } from './task-card';

/** A card that can be dragged by its handle (pointer or keyboard: Space, arrows, Space). */
export function SortableTaskCard({ task, directory }: { task: Task; directory: WorkspaceDirectory }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: task.id,
    });
  const handle = (
    <button
      ref={setActivatorNodeRef}
      type="button"
      aria-label={`Move ${task.key}`}
      data-drag-handle
      className="-my-1 -ml-1 flex w-5 shrink-0 cursor-grab touch-none items-start justify-center rounded pt-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600 active:cursor-grabbing"
      {...attributes}
      {...listeners}
    >
      <span aria-hidden className="tracking-[-0.3em]">
        ⋮⋮
      </span>
    </button>
  );
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? 'opacity-40' : undefined}
    >
      <TaskCard task={task} directory={directory} handle={handle} />
    </li>
  );
}
