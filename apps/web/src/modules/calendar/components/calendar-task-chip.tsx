'use client';

import { useDraggable } from '@dnd-kit/core';
import type { Task, TaskPriority } from '@teamflow/contracts/tasks';
import type { KeyboardEvent, PointerEventHandler } from 'react';

export const PRIORITY_EDGE: Record<TaskPriority, string> = {
  // Repeated under dark: so the chip's dark border colour does not cover the left edge.
  low: 'border-l-slate-400 dark:border-l-slate-400',
  medium: 'border-l-sky-500 dark:border-l-sky-500',
  high: 'border-l-amber-500 dark:border-l-amber-500',
  critical: 'border-l-rose-600 dark:border-l-rose-600',
};

// Alt + arrows move the task by a day or a week: the keyboard way to drag.
const KEY_DAYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

interface ChipProps {
  task: Task;
  canEdit: boolean;
  autoFocus: boolean;
  onOpen: (task: Task) => void;
  onShift: (task: Task, days: number) => void;
}

/** A task on the calendar: click (or Enter) opens it; drag, or Alt + arrow keys, reschedules it. */
export function CalendarTaskChip({ task, canEdit, autoFocus, onOpen, onShift }: ChipProps) {
  const { setNodeRef, listeners, isDragging, transform } = useDraggable({
    id: task.id,
    data: { task },
    disabled: !canEdit,
  });
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const days = KEY_DAYS[event.key];
    if (!canEdit || !event.altKey || days === undefined || !task.dueDate) return;
    event.preventDefault();
    onShift(task, days);
  };

  return (
    <button
      ref={setNodeRef}
      type="button"
      // The pointer listener only: keyboard moves are ours (Alt + arrows), Enter/Space still click.
      onPointerDown={canEdit ? (listeners?.onPointerDown as PointerEventHandler | undefined) : undefined}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(task)}
      autoFocus={autoFocus}
      aria-label={`${task.key}: ${task.title}, ${task.priority} priority`}
      title={task.title}
      aria-describedby={canEdit && task.dueDate ? 'calendar-move-hint' : undefined}
      style={transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined}
      className={`flex w-full min-w-0 touch-none items-center gap-1 rounded border border-l-4 border-slate-200 bg-white px-1.5 py-0.5 text-left text-xs shadow-sm hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:bg-slate-900 ${PRIORITY_EDGE[task.priority]} ${isDragging ? 'relative z-20 opacity-80 shadow-lg' : ''} ${task.status === 'done' ? 'text-slate-500 dark:text-slate-400 line-through' : ''}`}
    >
      <span className="shrink-0 font-mono text-[10px] text-slate-500 dark:text-slate-400">{task.key}</span>{' '}
      <span className="truncate">{task.title}</span>
    </button>
  );
}
