import { z } from 'zod';
import { Id, Markdown, ProjectParams, Timestamp, Version } from './common';
import { TaskCreate, TaskPriority } from './tasks';

/**
 * Task templates: a title pattern and a body that placeholders fill in when a task is made from
 * them (see TEMPLATE_PLACEHOLDERS). A template belongs to a project, or to the whole workspace
 * when `projectId` is null.
 */

/** What `{{…}}` may name; anything else is left as written. Dates are in the project's zone (its own, else the workspace's). */
export const TEMPLATE_PLACEHOLDERS = ['date', 'weekday', 'week', 'month', 'year', 'project'] as const;

const Name = z.string().trim().min(1, 'Give the template a name').max(100);
const TitlePattern = z.string().trim().min(3).max(200);
const SubtaskTitles = z.array(z.string().trim().min(3).max(200)).max(20);
const IdList = z.array(Id).max(50);

export const TaskTemplateCreate = z.object({
  name: Name,
  titlePattern: TitlePattern,
  description: Markdown(50000).optional(),
  priority: TaskPriority.default('medium'),
  storyPoints: z.number().int().min(1).max(21).optional(),
  labelIds: IdList.optional(),
  assigneeIds: IdList.optional(),
  subtasks: SubtaskTitles.optional(),
});
export type TaskTemplateCreate = z.infer<typeof TaskTemplateCreate>;

export const TaskTemplateUpdate = z.object({
  version: Version,
  name: Name.optional(),
  titlePattern: TitlePattern.optional(),
  description: Markdown(50000).nullable().optional(),
  priority: TaskPriority.optional(),
  storyPoints: z.number().int().min(1).max(21).nullable().optional(),
  labelIds: IdList.optional(),
  assigneeIds: IdList.optional(),
  subtasks: SubtaskTitles.optional(),
});
export type TaskTemplateUpdate = z.infer<typeof TaskTemplateUpdate>;

export const TaskTemplate = z.object({
  id: Id,
  workspaceId: Id,
  /** Null: a workspace template, offered in every project. */
  projectId: Id.nullable(),
  name: z.string(),
  titlePattern: z.string(),
  description: z.string().nullable(),
  priority: TaskPriority,
  storyPoints: z.number().int().nullable(),
  labelIds: z.array(Id),
  assigneeIds: z.array(Id),
  subtasks: z.array(z.string()),
  version: z.number().int(),
  createdBy: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TaskTemplate = z.infer<typeof TaskTemplate>;

export const TaskTemplateList = z.object({ items: z.array(TaskTemplate) });
export type TaskTemplateList = z.infer<typeof TaskTemplateList>;

export const TemplateParams = z.object({ templateId: Id });
export type TemplateParams = z.infer<typeof TemplateParams>;
export { ProjectParams };

/**
 * `POST /projects/:projectId/tasks`: a plain task, or one made from `templateId`, where the
 * template gives what the body leaves out (the body's fields win; its title replaces the pattern).
 */
export const TaskCreateRequest = TaskCreate.extend({
  title: TaskCreate.shape.title.optional(),
  priority: TaskPriority.optional(),
  templateId: Id.optional(),
}).refine((v) => v.title !== undefined || v.templateId !== undefined, {
  message: 'Give the task a title, or a templateId to make it from',
  path: ['title'],
});
export type TaskCreateRequest = z.infer<typeof TaskCreateRequest>;
