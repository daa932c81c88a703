import { z } from 'zod';
import { CalendarDate, Id, Markdown, page, PageQuery, Timestamp, Version } from './common';

export const TaskStatus = z.enum(['todo', 'in_progress', 'in_review', 'blocked', 'done', 'archived']);
export type TaskStatus = z.infer<typeof TaskStatus>;
/** How a status reads to people (the board's columns, messages sent elsewhere). */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  blocked: 'Blocked',
  done: 'Done',
  archived: 'Archived',
};
export const TaskPriority = z.enum(['low', 'medium', 'high', 'critical']);
export type TaskPriority = z.infer<typeof TaskPriority>;

const Title = z.string().trim().min(3).max(200);
const StoryPoints = z.number().int().min(1).max(21);
const DueDate = CalendarDate;
/** The most assignees, and the most labels, one task carries (an import row is held to it too). */
export const MAX_TASK_LINKS = 50;
const IdList = z.array(Id).max(MAX_TASK_LINKS);

export const TaskCreate = z.object({
  title: Title,
  description: Markdown(50000).optional(),
  status: TaskStatus.default('todo'),
  priority: TaskPriority.default('medium'),
  storyPoints: StoryPoints.optional(),
  dueDate: DueDate.optional(),
  assigneeIds: IdList.optional(),
  labelIds: IdList.optional(),
  parentId: Id.optional(),
  sprintId: Id.optional(),
});
export type TaskCreate = z.infer<typeof TaskCreate>;

export const TaskUpdate = z.object({
  version: Version,
  title: Title.optional(),
  description: Markdown(50000).nullable().optional(),
  status: TaskStatus.optional(),
  priority: TaskPriority.optional(),
  storyPoints: StoryPoints.nullable().optional(),
  dueDate: DueDate.nullable().optional(),
  assigneeIds: IdList.optional(),
  labelIds: IdList.optional(),
  parentId: Id.nullable().optional(),
  sprintId: Id.nullable().optional(),
});
export type TaskUpdate = z.infer<typeof TaskUpdate>;

/** Board drag and drop: the task lands in `status`, after `afterId` and/or before `beforeId`. */
export const TaskMove = z.object({
  status: TaskStatus,
  afterId: Id.optional(),
  beforeId: Id.optional(),
  version: Version,
});
export type TaskMove = z.infer<typeof TaskMove>;

export const TaskSort = z.enum([
  'position',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'priority',
  'dueDate',
]);
export type TaskSort = z.infer<typeof TaskSort>;

export const TaskListQuery = PageQuery.extend({
  status: z.union([TaskStatus, z.array(TaskStatus)]).optional(),
  priority: z.union([TaskPriority, z.array(TaskPriority)]).optional(),
  assigneeId: Id.optional(),
  labelId: Id.optional(),
  /** A sprint's tasks, or `none` for the backlog (tasks in no sprint). */
  sprintId: z.union([Id, z.literal('none')]).optional(),
  parentId: Id.optional(),
  dueBefore: DueDate.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: TaskSort.default('position'),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const Task = z.object({
  id: Id,
  key: z.string(),
  number: z.number().int(),
  projectId: Id,
  workspaceId: Id,
  title: z.string(),
  description: z.string().nullable(),
  status: TaskStatus,
  priority: TaskPriority,
  storyPoints: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  position: z.number(),
  parentId: Id.nullable(),
  sprintId: Id.nullable(),
  assigneeIds: z.array(Id),
  labelIds: z.array(Id),
  version: z.number().int(),
  createdBy: Id,
  completedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Task = z.infer<typeof Task>;

export const TaskPage = page(Task);
export type TaskPage = z.infer<typeof TaskPage>;

export const DependencyCreate = z.object({ dependsOnTaskId: Id });
export type DependencyCreate = z.infer<typeof DependencyCreate>;
export const DependencyParams = z.object({ taskId: Id, dependsOnTaskId: Id });
export const TaskDependencies = z.object({
  dependsOn: z.array(z.object({ id: Id, key: z.string(), title: z.string(), status: TaskStatus })),
  blocks: z.array(z.object({ id: Id, key: z.string(), title: z.string(), status: TaskStatus })),
});
export type TaskDependencies = z.infer<typeof TaskDependencies>;
