'use client';

import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Task } from '@teamflow/contracts/tasks';
import { STATUS_LABEL, type BoardStatus } from '../board-columns';
import type { WorkspaceDirectory } from '../hooks/use-workspace-directory';
import { QuickAddTask } from './quick-add-task';
import { SortableTaskCard } from './sortable-task-card';
import { TaskCard } from './task-card';

interface BoardColumnProps {
  projectId: string;
  status: BoardStatus;
  tasks: Task[];
  directory: WorkspaceDirectory;
  canEdit: boolean;
}

export function BoardColumn({ projectId, status, tasks, directory, canEdit }: BoardColumnProps) {
  // The column itself is a drop target, so a card can land in an empty column.
  const { setNodeRef, isOver } = useDroppable({ id: status, disabled: !canEdit });
  return (
    <section
      aria-label={STATUS_LABEL[status]}
      data-status={status}
      className={`flex w-72 shrink-0 flex-col gap-2 rounded-xl p-2 ${isOver ? 'bg-indigo-50' : 'bg-slate-100 dark:bg-slate-800'}`}
    >
      <h2 className="flex items-center justify-between px-2 pt-1 text-sm font-semibold text-slate-700 dark:text-slate-300">
        {STATUS_LABEL[status]}
        <span className="rounded-full bg-white dark:bg-slate-900 px-2 text-xs font-medium text-slate-500">
          {tasks.length}
          <span className="sr-only"> tasks</span>
        </span>
      </h2>
      <SortableContext id={status} items={tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
        <ul
          ref={setNodeRef}
          aria-label={`${STATUS_LABEL[status]} tasks`}
          className="flex min-h-16 flex-col gap-2"
        >
          {tasks.map((task) =>
            canEdit ? (
              <SortableTaskCard key={task.id} task={task} directory={directory} />
            ) : (
              <li key={task.id}>
                <TaskCard task={task} directory={directory} />
              </li>
            ),
          )}
          {tasks.length === 0 ? (
            <li className="rounded-lg border border-dashed border-slate-300 dark:border-slate-600 px-3 py-4 text-center text-xs text-slate-500">
              {canEdit ? 'No tasks. Drag a card here or add one below.' : 'No tasks here.'}
            </li>
          ) : null}
        </ul>
      </SortableContext>
      {canEdit ? <QuickAddTask projectId={projectId} status={status} /> : null}
    </section>
  );
}
