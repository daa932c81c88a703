import { TASK_STATUS_LABELS, type TaskStatus } from '@teamflow/contracts/tasks';

/** The statuses a board shows, as its columns left to right: every one but archived. */
export const BOARD_STATUSES = [
  'todo',
  'in_progress',
  'in_review',
  'blocked',
  'done',
] as const satisfies readonly TaskStatus[];
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const STATUS_LABEL: Record<TaskStatus, string> = TASK_STATUS_LABELS;

export function isBoardStatus(value: unknown): value is BoardStatus {
  return typeof value === 'string' && (BOARD_STATUSES as readonly string[]).includes(value);
}
