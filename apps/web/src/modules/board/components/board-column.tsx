'use client';

import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Task } from '@teamflow/contracts/tasks';
import { useCallback, useRef } from 'react';
import { STATUS_LABEL, type BoardStatus } from '@/modules/tasks/task-status';
import type { WorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { QuickAddTask } from './quick-add-task';
import { SortableTaskCard } from './sortable-task-card';
import { TaskCard } from './task-card';

// A card is about this tall before it is measured; the gap matches the non-virtual `gap-2`.
const ESTIMATED_CARD_HEIGHT = 112;
const CARD_GAP = 8;

interface BoardColumnProps {
  projectId: string;
  /** The droppable id: the status, or `lane:status` in a swimlane. */
  id: string;
  status: BoardStatus;
  /** The swimlane's name, for the column's accessible name. */
  lane?: string;
  tasks: Task[];
  directory: WorkspaceDirectory;
  canEdit: boolean;
  /** False while later pages stream in: cards keep their handles but cannot be dragged yet. */
  dragEnabled: boolean;
  /** The card being dragged: it stays rendered even when scrolled out of view. */
  activeId: string | null;
  /** Show the quick-add field (with swimlanes, only the Unassigned lane has it). */
  quickAdd: boolean;
}

/**
 * A status column. Only the cards in (or near) view are in the DOM, so a column with a thousand
 * cards costs what one with twenty does; the sortable list still names every card, so dragging
 * and the keyboard sensor see the whole column.
 */
export function BoardColumn({
  projectId,
  id,
  status,
  lane,
  tasks,
  directory,
  canEdit,
  dragEnabled,
  activeId,
  quickAdd,
}: BoardColumnProps) {
  // The column itself is a drop target, so a card can land in an empty column.
  const { setNodeRef, isOver } = useDroppable({ id, disabled: !canEdit || !dragEnabled });
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeIndex = activeId ? tasks.findIndex((t) => t.id === activeId) : -1;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change every render; this component is not compiler-memoised
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    gap: CARD_GAP,
    overscan: 6,
    getItemKey: (index) => tasks[index]?.id ?? index,
    // Before the scroller is measured, render as if it were a screen tall (no empty first frame).
    initialRect: { width: 288, height: 900 },
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        if (activeIndex >= 0 && !indexes.includes(activeIndex)) {
          indexes.push(activeIndex);
          indexes.sort((a, b) => a - b);
        }
        return indexes;
      },
      [activeIndex],
    ),
  });
  const name = lane ? `${lane}, ${STATUS_LABEL[status]}` : STATUS_LABEL[status];

  return (
    <section
      aria-label={name}
      data-status={status}
      className={`flex w-72 shrink-0 flex-col gap-2 rounded-xl p-2 ${isOver ? 'bg-indigo-50 dark:bg-indigo-950' : 'bg-slate-100 dark:bg-slate-800'}`}
    >
      <h2 className="flex items-center justify-between px-2 pt-1 text-sm font-semibold text-slate-700 dark:text-slate-300">
        {STATUS_LABEL[status]}
        <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600 dark:bg-slate-900 dark:text-slate-300">
          {tasks.length}
          <span className="sr-only"> tasks</span>
        </span>
      </h2>
      <div
        ref={scrollRef}
        data-column-scroller
        className={`-mx-1 overflow-y-auto px-1 ${lane ? 'max-h-[28rem]' : 'max-h-[calc(100dvh-22.5rem)] min-h-16'}`}
      >
        <SortableContext id={id} items={tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
          <ul
            ref={setNodeRef}
            aria-label={`${name} tasks`}
            className="relative min-h-16"
            style={tasks.length > 0 ? { height: virtualizer.getTotalSize() } : undefined}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const task = tasks[item.index];
              if (!task) return null;
              const place = {
                index: item.index,
                start: item.start,
                setSize: tasks.length,
                measure: virtualizer.measureElement,
              };
              return canEdit ? (
                <SortableTaskCard
                  key={task.id}
                  task={task}
                  directory={directory}
                  place={place}
                  disabled={!dragEnabled}
                />
              ) : (
                <li
                  key={task.id}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  aria-setsize={tasks.length}
                  aria-posinset={item.index + 1}
                  className="absolute inset-x-0"
                  style={{ top: item.start }}
                >
                  <TaskCard task={task} directory={directory} />
                </li>
              );
            })}
            {tasks.length === 0 ? (
              <li className="rounded-lg border border-dashed border-slate-300 px-3 py-4 text-center text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400">
                {canEdit ? 'No tasks. Drag a card here or add one below.' : 'No tasks here.'}
              </li>
            ) : null}
          </ul>
        </SortableContext>
      </div>
      {quickAdd ? <QuickAddTask projectId={projectId} status={status} /> : null}
    </section>
  );
}
