'use client';

import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  TraversalOrder,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { Task } from '@teamflow/contracts/tasks';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { BOARD_STATUSES, STATUS_LABEL } from '@/modules/tasks/task-status';
import {
  columnId,
  findColumn,
  groupIntoLayout,
  laneOf,
  moveTargetAt,
  parseColumnId,
  UNASSIGNED_LANE,
  type BoardGrouping,
  type Layout,
} from '../board-columns';
import { useMoveTask } from '../hooks/use-move-task';
import type { WorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { BoardColumn } from './board-column';
import { TaskCard } from './task-card';

interface BoardProps {
  projectId: string;
  tasks: Task[];
  directory: WorkspaceDirectory;
  /** May the user change tasks (viewers may not). */
  canEdit: boolean;
  /** False while later pages still stream in: the board shows what it has but takes no drops yet. */
  complete: boolean;
  grouping: BoardGrouping;
}

// Visible in production builds: the e2e performance spec reads these (see e2e/specs/board-performance).
function markOnce(name: string): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}

/** Moves a card between columns while it is dragged, so the target column opens a gap for it. */
function moveAcrossColumns(layout: Layout, activeId: string, overId: string): Layout {
  const from = findColumn(layout, activeId);
  const to = findColumn(layout, overId);
  if (!from || !to || from === to) return layout;
  const source = layout[from] ?? [];
  const target = layout[to] ?? [];
  const overIndex = target.indexOf(overId);
  const insertAt = overIndex >= 0 ? overIndex : target.length;
  return {
    ...layout,
    [from]: source.filter((id) => id !== activeId),
    [to]: [...target.slice(0, insertAt), activeId, ...target.slice(insertAt)],
  };
}

/** The assignees after a drop into another lane: the lane's person first, the old lane's person out. */
function assigneesForLane(task: Task, from: string | null, to: string): string[] {
  if (to === UNASSIGNED_LANE) return [];
  return [to, ...task.assigneeIds.filter((id) => id !== to && id !== from)];
}

export function Board({ projectId, tasks, directory, canEdit, complete, grouping }: BoardProps) {
  const move = useMoveTask(projectId);
  const canDrag = canEdit && complete;
  const tasksById = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  // Lanes: everyone who is some task's first assignee, by name, then "Unassigned" (always there,
  // so a card can be dropped out of a person's lane and new tasks have a place to appear).
  const { people } = directory;
  const lanes = useMemo(() => {
    if (grouping === 'none') return [];
    const firsts = new Set<string>();
    for (const task of tasks) if (task.assigneeIds[0]) firsts.add(task.assigneeIds[0]);
    const name = (id: string) => people.get(id)?.name ?? '';
    return [...[...firsts].sort((a, b) => name(a).localeCompare(name(b))), UNASSIGNED_LANE];
  }, [grouping, tasks, people]);
  const savedLayout = useMemo(() => groupIntoLayout(tasks, grouping, lanes), [tasks, grouping, lanes]);
  // While a drag is under way the board shows this layout; the cache changes only on drop.
  const [dragLayout, setDragLayoutState] = useState<Layout | null>(null);
  const dragLayoutRef = useRef<Layout | null>(null);
  const [activeId, setActiveIdState] = useState<string | null>(null);
  const activeIdRef = useRef<string | null>(null);
  const setActiveId = (id: string | null) => {
    activeIdRef.current = id;
    setActiveIdState(id);
  };
  const layout = dragLayout ?? savedLayout;
  const setDragLayout = (next: Layout | null) => {
    dragLayoutRef.current = next;
    setDragLayoutState(next);
  };
  const dropPending = useRef(false);

  const laneName = (lane: string | null) =>
    lane === null
      ? undefined
      : lane === UNASSIGNED_LANE
        ? 'Unassigned'
        : (directory.people.get(lane)?.name ?? 'Someone');

  useLayoutEffect(() => {
    // The first commit with cards (or an empty board) is what "the board is ready" means.
    markOnce('board:ready');
  }, []);
  useLayoutEffect(() => {
    if (complete) markOnce('board:complete');
  }, [complete]);
  useLayoutEffect(() => {
    // The first commit after a drop shows the card in its new column (the drop keeps the drag
    // layout until the cache has the move): measure from the drop to the frame after it.
    if (!dropPending.current) return;
    dropPending.current = false;
    requestAnimationFrame(() => {
      if (performance.getEntriesByName('board:drop', 'mark').length === 0) return;
      performance.measure('board:drop-to-paint', 'board:drop');
    });
  });
  useEffect(() => {
    // The cache has the move (or its rollback): show the saved layout again.
    if (dragLayoutRef.current && !activeIdRef.current) setDragLayout(null);
  }, [tasks]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const describe = (id: string | number) => {
    const task = tasksById.get(String(id));
    return task ? `${task.key} ${task.title}` : 'the task';
  };
  const columnOf = (id: string | number) => {
    const column = findColumn(dragLayoutRef.current ?? savedLayout, String(id));
    const parsed = column ? parseColumnId(column) : undefined;
    if (!parsed) return 'the board';
    const lane = laneName(parsed.lane);
    return lane ? `${STATUS_LABEL[parsed.status]}, ${lane}` : STATUS_LABEL[parsed.status];
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${describe(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${describe(active.id)} is over ${columnOf(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `${describe(active.id)} dropped in ${columnOf(over.id)}.` : `${describe(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${describe(active.id)} was cancelled.`,
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(String(active.id));
    setDragLayout(savedLayout);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const current = dragLayoutRef.current;
    if (!over || !current) return;
    const next = moveAcrossColumns(current, String(active.id), String(over.id));
    if (next !== current) setDragLayout(next);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    performance.clearMarks('board:drop');
    performance.mark('board:drop');
    const current = dragLayoutRef.current ?? savedLayout;
    setActiveId(null);
    const taskId = String(active.id);
    const task = tasksById.get(taskId);
    const column = findColumn(current, taskId);
    const parsed = column ? parseColumnId(column) : undefined;
    if (!over || !task || !column || !parsed) {
      setDragLayout(null);
      return;
    }

    const list = current[column] ?? [];
    const overIndex = list.indexOf(String(over.id));
    const finalLayout =
      overIndex >= 0 ? { ...current, [column]: arrayMove(list, list.indexOf(taskId), overIndex) } : current;
    const target = moveTargetAt(finalLayout, column, taskId);
    const before = moveTargetAt(savedLayout, column, taskId);
    const fromLane = laneOf(task, grouping);
    const laneChanged = parsed.lane !== null && parsed.lane !== fromLane;
    const unchanged =
      !laneChanged &&
      task.status === parsed.status &&
      target.afterId === before.afterId &&
      target.beforeId === before.beforeId;
    if (unchanged) {
      setDragLayout(null);
      return;
    }
    // The card stays where it was dropped until the cache update (next tick) re-renders the board.
    setDragLayout(finalLayout);
    dropPending.current = true;
    move(
      task,
      target,
      undefined,
      laneChanged && parsed.lane ? { assigneeIds: assigneesForLane(task, fromLane, parsed.lane) } : {},
    );
  };

  const columnsOf = (lane: string | null) =>
    BOARD_STATUSES.map((status) => {
      const id = columnId(lane, status);
      return (
        <BoardColumn
          key={id}
          id={id}
          projectId={projectId}
          status={status}
          lane={laneName(lane)}
          tasks={(layout[id] ?? []).map((taskId) => tasksById.get(taskId)).filter((t) => t !== undefined)}
          directory={directory}
          canEdit={canEdit}
          dragEnabled={canDrag}
          activeId={activeId}
          quickAdd={canEdit && (lane === null || lane === UNASSIGNED_LANE)}
        />
      );
    });

  const board =
    grouping === 'none' ? (
      // `relative` keeps the cards' absolutely positioned sr-only text inside the scroller:
      // without it a phone-width page pans sideways.
      <div className="relative flex items-start gap-4 overflow-x-auto px-4 pb-6 sm:px-6">
        {columnsOf(null)}
      </div>
    ) : (
      <div className="relative flex flex-col gap-6 overflow-x-auto px-4 pb-6 sm:px-6">
        {lanes.map((lane) => (
          <section
            key={lane}
            aria-label={`Swimlane ${laneName(lane)}`}
            data-lane={lane}
            className="flex flex-col gap-2"
          >
            <h2 className="sticky left-0 text-sm font-semibold text-slate-800 dark:text-slate-200">
              {laneName(lane)}{' '}
              <span className="font-normal text-slate-600 dark:text-slate-400">
                ({taskCount(BOARD_STATUSES.reduce((n, s) => n + (layout[columnId(lane, s)]?.length ?? 0), 0))}
                )
              </span>
            </h2>
            <div className="flex items-start gap-4">{columnsOf(lane)}</div>
          </section>
        ))}
      </div>
    );

  // Editors always get the drag context (drops wait for the last page), so columns never remount.
  if (!canEdit) return board;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      // Cards scrolled into a virtual column mount mid-drag: measure them as they appear.
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      // Near a column's edge the column scrolls before the page does (innermost scroller first).
      autoScroll={{ order: TraversalOrder.ReversedTreeOrder }}
      accessibility={{ announcements }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActiveId(null);
        setDragLayout(null);
      }}
    >
      {board}
      <DragOverlay>{activeTask(activeId, tasksById, directory)}</DragOverlay>
    </DndContext>
  );
}

function taskCount(count: number): string {
  return count === 1 ? '1 task' : `${count} tasks`;
}

function activeTask(activeId: string | null, tasksById: Map<string, Task>, directory: WorkspaceDirectory) {
  const task = activeId ? tasksById.get(activeId) : undefined;
  return task ? <TaskCard task={task} directory={directory} dragging /> : null;
}
