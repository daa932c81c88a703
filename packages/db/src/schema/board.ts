import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { deletedAt, id, timestamps, tsvector } from './columns';
import { users } from './identity';
import { workspaces } from './workspaces';

export const TASK_STATUSES = ['todo', 'in_progress', 'in_review', 'blocked', 'done', 'archived'] as const;
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const SPRINT_STATES = ['planned', 'active', 'completed'] as const;

export const projects = pgTable(
  'projects',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    // IANA zone for the project's dates (recurrence, template placeholders, sprint starts); null: the workspace's.
    timeZone: text('time_zone'),
    // Kept for the previous release only: task numbers come from the project's sequence
    // (`task_number_sequence(id)`, migration 0018); a raise of this column draws from it.
    taskCounter: integer('task_counter').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('projects_workspace_key_key')
      .on(t.workspaceId, t.key)
      .where(sql`${t.deletedAt} is null`),
    index('projects_workspace_idx').on(t.workspaceId, t.createdAt),
    check('projects_key_format', sql`${t.key} ~ '^[A-Z][A-Z0-9]{1,9}$'`),
  ],
);

// Sprints live beside projects and tasks because `tasks.sprint_id` points here (one file, no cycle).
export const sprints = pgTable(
  'sprints',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    goal: text('goal'),
    state: text('state', { enum: SPRINT_STATES }).notNull().default('planned'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('sprints_project_idx').on(t.projectId, t.createdAt),
    // At most one running sprint per project.
    uniqueIndex('sprints_one_active_per_project')
      .on(t.projectId)
      .where(sql`${t.state} = 'active'`),
    check('sprints_state_check', sql`${t.state} in ('planned', 'active', 'completed')`),
    check('sprints_name_length', sql`char_length(${t.name}) between 1 and 100`),
    check(
      'sprints_dates_order',
      sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`,
    ),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('todo'),
    priority: text('priority', { enum: TASK_PRIORITIES }).notNull().default('medium'),
    storyPoints: integer('story_points'),
    dueDate: date('due_date', { mode: 'string' }),
    // Board order within a status column: fractional, so a move writes one row.
    position: doublePrecision('position').notNull(),
    version: integer('version').notNull().default(1),
    parentId: uuid('parent_id').references((): AnyPgColumn => tasks.id, { onDelete: 'set null' }),
    // The sprint the task is in now; `sprint_tasks` keeps the history that burndown reads.
    sprintId: uuid('sprint_id').references(() => sprints.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps,
    deletedAt: deletedAt(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('tasks_project_number_key').on(t.projectId, t.number),
    index('tasks_board_idx').on(t.projectId, t.status, t.position),
    index('tasks_workspace_idx').on(t.workspaceId),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_project_created_idx').on(t.projectId, t.createdAt),
    index('tasks_due_idx').on(t.projectId, t.dueDate),
    index('tasks_sprint_idx').on(t.sprintId),
    index('tasks_search_idx').using('gin', t.searchVector),
    // Title substring and prefix search (`title ilike '%q%'`): trigrams of the pg_trgm extension.
    index('tasks_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    check(
      'tasks_status_check',
      sql`${t.status} in ('todo', 'in_progress', 'in_review', 'blocked', 'done', 'archived')`,
    ),
    check('tasks_priority_check', sql`${t.priority} in ('low', 'medium', 'high', 'critical')`),
    check('tasks_story_points_check', sql`${t.storyPoints} between 1 and 21`),
    check('tasks_title_length', sql`char_length(${t.title}) between 1 and 200`),
    check('tasks_not_own_parent', sql`${t.parentId} <> ${t.id}`),
  ],
);

export const taskAssignees = pgTable(
  'task_assignees',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index('task_assignees_user_idx').on(t.userId)],
);

export const labels = pgTable(
  'labels',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('labels_workspace_name_key').on(t.workspaceId, sql`lower(${t.name})`),
    check('labels_color_format', sql`${t.color} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

export const taskLabels = pgTable(
  'task_labels',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    labelId: uuid('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.taskId, t.labelId] }), index('task_labels_label_idx').on(t.labelId)],
);

export const taskDependencies = pgTable(
  'task_dependencies',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    dependsOnTaskId: uuid('depends_on_task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.dependsOnTaskId] }),
    index('task_dependencies_depends_on_idx').on(t.dependsOnTaskId),
    check('task_dependencies_not_self', sql`${t.taskId} <> ${t.dependsOnTaskId}`),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    ...timestamps,
    deletedAt: deletedAt(),
  },
  (t) => [
    index('comments_task_idx').on(t.taskId, t.createdAt),
    index('comments_search_idx').using('gin', sql`to_tsvector('english'::regconfig, ${t.body})`),
    // Substring and prefix search in comments (`body ilike '%q%'`), as for task titles.
    index('comments_body_trgm_idx').using('gin', t.body.op('gin_trgm_ops')),
    check('comments_body_length', sql`char_length(${t.body}) between 1 and 20000`),
  ],
);
