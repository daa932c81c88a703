import type { FieldError } from '@teamflow/contracts/common';
import { TaskCreate, type Task } from '@teamflow/contracts/tasks';
import type { TaskCreateRequest } from '@teamflow/contracts/templates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { invalid, notFound } from '../platform/errors';
import { recordIdempotentWrite } from '../platform/idempotent-writes';
import { findProject } from '../projects/projects.repository';
import { createTask, draftTask, writeCreatedTask } from '../tasks/create-task';
import { assertReferences } from '../tasks/task-references';
import { renderPlaceholders } from './render-placeholders';
import { findTemplate } from './templates.repository';

/** A rendered task checked against the task contract; a failure names the template part that made it. */
function checked(prefix: string | null, fields: unknown, errors: FieldError[]): TaskCreate | undefined {
  const parsed = TaskCreate.safeParse(fields);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    errors.push({ field: [...(prefix ? [prefix] : []), ...issue.path].join('.'), message: issue.message });
  return undefined;
}

/**
 * `POST /projects/:projectId/tasks`: without `templateId` a plain create. With it, the template
 * (the project's or the workspace's) fills in what the body leaves out, placeholders rendered in
 * the project's zone, and its sub-task titles become sub-tasks of the new task. Every task is
 * rendered and checked first, then all are written in ONE transaction (numbers, rows, events):
 * either the task and all its sub-tasks exist, or none of them.
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
  const scene = { timeZone: project.timeZone ?? ctx.timeZone, projectName: project.name };
  const render = (text: string) => renderPlaceholders(text, scene);
  const errors: FieldError[] = [];
  const parent = checked(
    null,
    {
      ...fields,
      title: fields.title ?? render(template.titlePattern).slice(0, 200),
      description:
        fields.description ?? (template.description === null ? undefined : render(template.description)),
      priority: fields.priority ?? template.priority,
      storyPoints: fields.storyPoints ?? template.storyPoints ?? undefined,
      labelIds: fields.labelIds ?? template.labelIds,
      assigneeIds: fields.assigneeIds ?? template.assigneeIds,
    },
    errors,
  );
  const subtasks = template.subtasks.map((title, i) =>
    checked(`subtasks.${i}`, { title: render(title).slice(0, 200), priority: parent?.priority }, errors),
  );
  if (errors.length || !parent) throw invalid(errors, 'The template renders a task the task rules refuse');

  const at = new Date();
  const draft = draftTask(ctx, projectId, parent, at);
  await assertReferences(deps.db, { workspaceId: ctx.workspaceId, projectId }, draft);
  // A millisecond apart, so lists ordered by creation keep the template's order of sub-tasks.
  const children = subtasks.map((s, i) =>
    draftTask(ctx, projectId, { ...s!, parentId: draft.id }, new Date(at.getTime() + i + 1)),
  );
  return deps.db.transaction(async (tx) => {
    let task: Task | undefined;
    for (const next of [draft, ...children]) {
      // Numbered inside the transaction, so a failed set leaves no gap and no task.
      const written = await writeCreatedTask(tx, ctx, next);
      task ??= written;
    }
    await recordIdempotentWrite(tx, ctx, task!.id);
    return task!;
  });
}
