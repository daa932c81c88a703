import type { TaskTemplate, TaskTemplateUpdate } from '@teamflow/contracts/templates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { assertReferences, unique } from '../tasks/task-references';
import { toTemplate } from './template.mapper';
import { findTemplate, updateTemplateIfVersion } from './templates.repository';

/** Versioned like tasks: a stale `version` is 409 with the current template in `details.current`. */
export async function updateTemplate(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  templateId: string,
  input: TaskTemplateUpdate,
): Promise<TaskTemplate> {
  const current = await findTemplate(deps.db, templateId);
  if (!current || current.workspaceId !== ctx.workspaceId) throw notFound('Template');
  const assigneeIds = unique(input.assigneeIds);
  const labelIds = unique(input.labelIds);
  await assertReferences(
    deps.db,
    { workspaceId: ctx.workspaceId, projectId: current.projectId ?? '' },
    { assigneeIds, labelIds },
  );
  const row = await updateTemplateIfVersion(deps.db, templateId, input.version, {
    name: input.name,
    titlePattern: input.titlePattern,
    description:
      input.description === undefined
        ? undefined
        : input.description === null
          ? null
          : sanitizeMarkdown(input.description),
    priority: input.priority,
    storyPoints: input.storyPoints,
    labelIds,
    assigneeIds,
    subtasks: input.subtasks,
  });
  if (!row) {
    const now = await findTemplate(deps.db, templateId);
    if (!now) throw notFound('Template');
    throw conflict('The template changed since you loaded it', { current: toTemplate(now) });
  }
  return toTemplate(row);
}
