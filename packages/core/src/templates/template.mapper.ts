import type { TaskTemplate } from '@teamflow/contracts/templates';
import type { TemplateRow } from './templates.repository';

export function toTemplate(row: TemplateRow): TaskTemplate {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    name: row.name,
    titlePattern: row.titlePattern,
    description: row.description,
    priority: row.priority,
    storyPoints: row.storyPoints,
    labelIds: row.labelIds,
    assigneeIds: row.assigneeIds,
    subtasks: row.subtasks,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
