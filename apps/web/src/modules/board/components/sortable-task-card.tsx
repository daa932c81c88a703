'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Task } from '@teamflow/contracts/tasks';
import { useCallback } from 'react';
import type { WorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { TaskCard } from './task-card';

/** Where the virtual column places the card, and how it learns the card's real height. */
export interface CardPlace {
  index: number;
  start: number;
  setSize: number;
  measure: (node: Element | null) => void;
}

/** A card that can be dragged by its handle (pointer or keyboard: Space, arrows, Space). */
export function SortableTaskCard({
  task,
  directory,
  place,
  disabled,
}: {
  task: Task;
  directory: WorkspaceDirectory;
  place: CardPlace;
  disabled: boolean;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: task.id, disabled });
  const { measure } = place;
  const ref = useCallback(
    (node: HTMLLIElement | null) => {
      setNodeRef(node);
      measure(node);
    },
    [setNodeRef, measure],
  );
  const handle = (
    <button
      ref={setActivatorNodeRef}
      type="button"
      aria-label={`Move ${task.key}`}
      data-drag-handle
      className="-my-1 -ml-1 flex w-5 shrink-0 cursor-grab touch-none items-start justify-center rounded pt-1 text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600 active:cursor-grabbing dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-200"
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
      ref={ref}
      data-index={place.index}
      aria-setsize={place.setSize}
      aria-posinset={place.index + 1}
      style={{ top: place.start, transform: CSS.Translate.toString(transform), transition }}
      className={`absolute inset-x-0 ${isDragging ? 'opacity-40' : ''}`}
    >
      <TaskCard task={task} directory={directory} handle={handle} />
    </li>
  );
}
