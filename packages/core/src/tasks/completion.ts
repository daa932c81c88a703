import type { TaskStatus } from '@teamflow/contracts/tasks';

/**
 * When a task counts as completed, after a status change: set on reaching done, kept when a done
 * task is archived (it was finished), cleared when reopened. Burndown and velocity read it.
 */
export function completedAtAfter(
  before: { status: TaskStatus; completedAt: Date | null },
  status: TaskStatus,
  at: Date,
): Date | null {
  if (status === before.status) return before.completedAt;
  if (status === 'done') return at;
  if (status === 'archived') return before.completedAt;
  return null;
}
