import type { Task } from '@teamflow/contracts/tasks';
import type { TaskRecord } from './tasks.repository';

/** A task's key: its project's key and its number (`PLAT-12`). */
export const taskKey = (projectKey: string, number: number): string => `${projectKey}-${number}`;

export function toTask(row: TaskRecord): Task {
  return {
    id: row.id,
    key: taskKey(row.projectKey, row.number),
    number: row.number,
    projectId: row.projectId,
    workspaceId: row.workspaceId,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    storyPoints: row.storyPoints,
    dueDate: row.dueDate,
    position: row.position,
    parentId: row.parentId,
    sprintId: row.sprintId,
    assigneeIds: row.assigneeIds,
    labelIds: row.labelIds,
    version: row.version,
    createdBy: row.createdBy,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
