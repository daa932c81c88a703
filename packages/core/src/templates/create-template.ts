import type { TaskTemplate, TaskTemplateCreate } from '@teamflow/contracts/templates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { findProject } from '../projects/projects.repository';
import { assertReferences, unique } from '../tasks/task-references';
import { toTemplate } from './template.mapper';
import { insertTemplate } from './templates.repository';

/** A template for one project (`projectId`) or for the whole workspace (`null`). */
export async function createTemplate(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string | null,
  input: TaskTemplateCreate,
): Promise<TaskTemplate> {
  if (projectId && !(await findProject(deps.db, projectId))) throw notFound('Project');
  const assigneeIds = unique(input.assigneeIds) ?? [];
  const labelIds = unique(input.labelIds) ?? [];
  await assertReferences(
    deps.db,
    { workspaceId: ctx.workspaceId, projectId: projectId ?? '' },
    { assigneeIds, labelIds },
  );
  const row = await insertTemplate(deps.db, {
    workspaceId: ctx.workspaceId,
    projectId,
    name: input.name,
    titlePattern: input.titlePattern,
    description: input.description === undefined ? null : sanitizeMarkdown(input.description),
    priority: input.priority,
    storyPoints: input.storyPoints ?? null,
    labelIds,
    assigneeIds,
    subtasks: input.subtasks ?? [],
    createdBy: ctx.actor.id,
  });
  return toTemplate(row);
}
