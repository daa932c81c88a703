'use client';

import { useDroppable } from '@dnd-kit/core';
import type { Task } from '@teamflow/contracts/tasks';
import { formatLocalDate, monthOf, type LocalDate, type LocalMonth } from '@/lib/local-dates';
import { CalendarTaskChip } from './calendar-task-chip';

export interface ChipHandlers {
  canEdit: boolean;
  focusTaskId: string | undefined;
  onOpen: (task: Task) => void;
  onShift: (task: Task, days: number) => void;
}

function DayCell({
  day,
  month,
  today,
  tasks,
  handlers,
}: {
  day: LocalDate;
  month: LocalMonth;
  today: LocalDate;
  tasks: Task[];
  handlers: ChipHandlers;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: day });
  const outside = monthOf(day) !== month;
  return (
    <div
      ref={setNodeRef}
      role="group"
      aria-label={formatLocalDate(day, 'long')}
      aria-current={day === today ? 'date' : undefined}
      className={`flex min-h-28 min-w-0 flex-col gap-1 border-t border-l border-slate-200 p-1 dark:border-slate-700 ${outside ? 'bg-slate-50 dark:bg-slate-950' : 'bg-white dark:bg-slate-900'} ${isOver ? 'ring-2 ring-indigo-400 ring-inset' : ''}`}
    >
      <span
        aria-hidden
        className={`self-end rounded-full px-1.5 text-xs ${day === today ? 'bg-indigo-600 font-semibold text-white' : outside ? 'text-slate-500 dark:text-slate-400' : 'text-slate-600 dark:text-slate-300'}`}
      >
        {Number(day.slice(8))}
      </span>
      <ul className="flex max-h-32 flex-col gap-1 overflow-y-auto">
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
    </div>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The month as weeks of days (Monday first), each day a drop target holding its tasks. */
export function MonthGrid({
  month,
  weeks,
  today,
  byDay,
  handlers,
}: {
  month: LocalMonth;
  weeks: LocalDate[][];
  today: LocalDate;
  byDay: Map<LocalDate, Task[]>;
  handlers: ChipHandlers;
}) {
  return (
    <div className="overflow-hidden rounded-xl border-r border-b border-slate-200 dark:border-slate-700">
      <div
        aria-hidden
        className="grid grid-cols-7 text-center text-xs font-semibold text-slate-500 dark:text-slate-400"
      >
        {WEEKDAYS.map((d) => (
          <div key={d} className="border-t border-l border-slate-200 py-1 dark:border-slate-700">
            {d}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]} className="grid grid-cols-7">
          {week.map((day) => (
            <DayCell
              key={day}
              day={day}
              month={month}
              today={today}
              tasks={byDay.get(day) ?? []}
              handlers={handlers}
            />
          ))}
        </div>
      ))}
    </div>
  );
}
