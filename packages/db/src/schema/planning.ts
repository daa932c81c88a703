import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { users } from './identity';
import { projects, TASK_PRIORITIES, tasks } from './board';
import { workspaces } from './workspaces';

// Task templates: per project, or workspace-wide when project_id is null. Label and assignee ids
// are kept as given and checked again when a task is made (a label deleted since is refused).
export const taskTemplates = pgTable(
  'task_templates',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    titlePattern: text('title_pattern').notNull(),
    description: text('description'),
    priority: text('priority', { enum: TASK_PRIORITIES }).notNull().default('medium'),
    storyPoints: integer('story_points'),
    labelIds: jsonb('label_ids').$type<string[]>().notNull().default([]),
    assigneeIds: jsonb('assignee_ids').$type<string[]>().notNull().default([]),
    subtasks: jsonb('subtasks').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('task_templates_workspace_idx').on(t.workspaceId, t.projectId),
    check('task_templates_priority_check', sql`${t.priority} in ('low', 'medium', 'high', 'critical')`),
  ],
);

export interface SeriesBlueprint {
  title: string;
  description: string | null;
  priority: (typeof TASK_PRIORITIES)[number];
  storyPoints: number | null;
  assigneeIds: string[];
  labelIds: string[];
}

export const SERIES_MODES = ['every', 'every!'] as const;
export const SERIES_STATES = ['active', 'stopped'] as const;

// A recurring task: the rule, and where the series stands. `next_on`/`next_at` say when an
// `every!` series makes its next task (the minute scheduler reads them through the index).
export const taskSeries = pgTable(
  'task_series',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    // What each new occurrence copies (taken from the task when the rule was set), so a series
    // survives its first task being deleted.
    blueprint: jsonb('blueprint').$type<SeriesBlueprint>().notNull(),
    mode: text('mode', { enum: SERIES_MODES }).notNull(),
    time: text('time').notNull().default('09:00'),
    timeZone: text('time_zone').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    state: text('state', { enum: SERIES_STATES }).notNull().default('active'),
    currentTaskId: uuid('current_task_id').references(() => tasks.id, { onDelete: 'set null' }),
    nextOn: date('next_on', { mode: 'string' }),
    nextAt: timestamp('next_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('task_series_due_idx')
      .on(t.nextAt)
      .where(sql`${t.state} = 'active' and ${t.mode} = 'every!'`),
    check('task_series_mode_check', sql`${t.mode} in ('every', 'every!')`),
    check('task_series_state_check', sql`${t.state} in ('active', 'stopped')`),
  ],
);

// Each date of a series at most once: the unique key is what makes creation exactly-once across
// workers, retries and a scheduler firing while a "done" job runs. A skipped date has no task.
export const taskOccurrences = pgTable(
  'task_occurrences',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => taskSeries.id, { onDelete: 'cascade' }),
    occursOn: date('occurs_on', { mode: 'string' }).notNull(),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    skipped: boolean('skipped').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('task_occurrences_series_date_key').on(t.seriesId, t.occursOn),
    // A task belongs to one series at most.
    uniqueIndex('task_occurrences_task_key')
      .on(t.taskId)
      .where(sql`${t.taskId} is not null`),
  ],
);
