import type { Task, TaskStatus } from '@teamflow/contracts/tasks';

/** The board's columns, left to right; archived tasks stay off the board. */
export const BOARD_STATUSES = [
  'todo',
  'in_progress',
  'in_review',
  'blocked',
  'done',
] as const satisfies readonly TaskStatus[];
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const STATUS_LABEL: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  blocked: 'Blocked',
  done: 'Done',
  archived: 'Archived',
};

export type ColumnIds = Record<BoardStatus, string[]>;

export function isBoardStatus(value: unknown): value is BoardStatus {
  return typeof value === 'string' && (BOARD_STATUSES as readonly string[]).includes(value);
}

/** Task ids per column, each column in board order (ascending position). */
export function groupIntoColumns(tasks: readonly Task[]): ColumnIds {
  const columns = Object.fromEntries(BOARD_STATUSES.map((s) => [s, [] as string[]])) as ColumnIds;
  const sorted = [...tasks].sort((a, b) => a.position - b.position);
  for (const task of sorted) {
    if (isBoardStatus(task.status)) columns[task.status].push(task.id);
  }
  return columns;
}

/** The column holding this id, or the column whose own droppable id it is. */
export function findColumn(columns: ColumnIds, id: string): BoardStatus | undefined {
  if (isBoardStatus(id)) return id;
  return BOARD_STATUSES.find((status) => columns[status].includes(id));
}

export interface MoveTarget {
  status: BoardStatus;
  afterId?: string;
  beforeId?: string;
}

/** Where a card sits in a column, as the api's move request names it: its neighbours. */
export function moveTargetAt(columns: ColumnIds, status: BoardStatus, taskId: string): MoveTarget {
  const list = columns[status];
  const index = list.indexOf(taskId);
  const afterId = index > 0 ? list[index - 1] : undefined;
  const beforeId = list[index + 1];
  return { status, ...(afterId ? { afterId } : {}), ...(beforeId ? { beforeId } : {}) };
}

const GAP = 1024;

/** The task as the board should show it right after a move, before the api answers. */
export function applyMoveLocally(tasks: readonly Task[], taskId: string, target: MoveTarget): Task[] {
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
  return tasks.map((t) => (t.id === taskId ? { ...t, status: target.status, position } : t));
}
