import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { users } from './identity';
import { sprints, tasks } from './board';
import { workspaces } from './workspaces';

// Membership history of a sprint: a row per stint of a task in a sprint. Removing a task stamps
// `removed_at` instead of deleting, so burndown can replay scope added or removed mid-sprint.
export const sprintTasks = pgTable(
  'sprint_tasks',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    sprintId: uuid('sprint_id')
      .notNull()
      .references(() => sprints.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
    removedBy: uuid('removed_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('sprint_tasks_sprint_idx').on(t.sprintId, t.addedAt),
    index('sprint_tasks_task_idx').on(t.taskId),
    // A task is in a sprint at most once at a time.
    uniqueIndex('sprint_tasks_open_key')
      .on(t.sprintId, t.taskId)
      .where(sql`${t.removedAt} is null`),
  ],
);

// Cached analytics (burndown per sprint, velocity per project), recomputed by analytics jobs.
export const analyticsSnapshots = pgTable(
  'analytics_snapshots',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    inputVersion: integer('input_version').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('analytics_snapshots_kind_subject_key').on(t.kind, t.subjectId)],
);
