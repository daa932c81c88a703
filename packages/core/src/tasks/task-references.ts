import type { FieldError } from '@teamflow/contracts/common';
import type { DbOrTx } from '@teamflow/db/client';
import { invalid } from '../platform/errors';
import { memberIdsAmong } from '../workspaces/workspaces.repository';
import {
  findSprintBrief,
  findTaskBrief,
  labelIdsInWorkspace,
  wouldCreateParentCycle,
} from './tasks.repository';

export interface References {
  assigneeIds?: string[];
  labelIds?: string[];
  parentId?: string | null;
  sprintId?: string | null;
}

/**
 * Every id a task points at must live in the same workspace (and a parent in the same project):
 * a foreign id is a 400 naming the field, never a silent cross-workspace link.
 */
export async function assertReferences(
  db: DbOrTx,
  scope: { workspaceId: string; projectId: string; taskId?: string; currentSprintId?: string | null },
  refs: References,
): Promise<void> {
  const errors: FieldError[] = [];
  if (refs.assigneeIds?.length) {
    const members = await memberIdsAmong(db, scope.workspaceId, refs.assigneeIds);
    if (refs.assigneeIds.some((id) => !members.has(id))) {
      errors.push({ field: 'assigneeIds', message: 'Every assignee must be a member of this workspace' });
    }
  }
  if (refs.labelIds?.length) {
    const found = await labelIdsInWorkspace(db, scope.workspaceId, refs.labelIds);
    if (refs.labelIds.some((id) => !found.has(id))) {
      errors.push({ field: 'labelIds', message: 'Unknown label for this workspace' });
    }
  }
  if (refs.parentId) {
    const parent = await findTaskBrief(db, refs.parentId);
    if (!parent || parent.projectId !== scope.projectId) {
      errors.push({ field: 'parentId', message: 'The parent must be a task in the same project' });
    } else if (scope.taskId && (await wouldCreateParentCycle(db, scope.taskId, refs.parentId))) {
      errors.push({ field: 'parentId', message: 'A task cannot be nested under itself or its sub-tasks' });
    }
  }
  if (refs.sprintId) {
    const sprint = await findSprintBrief(db, refs.sprintId);
    if (!sprint || sprint.projectId !== scope.projectId) {
      errors.push({ field: 'sprintId', message: 'Unknown sprint for this project' });
    } else if (sprint.state === 'completed' && refs.sprintId !== scope.currentSprintId) {
      errors.push({ field: 'sprintId', message: 'A completed sprint cannot take tasks' });
    }
  }
  if (errors.length) throw invalid(errors);
}

// Sorted like the database returns them (same insert time, then id), so every response lists them alike.
export const unique = (ids: string[] | undefined) => (ids ? [...new Set(ids)].sort() : undefined);
