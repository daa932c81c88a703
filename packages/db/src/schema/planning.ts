import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { users } from './identity';
import { projects, TASK_PRIORITIES } from './board';
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
