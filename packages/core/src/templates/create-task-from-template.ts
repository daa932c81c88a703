import { TaskCreate, type Task } from '@teamflow/contracts/tasks';
import type { TaskCreateRequest } from '@teamflow/contracts/templates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { invalid, notFound } from '../platform/errors';
import { findProject } from '../projects/projects.repository';
import { createTask } from '../tasks/create-task';
import { renderPlaceholders } from './render-placeholders';
import { findTemplate } from './templates.repository';

/**
 * `POST /projects/:projectId/tasks`: without `templateId` a plain create. With it, the template
 * (the project's or the workspace's) fills in what the body leaves out, placeholders rendered in
 * the workspace's zone, and its sub-task titles become sub-tasks of the new task.
 */
export async function createTaskFromTemplate(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  input: TaskCreateRequest,
): Promise<Task> {
  const { templateId, ...fields } = input;
  if (templateId === undefined) return createTask(deps, ctx, projectId, TaskCreate.parse(fields));
  const project = await findProject(deps.db, projectId);
  if (!project) throw notFound('Project');
  const template = await findTemplate(deps.db, templateId);
  if (
    !template ||
    template.workspaceId !== ctx.workspaceId ||
    (template.projectId !== null && template.projectId !== projectId)
  ) {
    throw invalid([{ field: 'templateId', message: 'Unknown template for this project' }]);
  }
  const scene = { timeZone: ctx.timeZone, projectName: project.name };
  const render = (text: string) => renderPlaceholders(text, scene);
  const title = fields.title ?? render(template.titlePattern).slice(0, 200);
  const task = await createTask(
    deps,
    ctx,
    projectId,
    TaskCreate.parse({
      ...fields,
      title,
      description:
        fields.description ?? (template.description === null ? undefined : render(template.description)),
      priority: fields.priority ?? template.priority,
      storyPoints: fields.storyPoints ?? template.storyPoints ?? undefined,
      labelIds: fields.labelIds ?? template.labelIds,
      assigneeIds: fields.assigneeIds ?? template.assigneeIds,
    }),
  );
  for (const subtask of template.subtasks) {
    await createTask(
      deps,
      ctx,
      projectId,
      TaskCreate.parse({ title: render(subtask).slice(0, 200), parentId: task.id, priority: task.priority }),
    );
  }
  return task;
}
