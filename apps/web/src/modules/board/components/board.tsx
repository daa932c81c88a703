'use client';

import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { Task } from '@teamflow/contracts/tasks';
import { useMemo, useRef, useState } from 'react';
import {
  BOARD_STATUSES,
  findColumn,
  groupIntoColumns,
  moveTargetAt,
  STATUS_LABEL,
  type ColumnIds,
} from '../board-columns';
import { useMoveTask } from '../hooks/use-move-task';
import type { WorkspaceDirectory } from '../hooks/use-workspace-directory';
import { BoardColumn } from './board-column';
import { TaskCard } from './task-card';

interface BoardProps {
  projectId: string;
  tasks: Task[];
  directory: WorkspaceDirectory;
  canEdit: boolean;
}

/** Moves a card between columns while it is dragged, so the target column opens a gap for it. */
function moveAcrossColumns(columns: ColumnIds, activeId: string, overId: string): ColumnIds {
  const from = findColumn(columns, activeId);
  const to = findColumn(columns, overId);
  if (!from || !to || from === to) return columns;
  const target = columns[to];
  const overIndex = target.indexOf(overId);
  const insertAt = overIndex >= 0 ? overIndex : target.length;
  return {
    ...columns,
    [from]: columns[from].filter((id) => id !== activeId),
    [to]: [...target.slice(0, insertAt), activeId, ...target.slice(insertAt)],
  };
}

export function Board({ projectId, tasks, directory, canEdit }: BoardProps) {
  const move = useMoveTask(projectId);
  const tasksById = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  const savedColumns = useMemo(() => groupIntoColumns(tasks), [tasks]);
  // While a drag is under way the board shows this layout; the cache changes only on drop.
  const [dragColumns, setDragColumns] = useState<ColumnIds | null>(null);
  const dragColumnsRef = useRef<ColumnIds | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const columns = dragColumns ?? savedColumns;

  const setDragLayout = (next: ColumnIds | null) => {
    dragColumnsRef.current = next;
    setDragColumns(next);
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const describe = (id: string | number) => {
    const task = tasksById.get(String(id));
    return task ? `${task.key} ${task.title}` : 'the task';
  };
  const columnOf = (id: string | number) => {
    const status = findColumn(dragColumnsRef.current ?? savedColumns, String(id));
    return status ? STATUS_LABEL[status] : 'the board';
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
    setDragLayout(savedColumns);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const current = dragColumnsRef.current;
    if (!over || !current) return;
    const next = moveAcrossColumns(current, String(active.id), String(over.id));
    if (next !== current) setDragLayout(next);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const layout = dragColumnsRef.current ?? savedColumns;
    setActiveId(null);
    setDragLayout(null);
    const taskId = String(active.id);
    const task = tasksById.get(taskId);
    const status = findColumn(layout, taskId);
    if (!over || !task || !status) return;

    const list = layout[status];
    const overIndex = list.indexOf(String(over.id));
    const finalColumns =
      overIndex >= 0 ? { ...layout, [status]: arrayMove(list, list.indexOf(taskId), overIndex) } : layout;
    const target = moveTargetAt(finalColumns, status, taskId);
    const before = moveTargetAt(savedColumns, status, taskId);
    const unchanged =
      task.status === status && target.afterId === before.afterId && target.beforeId === before.beforeId;
    if (!unchanged) move(task, target);
  };

  const activeTask = activeId ? tasksById.get(activeId) : undefined;
  const board = (
    // `relative` keeps the cards' absolutely positioned sr-only text inside the scroller:
    // without it a phone-width page pans sideways.
    <div className="relative flex items-start gap-4 overflow-x-auto px-4 pb-6 sm:px-6">
      {BOARD_STATUSES.map((status) => (
        <BoardColumn
          key={status}
          projectId={projectId}
          status={status}
          tasks={columns[status].map((id) => tasksById.get(id)).filter((t) => t !== undefined)}
          directory={directory}
          canEdit={canEdit}
        />
      ))}
    </div>
  );

  if (!canEdit) return board;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
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
      <DragOverlay>
        {activeTask ? <TaskCard task={activeTask} directory={directory} dragging /> : null}
      </DragOverlay>
    </DndContext>
  );
}
