'use client';

import { useDroppable } from '@dnd-kit/core';
import type { Task } from '@teamflow/contracts/tasks';
import { CalendarTaskChip } from './calendar-task-chip';
import type { ChipHandlers } from './month-grid';

export const NO_DUE_DATE = 'no-due-date';

/** Tasks without a due date; dropping a task here clears its date. */
export function UnscheduledList({ tasks, handlers }: { tasks: Task[]; handlers: ChipHandlers }) {
  const { setNodeRef, isOver } = useDroppable({ id: NO_DUE_DATE });
  return (
    <aside
      ref={setNodeRef}
      aria-labelledby="no-due-date-heading"
      className={`flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900 ${isOver ? 'ring-2 ring-indigo-400' : ''}`}
    >
      <h2 id="no-due-date-heading" className="text-sm font-semibold">
        No due date <span className="font-normal text-slate-500 dark:text-slate-400">({tasks.length})</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Every open task has a due date.</p>
      ) : (
        <ul
          aria-label="Tasks without a due date"
          className="flex max-h-[60vh] flex-col gap-1 overflow-y-auto"
        >
          {tasks.map((task) => (
            <li key={task.id}>
              <CalendarTaskChip
                task={task}
                canEdit={handlers.canEdit}
                autoFocus={handlers.focusTaskId === task.id}
                onOpen={handlers.onOpen}
                onShift={handlers.onShift}
              />
            </li>
          ))}
        </ul>
      )}
      {handlers.canEdit ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Drag a task onto a day to give it a due date, or here to clear it.
        </p>
      ) : null}
    </aside>
  );
}
