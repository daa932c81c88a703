import type { Task } from '@teamflow/contracts/tasks';
import { BOARD_STATUSES, isBoardStatus, type BoardStatus } from '@/modules/tasks/task-status';

/** Swimlanes: none, or one row of columns per assignee (a task sits in its first assignee's lane). */
export type BoardGrouping = 'none' | 'assignee';
export const UNASSIGNED_LANE = 'unassigned';

/** A column's id on the board: its status, or `lane:status` when the board has swimlanes. */
export function columnId(lane: string | null, status: BoardStatus): string {
  return lane === null ? status : `${lane}:${status}`;
}

export function parseColumnId(id: string): { lane: string | null; status: BoardStatus } | undefined {
  const [first, second] = id.split(':');
  if (second === undefined) return isBoardStatus(first) ? { lane: null, status: first } : undefined;
  return isBoardStatus(second) && first ? { lane: first, status: second } : undefined;
}

export function laneOf(task: Task, grouping: BoardGrouping): string | null {
  if (grouping === 'none') return null;
  return task.assigneeIds[0] ?? UNASSIGNED_LANE;
}

/** Task ids per column id, each column in board order (ascending position). */
export type Layout = Record<string, string[]>;

export function groupIntoLayout(
  tasks: readonly Task[],
  grouping: BoardGrouping,
  lanes: readonly string[],
): Layout {
  const layout: Layout = {};
  const laneIds = grouping === 'none' ? [null] : lanes;
  for (const lane of laneIds) for (const status of BOARD_STATUSES) layout[columnId(lane, status)] = [];
  const sorted = [...tasks].sort((a, b) => a.position - b.position);
  for (const task of sorted) {
    if (!isBoardStatus(task.status)) continue;
    layout[columnId(laneOf(task, grouping), task.status)]?.push(task.id);
  }
  return layout;
}

/** The column holding this id, or the column whose own droppable id it is. */
export function findColumn(layout: Layout, id: string): string | undefined {
  if (id in layout) return id;
  return Object.keys(layout).find((key) => layout[key]?.includes(id));
}

export interface MoveTarget {
  status: BoardStatus;
  afterId?: string;
  beforeId?: string;
}

/** Where a card sits in a column, as the api's move request names it: its neighbours. */
export function moveTargetAt(layout: Layout, column: string, taskId: string): MoveTarget {
  const list = layout[column] ?? [];
  const status = parseColumnId(column)?.status ?? 'todo';
  const index = list.indexOf(taskId);
  const afterId = index > 0 ? list[index - 1] : undefined;
  const beforeId = list[index + 1];
  return { status, ...(afterId ? { afterId } : {}), ...(beforeId ? { beforeId } : {}) };
}

const GAP = 1024;

/** The task as the board should show it right after a move, before the api answers. */
export function movedLocally(tasks: readonly Task[], task: Task, target: MoveTarget): Task {
  const positionOf = (id: string | undefined) => tasks.find((t) => t.id === id)?.position;
  const above = positionOf(target.afterId);
  const below = positionOf(target.beforeId);
  const position =
    above !== undefined && below !== undefined
      ? (above + below) / 2
      : above !== undefined
        ? above + GAP
        : below !== undefined
          ? below - GAP
          : 0;
  return { ...task, status: target.status, position };
}
